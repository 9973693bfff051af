import type { ReactNode } from 'react';
import type { Loaded } from '../api/hooks';
import { ErrorMessage } from './ErrorMessage';

/** Grey bars where the content will be, while it loads: the page keeps its shape instead of jumping. */
export function Skeleton() {
  return (
    <div className="skeleton" role="status" aria-label="Loading…">
      <div />
      <div />
      <div />
    </div>
  );
}

/** Renders a loaded value, or the loading (a skeleton) or failed state. */
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') return <Skeleton />;
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  return <>{children(loaded.value)}</>;
}
