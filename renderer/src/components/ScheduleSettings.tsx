import { useState } from 'react';
import { type Settings, weekDays } from '../../../core/api/settings';

const dayNames: Record<(typeof weekDays)[number], string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

/** The weekly scan of every registered repository (core/scan/scan-scheduler.ts runs it). */
export function ScheduleSettings({ settings, update }: { settings: Settings['scanSchedule']; update: (change: Partial<Settings['scanSchedule']>) => void }) {
  return (
    <fieldset className="settings-group">
      <legend>Weekly scan</legend>
      <label className="radio">
        <input type="checkbox" checked={settings.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
        Scan every repository once a week
      </label>
      <div className="settings-row">
        <label className="field">
          Day
          <select value={settings.day} disabled={!settings.enabled} onChange={(event) => update({ day: event.target.value as Settings['scanSchedule']['day'] })}>
            {weekDays.map((day) => (
              <option key={day} value={day}>
                {dayNames[day]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          Time
          <select value={settings.hour} disabled={!settings.enabled} onChange={(event) => update({ hour: Number(event.target.value) })}>
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={hour}>
                {`${String(hour).padStart(2, '0')}:00`}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted hint">
        While Steward runs (this app, or <code>steward serve</code>), by this computer’s clock. If it is closed or asleep then, it scans when it next runs. To scan
        without the app, run <code>steward scan --all</code> from cron or Task Scheduler (see docs/schedule.md).
      </p>
    </fieldset>
  );
}

/** When a scan tells about a repository's health, and how (the desktop's notifications, the browser's, or a banner). */
export function NotificationSettings({
  settings,
  update,
  browserPermission,
}: {
  settings: Settings['notifications'];
  update: (change: Partial<Settings['notifications']>) => void;
  /** Browser mode: whether the browser may show notifications (null in the desktop app). */
  browserPermission: NotificationPermission | 'unsupported' | null;
}) {
  // The browser's answer once asked here; until then what the page was given (it arrives with app.info).
  const [answer, setPermission] = useState<NotificationPermission>();
  const permission = answer ?? browserPermission;
  return (
    <fieldset className="settings-group">
      <legend>Notifications</legend>
      <label className="radio">
        <input type="checkbox" checked={settings.enabled} onChange={(event) => update({ enabled: event.target.checked })} />
        Tell me after a scan when a repository’s health gets worse
      </label>
      <div className="settings-row">
        <NumberField label="Score fell by at least (points in a week)" value={settings.scoreDrop} min={1} max={100} disabled={!settings.enabled} onCommit={(scoreDrop) => update({ scoreDrop })} />
        <NumberField label="or is forecast to fall below" value={settings.forecastScore} min={0} max={100} disabled={!settings.enabled} onCommit={(forecastScore) => update({ forecastScore })} />
        <NumberField label="within (weeks)" value={settings.forecastWeeks} min={1} max={52} disabled={!settings.enabled} onCommit={(forecastWeeks) => update({ forecastWeeks })} />
      </div>
      <p className="muted hint">
        A fall is against the latest scanned commit a week or more older; each kind of news is told at most once a week per repository.
      </p>
      {permission === 'granted' && <p className="muted hint">This browser shows Steward’s notifications.</p>}
      {permission === 'default' && (
        <p className="muted hint">
          <button type="button" className="secondary" onClick={() => void Notification.requestPermission().then(setPermission)}>
            Let this browser show notifications
          </button>{' '}
          Until then, they appear as a banner in this page.
        </p>
      )}
      {(permission === 'denied' || permission === 'unsupported') && <p className="muted hint">This browser does not show Steward’s notifications: they appear as a banner in this page.</p>}
    </fieldset>
  );
}

/** A whole number input that saves when it holds a valid value and loses focus. */
function NumberField({ label, value, min, max, disabled, onCommit }: { label: string; value: number; min: number; max: number; disabled: boolean; onCommit: (value: number) => void }) {
  const [text, setText] = useState(String(value));
  const number = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(number) && number >= min && number <= max;
  return (
    <label className="field">
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={text}
        disabled={disabled}
        aria-invalid={!valid}
        onChange={(event) => setText(event.target.value)}
        onBlur={() => valid && number !== value && onCommit(number)}
      />
      {!valid && <span className="error">A whole number from {min} to {max}</span>}
    </label>
  );
}
