import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { HealthNotification } from '../../../core/api/notifications';
import { subscribe } from '../api/client';

/** Whether this browser may show Steward's notifications ('unsupported': it has no Notification API). */
export function browserNotificationPermission(): NotificationPermission | 'unsupported' {
  return 'Notification' in window ? Notification.permission : 'unsupported';
}

/**
 * Browser mode: core's health notifications as the browser's own when permitted (a click opens the
 * repository), else as a banner at the top of the page. The desktop app's main process shows them natively.
 */
export function HealthNotices({ mode }: { mode: 'desktop' | 'browser' | undefined }) {
  const [banners, setBanners] = useState<HealthNotification[]>([]);
  const [, navigate] = useLocation();
  useEffect(() => {
    if (mode !== 'browser') return;
    return subscribe((event) => {
      if (event.type !== 'notification') return;
      const { notification } = event;
      if (browserNotificationPermission() === 'granted') {
        const shown = new Notification(notification.title, { body: notification.body, tag: `steward-${notification.id}` });
        shown.onclick = () => {
          window.focus();
          navigate(`/repositories/${notification.repositoryId}`);
          shown.close();
        };
      } else setBanners((current) => [...current, notification]);
    });
  }, [mode, navigate]);
  if (banners.length === 0) return null;
  const dismiss = (id: number) => setBanners((current) => current.filter((notification) => notification.id !== id));
  return (
    <section className="health-notices" aria-label="Health notifications">
      {banners.map((notification) => (
        <div key={notification.id} className="health-notice" role="status">
          <div>
            <strong>{notification.title}</strong>
            <p>{notification.body}</p>
          </div>
          <Link href={`/repositories/${notification.repositoryId}`} onClick={() => dismiss(notification.id)}>
            Open
          </Link>
          <button type="button" className="secondary" aria-label={`Dismiss: ${notification.title}`} onClick={() => dismiss(notification.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
