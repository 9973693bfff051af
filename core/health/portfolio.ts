import { stat } from 'node:fs/promises';
import { type SeriesPoint, forecastCrossing } from '../../analyzers/health/forecast.js';
import type { Portfolio, PortfolioRepository } from '../api/portfolio.js';
import type { Repository } from '../api/repositories.js';
import { readHeadCommit } from '../git/head-commit.js';
import { type OpenItemCounts, inventoryHistories, openItemCounts } from '../inventory/inventory-store.js';
import { type Database, placeholders } from '../store/database.js';
import { approvalRates } from '../store/drafts.js';
import { listRepositories } from '../store/repositories.js';
import { changeSinceWeekIn, datedForecast } from './forecast-health.js';
import { type HealthHistory, healthSeries, readHealthHistories } from './health-store.js';
import { type LatestScore, latestStoredScores } from './score-inventory.js';

const day = 24 * 3600 * 1000;
/** A scan older than this is not a current assessment, even of HEAD (registries, advisories and ages move on). */
const freshFor = 7 * day;
/** How much of the score's history the sparkline shows. */
const trendSpan = 365 * day;

/**
 * Every registered repository with its health, trend, forecast and open debt, and the measures the
 * practice is judged by. Reads the store, and each repository's HEAD (to tell a current assessment
 * from a stale one).
 */
export async function readPortfolio(db: Database, { threshold, now }: { threshold: number; now: Date }): Promise<Portfolio> {
  const facts = readPortfolioFacts(db, listRepositories(db));
  const read = await Promise.all(facts.listed.map((repository) => readRepository(repository, facts, threshold)));
  const repositories = read.map(({ repository }) => repository);
  const current = read.filter(({ repository }) => repository.latestScan?.atHead === true && now.getTime() - Date.parse(repository.latestScan.finishedAt) <= freshFor);
  const scored = read.filter(({ repository }) => typeof repository.health?.score === 'number');
  const changed = scored.filter(({ repository }) => repository.health!.changeSinceWeek !== null);
  const drifts = read.flatMap(({ drift }) => drift ?? []);
  const decided = approvalRates(db).reduce((sum, rate) => ({ approved: sum.approved + rate.approved, decided: sum.decided + rate.approved + rate.rejected }), { approved: 0, decided: 0 });
  return {
    threshold,
    repositories,
    practice: {
      freshness: share(sum(current.map(({ lines }) => lines)), sum(read.map(({ lines }) => lines))),
      score: weightedMean(scored.map(({ repository, lines }) => [repository.health!.score!, lines])),
      changeSinceWeek: weightedMean(changed.map(({ repository, lines }) => [repository.health!.changeSinceWeek!, lines])),
      meanDriftDays: weightedMean(drifts.map((drift) => [drift.mean, drift.packages])),
      draftApproval: share(decided.approved, decided.decided),
    },
  };
}

/**
 * What the store holds of every listed repository, each kind of fact read for all of them at once:
 * a team store of hundreds of repositories answers a few queries, not a few per repository.
 */
interface PortfolioFacts {
  listed: Repository[];
  inventories: Map<number, { team: string[] | null; lines: number }>;
  scores: Map<number, LatestScore>;
  histories: Map<number, HealthHistory>;
  items: Map<number, OpenItemCounts>;
  drifts: Map<number, { mean: number; packages: number }>;
}

function readPortfolioFacts(db: Database, listed: Repository[]): PortfolioFacts {
  const ids = listed.map((repository) => repository.id);
  const inventoryScans = inventoryHistories(db, ids);
  return {
    listed,
    inventories: inventoriesOf(db, listed.flatMap((repository) => repository.latestSnapshot?.snapshot.id ?? [])),
    scores: latestStoredScores(db, [...inventoryScans.values()].map((history) => history[0]!.id)),
    histories: readHealthHistories(db, ids),
    items: openItemCounts(db, inventoryScans),
    drifts: driftsOf(db, ids),
  };
}

interface ReadRepository {
  repository: PortfolioRepository;
  /** What the portfolio's means weigh it by: the lines of code of its latest inventory, and its measured packages. */
  lines: number;
  drift: { mean: number; packages: number } | null;
}

async function readRepository(repository: Repository, facts: PortfolioFacts, threshold: number): Promise<ReadRepository> {
  const missing = !(await stat(repository.path).then((info) => info.isDirectory(), () => false));
  const latest = repository.latestSnapshot?.snapshot;
  const head = missing ? null : await readHeadCommit(repository.path);
  const drift = facts.drifts.get(repository.id) ?? null;
  const inventory = latest ? facts.inventories.get(latest.id) : undefined;
  const items = latest ? facts.items.get(repository.id) : undefined;
  const entry: PortfolioRepository = {
    id: repository.id,
    name: repository.name,
    path: repository.path,
    missing,
    team: inventory?.team ?? null,
    latestScan: latest ? { snapshotId: latest.id, finishedAt: latest.finishedAt, commit: latest.commit, atHead: head === null ? null : head === latest.commit } : null,
    health: latest ? healthOf(facts.scores.get(repository.id), facts.histories.get(repository.id), threshold) : null,
    items: items ? openItemsOf(items) : null,
    meanDriftDays: drift?.mean ?? null,
  };
  return { repository: entry, lines: inventory?.lines ?? 0, drift };
}

/** The latest scan's score as stored (kept what the Health page shows: decisions rescore it), its last year of weekly scores, and the forecast. */
function healthOf(latest: LatestScore | undefined, history: HealthHistory | undefined, threshold: number): PortfolioRepository['health'] {
  if (!latest) return null;
  const series = healthSeries(history);
  const dated: SeriesPoint[] = series.map((point) => ({ at: Date.parse(point.at), value: point.score }));
  return {
    score: latest.score,
    rating: latest.rating,
    reason: latest.reason,
    changeSinceWeek: latest.score === null ? null : changeSinceWeekIn(history, { snapshotId: latest.snapshotId, at: latest.at, score: latest.score }),
    trend: weekly(series),
    forecast: datedForecast(forecastCrossing(dated, threshold, 'down')),
  };
}

/** One point per week (its latest) over the last year of the series. */
function weekly(series: readonly { at: string; score: number }[]): { at: string; score: number }[] {
  const last = series.at(-1);
  if (!last) return [];
  const end = Date.parse(last.at);
  const byWeek = new Map<number, { at: string; score: number }>();
  for (const point of series) {
    const age = end - Date.parse(point.at);
    if (age <= trendSpan) byWeek.set(Math.floor(age / (7 * day)), { at: point.at, score: point.score });
  }
  return [...byWeek.values()];
}

function openItemsOf(counts: OpenItemCounts): PortfolioRepository['items'] {
  const { effortMinutes, ...counted } = counts;
  return { ...counted, effortHours: Math.round((effortMinutes / 60) * 10) / 10 };
}

/** The CODEOWNERS owners of the whole repository at each scan, and the lines of code its inventory weighed its debt against (programming and markup languages, not data or prose). */
function inventoriesOf(db: Database, snapshotIds: readonly number[]): PortfolioFacts['inventories'] {
  if (snapshotIds.length === 0) return new Map();
  const rows = db
    .prepare<number[], { snapshot_id: number; owners: string | null; lines: number }>(
      `SELECT snapshot_id, owners, lines_of_code AS lines FROM snapshot_inventory WHERE snapshot_id IN (${placeholders(snapshotIds)})`,
    )
    .all(...snapshotIds);
  return new Map(rows.map((row) => [row.snapshot_id, { team: row.owners ? (JSON.parse(row.owners) as string[]) : null, lines: row.lines }]));
}

/**
 * The mean drift (days behind the latest release) of the packages of each repository's latest
 * dependency check, each installed package once however many workspaces declare it (as the check's
 * own summary counts them), and how many were measured; none when none was.
 */
function driftsOf(db: Database, repositoryIds: readonly number[]): PortfolioFacts['drifts'] {
  if (repositoryIds.length === 0) return new Map();
  const rows = db
    .prepare<number[], { repository_id: number; mean: number | null; packages: number }>(
      `SELECT repository_id, avg(drift) AS mean, count(*) AS packages FROM (
         SELECT l.repository_id, max(i.drift_days) AS drift FROM (
           SELECT s.repository_id, s.id, row_number() OVER (PARTITION BY s.repository_id ORDER BY s.finished_at DESC, s.id DESC) AS recency
           FROM snapshots s JOIN snapshot_dependencies d ON d.snapshot_id = s.id
           WHERE s.kind = 'head' AND s.repository_id IN (${placeholders(repositoryIds)})) l
         JOIN snapshot_dependency_items i ON i.snapshot_id = l.id
         WHERE l.recency = 1 AND i.drift_days IS NOT NULL
         GROUP BY l.repository_id, i.name, i.item ->> 'version') AS installed
       GROUP BY repository_id`,
    )
    .all(...repositoryIds);
  return new Map(rows.flatMap((row) => (row.mean === null ? [] : [[row.repository_id, { mean: Math.round(row.mean * 10) / 10, packages: row.packages }]])));
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

function weightedMean(pairs: readonly (readonly [value: number, weight: number])[]): number | null {
  const weight = sum(pairs.map(([, w]) => w));
  return weight === 0 ? null : Math.round((sum(pairs.map(([value, w]) => value * w)) / weight) * 10) / 10;
}

const share = (part: number, whole: number) => ({ part, whole, share: whole === 0 ? null : part / whole });
