import { forecastScoreThreshold } from './health.js';
import { type ItemKind, itemKindNoun } from './inventory.js';
import { type Block, type Inline, type Span, counted, formatEffort, formatPoints, joinInline, joinWords, reportDay, signedPoints } from './report-document.js';
import type { ForecastAlert, NextAction, PartChange, RepositoryReport, ReportItem, ReportSnapshot, WeeklyReport } from './reports.js';

/**
 * The weekly report in words (see report-document.ts): what changed and why first, then what to do
 * next, then the details; numbers with their unit and what they mean; "not measured" where Steward
 * has no measure. One repository, or a summary table of all and then each one.
 */
export function reportBlocks(report: WeeklyReport): Block[] {
  const [only] = report.repositories;
  if (report.repositories.length === 1 && only) return [{ kind: 'heading', level: 1, text: `Weekly health report: ${only.repository.name}` }, ...repositoryBlocks(only, 2), generated(report)];
  return [
    { kind: 'heading', level: 1, text: `Weekly health report: ${counted(report.repositories.length, 'repository', 'repositories')}` },
    ...(report.repositories.length === 0 ? [{ kind: 'paragraph', content: ['No repository is registered yet: scan one with steward scan <path>.'] } as const] : [summaryTable(report)]),
    ...report.repositories.flatMap((repository) => [{ kind: 'heading', level: 2, text: repository.repository.name } as const, ...repositoryBlocks(repository, 3)]),
    generated(report),
  ];
}

const generated = (report: WeeklyReport): Block => ({ kind: 'paragraph', content: [`Made by Steward on ${reportDay(report.generatedAt)}. Scores run from 0 to 100 (A from 90, B from 75, C from 60, D from 40); a point is 1 % of the score.`] });

const scoreText = (score: number, rating: string | null) => `${score.toFixed(1)} (${rating ?? '–'})`;

/** The summary of every repository: where each stands, its change, and its first next step. */
function summaryTable(report: WeeklyReport): Block {
  return {
    kind: 'table',
    caption: 'Every repository, lowest score first',
    head: ['Repository', 'Score', 'Change', 'Compared with', 'First next step'],
    numeric: [false, true, true, false, false],
    rows: [...report.repositories]
      .sort((a, b) => (a.score.now ?? -1) - (b.score.now ?? -1) || a.repository.name.localeCompare(b.repository.name, 'en', { numeric: true }))
      .map((repository) => {
        const { now, then, rating } = repository.score;
        const action = repository.actions[0];
        return [
          [repository.repository.name],
          [now === null ? 'no score' : scoreText(now, rating)],
          [now !== null && then !== null ? signedPoints(now - then) : '–'],
          [repository.baseline ? `${reportDay(repository.baseline.at)} (${shortCommit(repository.baseline.commit)})` : 'nothing earlier'],
          action ? [`${actionVerb(action)} (${formatEffort(action.effortMinutes)}): +${formatPoints(action.gain)} points`] : ['–'],
        ];
      }),
  };
}

function repositoryBlocks(report: RepositoryReport, level: 2 | 3): Block[] {
  const heading = (text: string): Block => ({ kind: 'heading', level, text });
  if (report.current === null || report.score.now === null) {
    const why = report.current === null ? 'It has no health score yet: scan it (steward scan, or Scan in the app) to get one.' : `It has no health score: ${report.score.reason ?? 'nothing to weigh'}.`;
    return [{ kind: 'paragraph', content: [{ strong: `${report.repository.name}: no score.` }, ` ${why}`] }, ...draftBlocks(report, heading)];
  }
  return [
    headline(report),
    comparedWith(report),
    heading('What to do next'),
    ...actionBlocks(report),
    heading('What changed, part by part'),
    ...partBlocks(report),
    scoreChart(report),
    heading('Hotspots'),
    ...hotspotBlocks(report),
    heading('Dependencies'),
    dependencyBlock(report),
    heading('Tests'),
    testBlock(report),
    heading('Forecasts'),
    ...forecastBlocks(report),
    ...draftBlocks(report, heading),
  ];
}

const shortCommit = (sha: string) => sha.slice(0, 7);

/** The first lines: the score, its change, and the parts that moved it most, with their items. */
function headline(report: RepositoryReport): Block {
  const { now, rating, then, ratingThen } = report.score;
  const lead = `${report.repository.name}: health ${now!.toFixed(1)} of 100 (${rating})`;
  if (then === null) {
    const lost = report.parts.filter((part) => part.lostNow > 0).sort((a, b) => b.lostNow - a.lostNow);
    const most = lost.slice(0, 2).map((part) => `${part.title} (${formatPoints(part.lostNow)} of ${part.weight} points lost)`);
    return { kind: 'paragraph', content: [{ strong: `${lead}.` }, most.length === 0 ? ' No open item costs points.' : ` Most points are lost to ${joinWords(most)}.`] };
  }
  const change = now! - then;
  const direction = Math.abs(change) < 0.005 ? 'unchanged' : `${change > 0 ? 'up' : 'down'} ${formatPoints(change)} point${Math.abs(change) === 1 ? '' : 's'}`;
  const ratingNote = rating !== ratingThen && ratingThen ? ` (rating ${ratingThen} → ${rating})` : '';
  // Parts whose items came or went explain the change first; a part moved only by re-weighing comes after them.
  const caused = (part: PartChange) => (part.added.length + part.removed.length > 0 ? 1 : 0);
  const moved = report.parts.filter((part) => part.change !== null && Math.abs(part.change) >= 0.005).sort((a, b) => caused(b) - caused(a) || Math.abs(b.change!) - Math.abs(a.change!));
  const why: Span[] = moved.length === 0 ? [' No part of the score moved.'] : [' ', ...moved.slice(0, 2).flatMap((part, index) => [...(index === 0 ? [] : [' ']), ...partSentence(part, report)])];
  return { kind: 'paragraph', content: [{ strong: `${lead}, ${direction} since ${reportDay(report.baseline!.at)}${ratingNote}.` }, ...why] };
}

/** "Complexity lost 1.8 points: 2 items started costing points (complex function `body` in `lib/response.js` (1.2), …)." */
function partSentence(part: PartChange, report: RepositoryReport): Span[] {
  const change = part.change!;
  const verb = `${part.title} ${change > 0 ? 'gained' : 'lost'} ${formatPoints(change)} points`;
  // Items that came or went explain a change; the re-weighing of the rest is told only when it is all there is.
  const items = partCauses({ ...part, reweighed: 0 }, report);
  const causes = items.length > 0 ? items : partCauses(part, report);
  return [verb, ...(causes.length === 0 ? [] : [': ', ...joinInline(causes)]), '.'];
}

/** Why a part moved: items that started or stopped costing points, and the items in both that weigh more or less. */
function partCauses(part: PartChange, report: RepositoryReport): Inline[] {
  const causes: Inline[] = [];
  const verb = (items: readonly ReportItem[], what: string) => `${counted(items.length, 'item')} ${what}`;
  if (part.added.length > 0) causes.push([`${verb(part.added, 'started costing points')} (`, ...itemList(part.added), ')']);
  if (part.removed.length > 0) causes.push([`${verb(part.removed, 'stopped costing points')} (`, ...itemList(part.removed), ')']);
  if (part.reweighed !== 0) causes.push([reweighing(part.reweighed, report)]);
  return causes;
}

/** Why items in both snapshots cost other points now: the code around them grew or shrank, or their effort changed. */
function reweighing(change: number, { score }: RepositoryReport): string {
  const grew = score.linesOfCodeThen !== null && score.linesOfCode > score.linesOfCodeThen;
  const shrank = score.linesOfCodeThen !== null && score.linesOfCode < score.linesOfCodeThen;
  if (change > 0 && grew) return `${signedPoints(change)} as the code grew (the same items weigh less in more code)`;
  if (change < 0 && shrank) return `${signedPoints(change)} as the code shrank (the same items weigh more in less code)`;
  return `${signedPoints(change)} as the items still there were estimated ${change > 0 ? 'smaller' : 'bigger'}`;
}

/** The first two items by name and place, and how many more. */
function itemList(items: readonly ReportItem[]): Span[] {
  const named = items.slice(0, 2).map((item): Inline => [...itemName(item), ` (${formatPoints(item.points)} pt)`]);
  return [...joinInline(named), ...(items.length > 2 ? [` and ${items.length - 2} more`] : [])];
}

/** The function or export an item's title names ("total is hard to follow…" → total), when it names one besides the file. */
function symbolOf(item: ReportItem): string | null {
  const symbol = item.title.match(/^(\S+) is /)?.[1];
  return symbol && item.path && symbol !== item.path ? symbol : null;
}

/** What an item is and where: "complex function `body` in `lib/response.js`". */
function itemName(item: ReportItem): Span[] {
  const kind = itemKindNoun(item.kind, 1);
  const symbol = symbolOf(item);
  if (symbol && item.path) return [`${kind} `, { code: symbol }, ' in ', { code: item.path }];
  if (item.path) return [`${kind} `, { code: item.path }];
  return [`${kind}: ${item.title}`];
}

function comparedWith(report: RepositoryReport): Block {
  const now = `Now: ${describeSnapshot(report.current!)}.`;
  if (!report.baseline) {
    return { kind: 'paragraph', content: [`${now} There is no earlier scored snapshot to compare with, so this report gives the current state only. Backfill past commits (`, { code: 'steward backfill <path>' }, ') to see what changed.'] };
  }
  const gap = Math.round((Date.parse(report.target!) - Date.parse(report.baseline.at)) / 86_400_000);
  const nearest = Math.abs(gap) <= 1 ? '' : ` It is ${counted(Math.abs(gap), 'day')} ${gap > 0 ? 'older' : 'newer'} than that: no scored commit lies nearer.`;
  return {
    kind: 'paragraph',
    content: [`Compared with ${describeSnapshot(report.baseline)}: the scored commit nearest to ${reportDay(report.target!)}.${nearest} ${now}`],
  };
}

const describeSnapshot = (snapshot: ReportSnapshot): string =>
  `snapshot ${snapshot.snapshotId}, ${snapshot.kind === 'backfill' ? 'past commit' : 'commit'} ${shortCommit(snapshot.commit)} of ${reportDay(snapshot.at)}${snapshot.kind === 'backfill' ? ', backfilled' : ', scanned'}`;

/** "Simplify", "Remove", … by the kind of items an action fixes. */
function actionVerb(action: NextAction): string {
  const kind = action.kind as ItemKind;
  const verbs: Partial<Record<ItemKind, string>> = {
    'complex-function': 'Simplify', 'complex-file': 'Split up', hotspot: 'Simplify', 'unused-file': 'Delete', 'unused-export': 'Remove', 'unused-type': 'Remove', 'unused-enum-member': 'Remove',
    'unused-dependency': 'Remove', 'stale-dependency': 'Upgrade', 'deprecated-dependency': 'Replace', 'abandoned-dependency': 'Replace', vulnerability: 'Fix', 'debt-marker': 'Resolve',
    'uncovered-complex-function': 'Test', 'uncovered-hotspot': 'Test', 'flaky-test': 'Stabilise', 'import-cycle': 'Break', 'knowledge-island': 'Share knowledge of',
  };
  return `${verbs[kind] ?? 'Fix'} ${action.items.length} ${itemKindNoun(action.kind, action.items.length)}`;
}

/** Where an action's items are: "`body` in `lib/response.js`", or the files, or what they are. */
function actionPlaces(action: NextAction): Span[] {
  const places = action.items.map((item): Inline => {
    const symbol = symbolOf(item);
    if (symbol && item.path) return [{ code: symbol }, ' in ', { code: item.path }];
    return item.path ? [{ code: item.path }] : [item.title];
  });
  const inFiles = action.items.every((item) => item.path !== null && symbolOf(item) === null);
  return [inFiles ? 'In ' : '', ...joinInline(places)];
}

function actionBlocks(report: RepositoryReport): Block[] {
  if (report.actions.length === 0) return [{ kind: 'paragraph', content: ['Nothing to recommend: no open item costs points that fixing it would give back.'] }];
  return [
    {
      kind: 'list',
      ordered: true,
      items: report.actions.map((action): Inline => [
        { strong: `${actionVerb(action)} (${formatEffort(action.effortMinutes)}): +${formatPoints(action.gain)} points.` },
        ' ',
        ...actionPlaces(action),
        '.',
      ]),
    },
    { kind: 'paragraph', content: ['Ranked by points gained per hour of work. A gain is what the score formula gives when those items are gone and nothing else changes; efforts are the inventory’s estimates.'] },
  ];
}

function partBlocks(report: RepositoryReport): Block[] {
  const compared = report.baseline !== null;
  const rows = report.parts
    .filter((part) => part.lostNow > 0 || (part.lostThen ?? 0) > 0)
    .map((part): Inline[] => [
      [part.title],
      [`${formatPoints(part.lostNow)} of ${part.weight}`],
      ...(compared ? [[signedPoints(part.change ?? 0)], partCauses(part, report).length === 0 ? ['–'] : joinInline(partCauses(part, report))] : []),
    ]);
  if (rows.length === 0) return [{ kind: 'paragraph', content: ['No part of the score loses points: no open item costs any.'] }];
  const { linesOfCode, linesOfCodeThen } = report.score;
  const size =
    linesOfCodeThen === null || linesOfCodeThen === linesOfCode
      ? []
      : [` The code went from ${linesOfCodeThen.toLocaleString('en-US')} to ${linesOfCode.toLocaleString('en-US')} lines: every item weighs ${linesOfCode > linesOfCodeThen ? 'less' : 'more'} in ${linesOfCode > linesOfCodeThen ? 'more' : 'less'} code.`];
  const open = report.openItems === null ? '' : ` The inventory has ${counted(report.openItems.items, 'open item')}, ${formatEffort(report.openItems.effortMinutes)} of work in all (items with low confidence cost no points).`;
  return [
    { kind: 'paragraph', content: [`Each part can lose at most its weight in points.${open}`, ...size] },
    { kind: 'table', caption: 'Points lost by each part of the score', head: compared ? ['Part', 'Lost now', 'Change', 'Why'] : ['Part', 'Lost now'], numeric: compared ? [false, true, true, false] : [false, true], rows },
  ];
}

function scoreChart(report: RepositoryReport): Block {
  const first = report.series[0];
  const last = report.series.at(-1);
  const description =
    first && last && report.series.length > 1
      ? `Health score at ${counted(report.series.length, 'scored commit')}, from ${first.score.toFixed(1)} on ${reportDay(first.at)} to ${last.score.toFixed(1)} on ${reportDay(last.at)}.`
      : 'Health score at one scored commit only: no trend yet.';
  return {
    kind: 'chart',
    chart: {
      title: 'Health score over time',
      description,
      unit: 'points',
      domain: [0, 100],
      series: [{ name: 'Health score', points: report.series.map((point) => ({ at: point.at, value: point.score })) }],
      marks: report.baseline ? [{ at: report.baseline.at, label: 'compared with' }] : [],
    },
  };
}

function hotspotBlocks(report: RepositoryReport): Block[] {
  if (report.hotspots.length === 0) return [{ kind: 'paragraph', content: ['No hotspots: the history analysis found no file that changes often and is complex (or it did not run).'] }];
  const measure = report.hotspots[0]!.measure === 'cognitive' ? 'cognitive complexity (sum over its functions)' : 'lines (no complexity measure)';
  const trendOf = (hotspot: RepositoryReport['hotspots'][number]): string => {
    const [first, last] = [hotspot.trend[0], hotspot.trend.at(-1)];
    if (!first || !last || hotspot.trend.length < 2) return 'one measure only';
    const change = last.complexity - first.complexity;
    return change === 0 ? `flat since ${reportDay(first.at)}` : `${change > 0 ? '+' : '−'}${Math.abs(change)} since ${reportDay(first.at)}`;
  };
  const rankThen = (hotspot: RepositoryReport['hotspots'][number]): string => (report.baseline === null ? '–' : hotspot.rankThen === null ? 'new' : `#${hotspot.rankThen}`);
  const charted = report.hotspots.filter((hotspot) => hotspot.trend.length >= 2);
  return [
    {
      kind: 'paragraph',
      content: [
        `Files that change most and are hardest to change: commits in the last 12 months × ${measure}. Work here pays back first. A hotspot costs points while it ranks in the top ${report.hotspotItems.topRanks} with at least ${report.hotspotItems.minRevisions} commits in 12 months.`,
      ],
    },
    {
      kind: 'table',
      caption: 'Top hotspots',
      head: ['Rank', 'File', 'Rank then', 'Commits in 12 months', 'Complexity', 'Complexity trend'],
      numeric: [true, false, true, true, true, false],
      rows: report.hotspots.map((hotspot) => [[`#${hotspot.rank}`], [{ code: hotspot.path }], [rankThen(hotspot)], [hotspot.revisions.toLocaleString('en-US')], [hotspot.complexity.toLocaleString('en-US')], [trendOf(hotspot)]]),
    },
    ...(charted.length === 0
      ? []
      : [
          {
            kind: 'chart',
            chart: {
              title: 'Complexity of the top hotspots over time',
              description: `Complexity of the top ${counted(charted.length, 'hotspot')} at the commits that changed them (the table names them; lines in its order).`,
              unit: report.hotspots[0]!.measure === 'cognitive' ? 'cognitive complexity' : 'lines',
              series: charted.map((hotspot) => ({ name: hotspot.path, points: hotspot.trend.map((point) => ({ at: point.at, value: point.complexity })) })),
              marks: report.baseline ? [{ at: report.baseline.at, label: 'compared with' }] : [],
            },
          } as const,
        ]),
  ];
}

function dependencyBlock(report: RepositoryReport): Block {
  const { now, then } = report.dependencies;
  if (now === null) return { kind: 'paragraph', content: ['Not measured: the dependency check did not run at the latest scan.'] };
  if (now.dependencies === 0) return { kind: 'paragraph', content: ['No dependencies from a registry are declared: nothing to go stale.'] };
  const was = (value: number | null | undefined, unit = '') => (then === null || value === null || value === undefined ? '' : ` (was ${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}${unit})`);
  const libyears =
    now.libyears === null
      ? 'Staleness (libyears) is not measured: the registry did not tell when versions were published.'
      : `Together they are ${now.libyears.toFixed(1)} libyears behind${was(then?.libyears)}: the sum, over packages, of the time between the release in use and the newest.`;
  const severities = now.bySeverity ? Object.entries(now.bySeverity).filter(([, n]) => n > 0).map(([severity, n]) => `${n} ${severity}`) : [];
  const vulnerabilities =
    now.vulnerabilities === null
      ? 'Vulnerabilities: not checked (no advisory source answered).'
      : now.vulnerabilities === 0
        ? `No known vulnerabilities${was(then?.vulnerabilities)}.`
        : `${counted(now.vulnerabilities, 'known vulnerability', 'known vulnerabilities')}${severities.length > 0 ? ` (${joinWords(severities)})` : ''}${was(then?.vulnerabilities)}.`;
  const outdated =
    now.outdated === null
      ? `${counted(now.dependencies, 'dependency', 'dependencies')}; whether they are outdated is not measured: no registry metadata could be read (offline, without a cache).`
      : `${counted(now.dependencies, 'dependency', 'dependencies')}, ${now.outdated.toLocaleString('en-US')} outdated${was(then?.outdated)}${now.unchecked > 0 ? ` (${now.unchecked} could not be checked)` : ''}.`;
  return { kind: 'paragraph', content: [`${outdated} ${libyears} ${vulnerabilities}`] };
}

function testBlock(report: RepositoryReport): Block {
  const { coverage, flakiness } = report;
  const covered =
    coverage.percent === null
      ? 'Coverage: not measured (no coverage file was found at the latest scan; run the tests with coverage before scanning).'
      : `Coverage: ${coverage.percent.toFixed(1)} % of executable lines${coverage.matchesCommit === 'yes' ? '' : ' (from a coverage file that may be older than the commit)'}.`;
  const flaky =
    flakiness.percent === null
      ? 'Flaky tests: not measured (no test results were imported; steward tests import adds JUnit files).'
      : `Flaky tests: ${flakiness.percent.toFixed(1)} % of ${counted(flakiness.tests ?? 0, 'test')}${flakiness.flaky.length > 0 ? ` (${joinWords(flakiness.flaky.slice(0, 3))}${flakiness.flaky.length > 3 ? ` and ${flakiness.flaky.length - 3} more` : ''})` : ''}.`;
  return { kind: 'paragraph', content: [`${covered} ${flaky}`] };
}

function forecastBlocks(report: RepositoryReport): Block[] {
  if (report.forecasts.length === 0) {
    const few = report.series.length < 4 ? ` (a trend needs 4 scored commits; there ${report.series.length === 1 ? 'is' : 'are'} ${report.series.length})` : '';
    return [{ kind: 'paragraph', content: [`No forecast fires: the score is not on course to fall below ${forecastScoreThreshold} within a year, and no part or folder is getting worse week after week${few}.`] }];
  }
  return [{ kind: 'list', ordered: false, items: report.forecasts.map((alert) => [forecastSentence(alert)]) }];
}

function forecastSentence(alert: ForecastAlert): string {
  const rate = `${formatPoints(alert.perWeek)} ${alert.subject === 'folder' ? '' : 'points '}a week`;
  switch (alert.kind) {
    case 'crossed':
      return `${alert.name} is already below ${alert.threshold} (moving ${alert.perWeek >= 0 ? '+' : '−'}${rate}).`;
    case 'worsening':
      return `${alert.name} loses points week after week (${rate} on its trend).`;
    case 'crossing':
      return alert.subject === 'folder'
        ? `${alert.name}: its complexity (90th percentile of its functions) rises past ${alert.threshold} around ${reportDay(alert.at!)} (${reportDay(alert.earliest!)} – ${reportDay(alert.latest!)}).`
        : `${alert.name} falls below ${alert.threshold} around ${reportDay(alert.at!)} (${reportDay(alert.earliest!)} – ${reportDay(alert.latest!)}), at −${rate}.`;
  }
}

function draftBlocks(report: RepositoryReport, heading: (text: string) => Block): Block[] {
  const { opened, approved, rejected } = report.drafts;
  const all = [...opened.map((draft) => ({ ...draft, what: 'opened' })), ...approved.map((draft) => ({ ...draft, what: 'approved' })), ...rejected.map((draft) => ({ ...draft, what: 'rejected' }))];
  const summary = `${counted(opened.length, 'draft')} opened, ${approved.length} approved, ${rejected.length} rejected this week.`;
  return [
    heading('Maintenance drafts'),
    { kind: 'paragraph', content: [all.length === 0 ? 'No draft was opened, approved or rejected this week.' : summary] },
    ...(all.length === 0 ? [] : [{ kind: 'list', ordered: false, items: all.map((draft): Inline => [`${draft.title} (`, { code: draft.id }, `): ${draft.what} by ${draft.by} on ${reportDay(draft.at)}.`]) } as const]),
  ];
}
