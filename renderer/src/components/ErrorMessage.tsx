import type { ApiFailure } from '../api/client';

export function ErrorMessage({ error, onRetry }: { error: ApiFailure | string; onRetry?: () => void }) {
  return (
    <div className="error" role="alert">
      {typeof error === 'string' ? error : error.message}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
