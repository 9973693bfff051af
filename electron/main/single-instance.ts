/** The parts of Electron's BrowserWindow used here (so that tests can give a fake). */
export interface WindowLike {
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/** The parts of Electron's app used here. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(event: 'second-instance', listener: () => void): unknown;
  quit(): void;
}

/** Brings a window to the front: restored if minimised, shown if hidden, then focused (focus alone leaves a minimised window down). */
export function bringToFront(window: WindowLike): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/**
 * One desktop app per user: a second launch quits at once, and the first brings its window to the
 * front instead. Two windows would work (the database is shared safely, as with the CLI and `steward
 * serve`), but each would run its own scan schedule and resume the same backfills; one app, one
 * window, is what a person expects. Returns whether this process is the one that runs.
 */
export function holdSingleInstance(app: SingleInstanceApp, currentWindow: () => WindowLike | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = currentWindow();
    if (window) bringToFront(window);
  });
  return true;
}
