// Proof Key for Code Exchange (RFC 7636, S256) and the random values of a sign-in round trip.

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random URL-safe string from `bytes` random bytes (32 → 43 characters, as RFC 7636 suggests). */
export function randomToken(bytes = 32): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return base64Url(buffer);
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The S256 code challenge of a verifier: base64url(SHA-256(ascii(verifier))). */
export async function codeChallenge(verifier: string): Promise<string> {
  if (!VERIFIER.test(verifier)) throw new Error('A PKCE code verifier is 43 to 128 unreserved characters.');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
