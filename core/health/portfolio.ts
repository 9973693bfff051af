import { stat } from 'node:fs/promises';
import { type SeriesPoint, forecastCrossing } from '../../analyzers/health/forecast.js';
import type { Portfolio, PortfolioRepository } from '../api/portfolio.js';
import type { Repository } from '../api/repositories.js';
import { readHeadCommit } from '../git/head-commit.js';
import { openItemCounts } from '../inventory/inventory-store.js';
import type { Database } from '../store/database.js';
import { approvalRates } from '../store/drafts.js';
import { listRepositories } from '../store/repositories.js';
import { datedForecast, withChangeSinceWeek } from './forecast-health.js';
import { readHealthSeries } from './health-store.js';
import { latestStoredScore } from './score-inventory.js';

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
  const read = await Promise.all(listRepositories(db).map((repository) => readRepository(db, repository, threshold)));
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

interface ReadRepository {
  repository: PortfolioRepository;
  /** What the portfolio's means weigh it by: the lines of code of its latest inventory, and its measured packages. */
  lines: number;
  drift: { mean: number; packages: number } | null;
}

async function readRepository(db: Database, repository: Repository, threshold: number): Promise<ReadRepository> {
  const missing = !(await stat(repository.path).then((info) => info.isDirectory(), () => false));
  const latest = repository.latestSnapshot?.snapshot;
  const head = missing ? null : await readHeadCommit(repository.path);
  const drift = driftOf(db, repository.id);
  const entry: PortfolioRepository = {
    id: repository.id,
    name: repository.name,
    path: repository.path,
    missing,
    team: latest ? teamOf(db, latest.id) : null,
    latestScan: latest ? { snapshotId: latest.id, finishedAt: latest.finishedAt, commit: latest.commit, atHead: head === null ? null : head === latest.commit } : null,
    health: latest ? healthOf(db, repository.id, threshold) : null,
    items: latest ? openItemsOf(db, repository.id) : null,
    meanDriftDays: drift?.mean ?? null,
  };
  return { repository: entry, lines: latest ? inventoryLines(db, latest.id) : 0, drift };
}

/** The latest scan's score as stored (kept what the Health page shows: decisions rescore it), its last year of weekly scores, and the forecast. */
function healthOf(db: Database, repositoryId: number, threshold: number): PortfolioRepository['health'] {
  const latest = latestStoredScore(db, repositoryId, { rescore: false });
  if (!latest) return null;
  const report = withChangeSinceWeek(db, repositoryId, latest);
  const series = readHealthSeries(db, repositoryId);
  const dated: SeriesPoint[] = series.map((point) => ({ at: Date.parse(point.at), value: point.score }));
  return {
    score: report.score,
    rating: report.rating,
    reason: report.reason,
    changeSinceWeek: report.changeSinceWeek,
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

function openItemsOf(db: Database, repositoryId: number): PortfolioRepository['items'] {
  const counts = openItemCounts(db, repositoryId);
  if (!counts) return null;
  const { effortMinutes, ...counted } = counts;
  return { ...counted, effortHours: Math.round((effortMinutes / 60) * 10) / 10 };
}

/** The CODEOWNERS owners of the whole repository at a scan, kept with its inventory. */
function teamOf(db: Database, snapshotId: number): string[] | null {
  const row = db.prepare<[number], { owners: string | null }>('SELECT owners FROM snapshot_inventory WHERE snapshot_id = ?').get(snapshotId);
  return row?.owners ? (JSON.parse(row.owners) as string[]) : null;
}

/**
 * The mean drift (days behind the latest release) of the packages of the latest dependency check,
 * each installed package once however many workspaces declare it (as the check's own summary counts
 * them), and how many were measured.
 */
function driftOf(db: Database, repositoryId: number): { mean: number; packages: number } | null {
  const row = db
    .prepare<[number], { mean: number | null; packages: number }>(
      `SELECT avg(drift) AS mean, count(*) AS packages FROM (
         SELECT max(i.drift_days) AS drift FROM snapshot_dependency_items i
         WHERE i.drift_days IS NOT NULL AND i.snapshot_id = (
           SELECT s.id FROM snapshots s JOIN snapshot_dependencies d ON d.snapshot_id = s.id
           WHERE s.repository_id = ? AND s.kind = 'head' ORDER BY s.finished_at DESC, s.id DESC LIMIT 1)
         GROUP BY i.name, i.item ->> 'version') AS installed`,
    )
    .get(repositoryId);
  return row && row.mean !== null ? { mean: Math.round(row.mean * 10) / 10, packages: row.packages } : null;
}

/** The lines of code a scan's inventory weighed its debt against (programming and markup languages, not data or prose). */
function inventoryLines(db: Database, snapshotId: number): number {
  return db.prepare<[number], { lines: number }>('SELECT lines_of_code AS lines FROM snapshot_inventory WHERE snapshot_id = ?').get(snapshotId)?.lines ?? 0;
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

function weightedMean(pairs: readonly (readonly [value: number, weight: number])[]): number | null {
  const weight = sum(pairs.map(([, w]) => w));
  return weight === 0 ? null : Math.round((sum(pairs.map(([value, w]) => value * w)) / weight) * 10) / 10;
}

const share = (part: number, whole: number) => ({ part, whole, share: whole === 0 ? null : part / whole });
