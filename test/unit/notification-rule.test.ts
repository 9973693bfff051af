import { describe, expect, it } from 'vitest';
import { type NotificationRuleInput, notificationsFor } from '../../analyzers/health/notification-rule.js';

const day = 24 * 3600 * 1000;
const now = Date.UTC(2026, 11, 7, 9);
const base: NotificationRuleInput = {
  repositoryName: 'shop',
  score: 78,
  changeSinceWeek: -1,
  crossing: null,
  settings: { scoreDrop: 5, forecastScore: 75, forecastWeeks: 4 },
  now,
  lastTold: {},
};

describe('notificationsFor', () => {
  it('tells a fall of the threshold or more in a week, with the scores before and after', () => {
    expect(notificationsFor({ ...base, changeSinceWeek: -4.9 })).toEqual([]);
    expect(notificationsFor({ ...base, changeSinceWeek: -5 })).toEqual([
      { kind: 'score-drop', title: 'shop: health fell 5.0 points in a week', body: 'Health 78.0, down from 83.0 at the latest scanned commit a week or more older.' },
    ]);
    expect(notificationsFor({ ...base, changeSinceWeek: 6 })).toEqual([]);
    expect(notificationsFor({ ...base, changeSinceWeek: null })).toEqual([]);
  });

  it('tells a forecast crossing within the weeks set, not one further away, nor one already below', () => {
    const crossing = { at: now + 20 * day, earliest: now + 10 * day, latest: now + 40 * day, perWeek: -1.04 };
    const [forecast] = notificationsFor({ ...base, crossing });
    expect(forecast).toEqual({
      kind: 'forecast',
      title: 'shop: health forecast to fall below 75',
      body: 'Health 78.0, losing 1.0 a week: below 75 around 2026-12-27 (between 2026-12-17 and 2027-01-16).',
    });
    expect(notificationsFor({ ...base, crossing: { ...crossing, at: now + 29 * day } })).toEqual([]);
    expect(notificationsFor({ ...base, score: 74, crossing })).toEqual([]);
  });

  it('tells each kind at most once a week per repository', () => {
    const falling = { ...base, changeSinceWeek: -8 };
    expect(notificationsFor({ ...falling, lastTold: { 'score-drop': now - 2 * day } })).toEqual([]);
    expect(notificationsFor({ ...falling, lastTold: { forecast: now - 2 * day } })).toHaveLength(1);
    expect(notificationsFor({ ...falling, lastTold: { 'score-drop': now - 7 * day } })).toHaveLength(1);
  });
});
