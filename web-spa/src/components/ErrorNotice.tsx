import type { ApiError } from '../api/client';

/** A problem+json error shown in plain words; role=alert so screen readers announce it. */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{error.title}</p>
      {error.detail && <p>{error.detail}</p>}
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
