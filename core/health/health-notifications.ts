import { notificationsFor } from '../../analyzers/health/notification-rule.js';
import type { HealthNotification } from '../api/notifications.js';
import type { Database } from '../store/database.js';
import { findRepository } from '../store/repositories.js';
import { readSettings } from '../store/settings.js';
import { forecastScore, scoreChangeSinceWeek } from './forecast-health.js';
import { healthFormula } from '../../analyzers/health/health-score.js';
import { readHealthSeries, readStoredScore } from './health-store.js';
import { scoreInventory } from './score-inventory.js';

/**
 * What a scan that saved `snapshotId` has to tell (analyzers/health/notification-rule.ts), recorded so
 * that it is not told again; nothing when the settings turned notifications off.
 */
export function notificationsAfterScan(db: Database, repositoryId: number, snapshotId: number, now: Date): HealthNotification[] {
  const settings = readSettings(db);
  const repository = findRepository(db, repositoryId);
  if (!settings.notifications.enabled || !repository) return [];
  // The score the scan saved with its snapshot (worked out again only for one saved by an older formula).
  // Only the score and its series are read: this runs on the app's thread after every scan, and a large
  // repository's breakdown and folders take seconds.
  const stored = readStoredScore(db, snapshotId);
  const score = stored?.formula === healthFormula ? stored.score : scoreInventory(db, { repositoryId, snapshotId }).score;
  const forecast = forecastScore(readHealthSeries(db, repositoryId), settings.notifications.forecastScore);
  const lastTold = Object.fromEntries(
    db
      .prepare<[number], { kind: HealthNotification['kind']; at: string }>('SELECT kind, max(created_at) AS at FROM health_notifications WHERE repository_id = ? GROUP BY kind')
      .all(repositoryId)
      .map((row) => [row.kind, Date.parse(row.at)]),
  );
  const drafts = notificationsFor({
    repositoryName: repository.name,
    score,
    changeSinceWeek: scoreChangeSinceWeek(db, repositoryId, snapshotId, score),
    crossing: forecast.kind === 'crossing' ? { at: Date.parse(forecast.at), earliest: Date.parse(forecast.earliest), latest: Date.parse(forecast.latest), perWeek: forecast.trend.perWeek } : null,
    settings: settings.notifications,
    now: now.getTime(),
    lastTold,
  });
  const record = db.prepare<[number, number, string, string, string, string], { id: number }>(
    'INSERT INTO health_notifications (repository_id, snapshot_id, kind, title, body, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  );
  return drafts.map((draft) => ({
    id: record.get(repositoryId, snapshotId, draft.kind, draft.title, draft.body, now.toISOString())!.id,
    repositoryId,
    snapshotId,
    ...draft,
    createdAt: now.toISOString(),
  }));
}
