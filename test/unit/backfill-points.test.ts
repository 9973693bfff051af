import { describe, expect, it } from 'vitest';
import { pickBackfillPoints } from '../../analyzers/health/backfill-points.js';
import { metadataAsOf } from '../../analyzers/dependencies/package-metadata.js';

const day = 86_400_000;

describe('pickBackfillPoints', () => {
  const line = [
    { sha: 'head', at: 100 * day },
    { sha: 'c4', at: 95 * day },
    // A rebased commit keeps a committer date later than its parent's child would suggest.
    { sha: 'c3', at: 96 * day },
    { sha: 'c2', at: 80 * day },
    { sha: 'c1', at: 70 * day },
  ];

  it('takes the last commit of the line made by the end of each period, newest first', () => {
    const plan = pickBackfillPoints(line, { everyMs: 7 * day, count: 3 });
    expect(plan.points.map((point) => [point.sha, point.periodEnd / day])).toEqual([
      ['c2', 93],
      ['c1', 79],
    ]);
    expect(plan.emptyPeriods.map((period) => period.from / day)).toEqual([86]);
    expect(plan.historyBeginsAt).toBeNull();
  });

  it('says where history begins when it is shorter than the periods asked for', () => {
    const plan = pickBackfillPoints(line, { everyMs: 10 * day, count: 5 });
    expect(plan.points.map((point) => point.sha)).toEqual(['c2', 'c1']);
    expect(plan.historyBeginsAt).toBe(70 * day);
  });

  it('has nothing to plan without commits', () => {
    expect(pickBackfillPoints([], { everyMs: day, count: 3 })).toEqual({ points: [], emptyPeriods: [], historyBeginsAt: null });
  });
});

describe('metadataAsOf', () => {
  it('keeps the versions published by then, with the highest stable one of them as latest', () => {
    const metadata = {
      name: 'left-pad',
      distTags: { latest: '2.0.0', next: '2.1.0-rc.1', legacy: '1.0.0' },
      created: '2019-01-01T00:00:00.000Z',
      modified: '2024-01-01T00:00:00.000Z',
      versions: [
        { version: '1.0.0', time: '2019-01-01T00:00:00.000Z', installScripts: false },
        { version: '1.2.0', time: '2020-06-01T00:00:00.000Z', installScripts: false },
        { version: '1.3.0-beta.1', time: '2020-07-01T00:00:00.000Z', installScripts: false },
        { version: '2.0.0', time: '2023-01-01T00:00:00.000Z', installScripts: false },
        { version: '2.1.0-rc.1', time: '2024-01-01T00:00:00.000Z', installScripts: false },
        { version: '0.9.0', installScripts: false },
      ],
    };
    const then = metadataAsOf(metadata, new Date('2021-01-01T00:00:00Z'));
    expect(then.versions.map((version) => version.version)).toEqual(['1.0.0', '1.2.0', '1.3.0-beta.1']);
    expect(then.distTags).toEqual({ legacy: '1.0.0', latest: '1.2.0' });
    expect(then.modified).toBe('2020-07-01T00:00:00.000Z');
    expect(then.created).toBe('2019-01-01T00:00:00.000Z');
  });
});
