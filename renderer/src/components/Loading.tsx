import type { ReactNode } from 'react';
import type { Loaded } from '../api/hooks';
import { ErrorMessage } from './ErrorMessage';

/** Renders a loaded value, or the loading/failed state in words. */
export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (value: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="muted">Loading…</p>;
  if (loaded.state === 'failed') return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  return <>{children(loaded.value)}</>;
}
