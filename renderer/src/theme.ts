import { useState } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const storageKey = 'steward.theme';

function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(storageKey);
  return value === 'light' || value === 'dark' ? value : 'system';
}

function apply(choice: ThemeChoice): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

export function applyStoredTheme(): void {
  apply(storedTheme());
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState(storedTheme);
  return [
    choice,
    (next) => {
      localStorage.setItem(storageKey, next);
      apply(next);
      setChoice(next);
    },
  ];
}
