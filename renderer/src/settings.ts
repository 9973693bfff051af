import { useCallback, useEffect, useState } from 'react';
import type { RouteInput } from '../../core/api/routes';
import type { Settings } from '../../core/api/settings';
import { call } from './api/client';
import { asFailure } from './api/hooks';

/** The settings in the store, and a way to change some of them (the store answers with all of them). */
export function useSettings(): { settings: Settings | undefined; error: string | undefined; update: (change: RouteInput<'settings.update'>) => Promise<void> } {
  const [settings, setSettings] = useState<Settings>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    void call('settings.get', {}).then(setSettings, (failure: unknown) => setError(asFailure(failure).message));
  }, []);
  const update = useCallback(async (change: RouteInput<'settings.update'>) => {
    // Shown at once; the store's answer (or the failure) follows.
    setSettings((current) => current && merge(current, change));
    try {
      setSettings(await call('settings.update', change));
      setError(undefined);
    } catch (failure) {
      setError(asFailure(failure).message);
      setSettings(await call('settings.get', {}).catch(() => undefined));
    }
  }, []);
  return { settings, error, update };
}

function merge(current: Settings, change: RouteInput<'settings.update'>): Settings {
  return {
    theme: change.theme ?? current.theme,
    dependencies: { ...current.dependencies, ...change.dependencies },
    complexity: { ...current.complexity, ...change.complexity },
    scanSchedule: { ...current.scanSchedule, ...change.scanSchedule },
    notifications: { ...current.notifications, ...change.notifications },
  };
}
