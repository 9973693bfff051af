import type { Settings } from '../../core/api/settings';
import { call } from './api/client';

export type ThemeChoice = Settings['theme'];

/** The last theme applied, remembered by this browser only so that the first paint is not a flash of the other one. */
const firstPaintKey = 'steward.theme';

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
  localStorage.setItem(firstPaintKey, choice);
}

/** The theme of the last run at once, then the one in the store (shared by every window, browser mode and the desktop app). */
export function applyStoredTheme(): void {
  const remembered = localStorage.getItem(firstPaintKey);
  if (remembered === 'light' || remembered === 'dark') document.documentElement.dataset.theme = remembered;
  void call('settings.get', {}).then(
    (settings) => applyTheme(settings.theme),
    () => undefined,
  );
}
