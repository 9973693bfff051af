import { describe, expect, it } from 'vitest';
import type { StewardEvent } from '../../core/api/events.js';
import { type NotificationLike, nativeNotifications, repositoryHash } from '../../electron/main/notifications.js';

const notification: Extract<StewardEvent, { type: 'notification' }>['notification'] = {
  id: 1,
  repositoryId: 4,
  snapshotId: 9,
  kind: 'score-drop',
  title: 'shop: health fell 6 points in a week',
  body: 'Health 77, down from 83 at the latest scanned commit a week or more older.',
  createdAt: '2026-12-07T09:00:00.000Z',
};

/** A fake of Electron's Notification that records what was shown and lets the test click it. */
class FakeNotification implements NotificationLike {
  static shown: FakeNotification[] = [];
  private readonly listeners = new Map<string, () => void>();
  constructor(readonly options: { title: string; body: string }) {}
  on(event: 'click' | 'close', listener: () => void) {
    this.listeners.set(event, listener);
    return this;
  }
  show() {
    FakeNotification.shown.push(this);
  }
  click() {
    this.listeners.get('click')?.();
  }
}

describe('native notifications (desktop app)', () => {
  it('shows a health notification with its words, and a click opens its repository', () => {
    const opened: number[] = [];
    const listener = nativeNotifications({ isSupported: () => true, create: (options) => new FakeNotification(options), openRepository: (id) => opened.push(id) });
    listener({ type: 'notification', notification });
    listener({ type: 'scan', job: { id: 'j', repositoryId: 4, purpose: 'scan', analyses: [], save: true, state: 'running', step: '', progress: 0, detail: '', ready: [], startedAt: '2026-12-07T09:00:00.000Z', snapshotId: null, alreadyScanned: false, error: null } });
    expect(FakeNotification.shown.map((shown) => shown.options)).toEqual([{ title: notification.title, body: notification.body }]);
    FakeNotification.shown[0]!.click();
    expect(opened).toEqual([4]);
    expect(repositoryHash(4)).toBe('#/repositories/4');
  });

  it('shows nothing where the system has no notifications', () => {
    FakeNotification.shown = [];
    nativeNotifications({ isSupported: () => false, create: (options) => new FakeNotification(options), openRepository: () => undefined })({ type: 'notification', notification });
    expect(FakeNotification.shown).toEqual([]);
  });
});
