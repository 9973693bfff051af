import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { RouteInput } from '../../core/api/routes';
import type { Settings } from '../../core/api/settings';
import { call } from './api/client';
import { asFailure } from './api/hooks';

interface SettingsState {
  settings: Settings | undefined;
  error: string | undefined;
}

/**
 * One copy of the settings for the whole window, read once: every link to a file reads the editor
 * from it, and a change made on the Settings page reaches them all at once.
 */
let state: SettingsState = { settings: undefined, error: undefined };
const listeners = new Set<() => void>();
let requested = false;

function publish(next: Partial<SettingsState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function load(): void {
  if (requested) return;
  requested = true;
  void call('settings.get', {}).then(
    (settings) => publish({ settings }),
    (failure: unknown) => {
      requested = false;
      publish({ error: asFailure(failure).message });
    },
  );
}

/**
 * The settings in the store, and a way to change some of them (the store answers with all of them).
 * `fresh`: read them again (the Settings page does: the CLI may have changed them meanwhile).
 */
export function useSettings({ fresh = false } = {}): { settings: Settings | undefined; error: string | undefined; update: (change: RouteInput<'settings.update'>) => Promise<void> } {
  const { settings, error } = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (fresh) requested = false;
    load();
  }, [fresh]);
  const update = useCallback(async (change: RouteInput<'settings.update'>) => {
    // Shown at once; the store's answer (or the failure) follows.
    if (state.settings) publish({ settings: merge(state.settings, change) });
    try {
      publish({ settings: await call('settings.update', change), error: undefined });
    } catch (failure) {
      publish({ error: asFailure(failure).message, settings: await call('settings.get', {}).catch(() => undefined) });
    }
  }, []);
  return { settings, error, update };
}

function merge(current: Settings, change: RouteInput<'settings.update'>): Settings {
  return {
    theme: change.theme ?? current.theme,
    dependencies: { ...current.dependencies, ...change.dependencies },
    complexity: { ...current.complexity, ...change.complexity },
    productCodeOnly: change.productCodeOnly ?? current.productCodeOnly,
    editor: change.editor ? { open: change.editor.open ?? current.editor.open, template: change.editor.template ?? null } : current.editor,
    scanSchedule: { ...current.scanSchedule, ...change.scanSchedule },
    notifications: { ...current.notifications, ...change.notifications },
  };
}
