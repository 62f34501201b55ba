import type { ApiError } from '../api/client';
import { isTransient } from '../polling';

/**
 * A problem+json error shown in plain words; role=alert so screen readers announce it. "Try again"
 * is offered only where trying again can help (no answer, a server hiccup): a missing run or a
 * refused action stays so however often it is asked for.
 */
export function ErrorNotice({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{error.title}</p>
      {error.detail && <p>{error.detail}</p>}
      {onRetry && isTransient(error) && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
