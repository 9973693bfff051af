/**
 * When a scan's health is news worth a notification, and its words. Pure: the scan's score, its
 * change over the week and its forecast in; at most one notification of each kind out.
 */

type NotificationKind = 'score-drop' | 'forecast';

export interface NotificationRuleInput {
  repositoryName: string;
  /** The new snapshot's score (null: it has none). */
  score: number | null;
  /** The score less that of the latest scanned commit at least a week older, by commit date (core/health `changeSinceWeek`). */
  changeSinceWeek: number | null;
  /** Where the score's trend crosses `forecastScore` going down: a date (ms) with its interval, or none. */
  crossing: { at: number; earliest: number; latest: number; perWeek: number } | null;
  settings: { scoreDrop: number; forecastScore: number; forecastWeeks: number };
  now: number;
  /** When the repository was last told news of each kind (ms). */
  lastTold: Partial<Record<NotificationKind, number>>;
}

interface NotificationDraft {
  kind: NotificationKind;
  title: string;
  body: string;
}

const day = 24 * 3600 * 1000;
/**
 * News of one kind is told at most once a week per repository: scanning again the same day, or every
 * day, does not tell the same fall again; a weekly scan tells each week's.
 */
const quietDays = 7;

/** Scores as the app shows them: one decimal. */
const points = (value: number): string => value.toFixed(1);

export function notificationsFor(input: NotificationRuleInput): NotificationDraft[] {
  const { repositoryName: name, score, changeSinceWeek, crossing, settings, now, lastTold } = input;
  const quiet = (kind: NotificationKind) => lastTold[kind] !== undefined && now - lastTold[kind] < quietDays * day;
  const drafts: NotificationDraft[] = [];
  if (score !== null && changeSinceWeek !== null && -changeSinceWeek >= settings.scoreDrop && !quiet('score-drop')) {
    drafts.push({
      kind: 'score-drop',
      title: `${name}: health fell ${points(-changeSinceWeek)} points in a week`,
      body: `Health ${points(score)}, down from ${points(score - changeSinceWeek)} at the latest scanned commit a week or more older.`,
    });
  }
  if (score !== null && score > settings.forecastScore && crossing && crossing.at <= now + settings.forecastWeeks * 7 * day && !quiet('forecast')) {
    const date = (at: number) => new Date(at).toISOString().slice(0, 10);
    drafts.push({
      kind: 'forecast',
      title: `${name}: health forecast to fall below ${settings.forecastScore}`,
      body: `Health ${points(score)}, losing ${points(Math.abs(crossing.perWeek))} a week: below ${settings.forecastScore} around ${date(crossing.at)} (between ${date(crossing.earliest)} and ${date(crossing.latest)}).`,
    });
  }
  return drafts;
}
