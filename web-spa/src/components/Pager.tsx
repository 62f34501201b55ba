/**
 * Previous / Next over server pages, with the range in words. The buttons are never `disabled`:
 * a disabled button drops the keyboard focus to the page body, so an agent paging with Enter would
 * lose their place when a page loads or the last one is reached. Unavailable, they are marked
 * `aria-disabled` (announced as dimmed) and ignore presses.
 */
export function Pager({
  label,
  range,
  loading,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  label: string;
  range: string;
  loading: boolean;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="button-secondary" aria-disabled={!hasPrevious || undefined} onClick={() => hasPrevious && onPrevious()}>
        Previous
      </button>
      <span role="status">{loading ? 'Loading…' : range}</span>
      <button type="button" className="button-secondary" aria-disabled={!hasNext || undefined} onClick={() => hasNext && onNext()}>
        Next
      </button>
    </nav>
  );
}
