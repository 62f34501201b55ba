/** Saves a fetched file. The findings export needs the token, so it cannot be a plain link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; give them a moment before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
