import type { StewardEvent } from '../../core/api/events.js';

/** The part of Electron's Notification used here (so that tests can give a fake). */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  show(): void;
}

interface NativeNotifications {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** Brings the window forward on the repository's page. */
  openRepository(repositoryId: number): void;
}

/**
 * Shows core's health notifications as the system's own; clicking one opens its repository. Returns
 * the listener for `steward.subscribe`.
 */
export function nativeNotifications(native: NativeNotifications): (event: StewardEvent) => void {
  // Electron drops the click of a notification that was garbage-collected: keep each until it is done with.
  const shown = new Set<NotificationLike>();
  return (event) => {
    if (event.type !== 'notification' || !native.isSupported()) return;
    const { title, body, repositoryId } = event.notification;
    const notification = native.create({ title, body });
    shown.add(notification);
    notification.on('click', () => {
      shown.delete(notification);
      native.openRepository(repositoryId);
    });
    notification.on('close', () => shown.delete(notification));
    notification.show();
  };
}

/** The renderer's hash route of a repository's page (App.tsx). */
export const repositoryHash = (repositoryId: number): string => `#/repositories/${repositoryId}`;
