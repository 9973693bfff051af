import { describe, expect, it } from 'vitest';
import { type SingleInstanceApp, type WindowLike, holdSingleInstance } from '../../electron/main/single-instance.js';

/** A fake of Electron's app: the single-instance lock goes to the first to ask, like Electron's per user. */
class FakeApp implements SingleInstanceApp {
  quitted = false;
  private secondInstance: (() => void) | undefined;
  constructor(private readonly lockFree: boolean) {}
  requestSingleInstanceLock() {
    return this.lockFree;
  }
  on(_event: 'second-instance', listener: () => void) {
    this.secondInstance = listener;
    return this;
  }
  quit() {
    this.quitted = true;
  }
  /** What Electron does in the first app when the user launches it again. */
  launchAgain() {
    this.secondInstance?.();
  }
}

/** A fake window that records what was done to it, in order. */
class FakeWindow implements WindowLike {
  readonly calls: string[] = [];
  constructor(private minimized: boolean) {}
  isMinimized() {
    return this.minimized;
  }
  restore() {
    this.minimized = false;
    this.calls.push('restore');
  }
  show() {
    this.calls.push('show');
  }
  focus() {
    this.calls.push('focus');
  }
}

describe('one desktop app at a time', () => {
  it('a second launch quits at once, before opening the database or a window', () => {
    const second = new FakeApp(false);
    expect(holdSingleInstance(second, () => undefined)).toBe(false);
    expect(second.quitted).toBe(true);
  });

  it("the first app brings its window forward when launched again: restored from the taskbar, shown and focused (focus alone left a minimised window down)", () => {
    const first = new FakeApp(true);
    const window = new FakeWindow(true);
    expect(holdSingleInstance(first, () => window)).toBe(true);
    expect(first.quitted).toBe(false);
    first.launchAgain();
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    first.launchAgain();
    expect(window.calls).toEqual(['restore', 'show', 'focus', 'show', 'focus']);
  });

  it('a launch again before the first window exists (still starting) does nothing and does not fail', () => {
    const first = new FakeApp(true);
    expect(holdSingleInstance(first, () => undefined)).toBe(true);
    expect(() => first.launchAgain()).not.toThrow();
  });
});
