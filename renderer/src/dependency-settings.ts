import { useState } from 'react';
import type { DependencyScanOptions } from '../../core/api/scans';

const storageKey = 'steward.dependencyChecks';

/** How scans started from this window check dependencies: another registry, or the cache only. Kept in this browser's storage. */
export function storedDependencySettings(): DependencyScanOptions {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey) ?? '{}') as DependencyScanOptions;
    return { ...(typeof value.registry === 'string' && value.registry !== '' ? { registry: value.registry } : {}), ...(value.offline === true ? { offline: true } : {}) };
  } catch {
    return {};
  }
}

export function useDependencySettings(): [DependencyScanOptions, (next: DependencyScanOptions) => void] {
  const [settings, setSettings] = useState(storedDependencySettings);
  return [
    settings,
    (next) => {
      localStorage.setItem(storageKey, JSON.stringify(next));
      setSettings(next);
    },
  ];
}
