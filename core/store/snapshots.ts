import type { LineTotals, Snapshot, SnapshotReport, SnapshotSummary } from '../api/snapshots.js';
import { identityKey, personNames } from '../../analyzers/identities/resolve-identities.js';
import { type Database, placeholders } from './database.js';

/** Everything about a finished scan except its results, which each analysis step saves itself. */
type NewSnapshot = Omit<Snapshot, 'id'>;

/** Writes one step's results for a snapshot; runs inside the snapshot's transaction. */
export type SaveResults = (db: Database, snapshotId: number) => void;

/** A snapshot saved, or the one kept instead: HEAD was already scanned today with the same analyses and inputs. */
interface SavedSnapshot {
  snapshotId: number;
  alreadyScanned: boolean;
}

/**
 * Writes the snapshot and every step's results in one transaction: a scan that is killed, fails or
 * is cancelled before this returns leaves nothing behind. Under the repository's write lock, so that
 * two runners that scanned the same commit at once save it once: a scan of HEAD whose commit, status,
 * analyses (and their versions), warnings and inputs from outside the commit (all but the time) are
 * those of the repository's latest scan of HEAD, taken the same day (UTC), keeps that snapshot
 * instead, unless `rescan`. A later day is a new measurement: dependencies age and advisories appear.
 */
export function saveSnapshot(db: Database, snapshot: NewSnapshot, saves: readonly SaveResults[], { rescan = false } = {}): SavedSnapshot {
  return db
    .transaction((): SavedSnapshot => {
      const kept = snapshot.kind === 'head' && !rescan ? sameScanToday(db, snapshot) : undefined;
      if (kept !== undefined) return { snapshotId: kept, alreadyScanned: true };
      const { id: snapshotId } = db
        .prepare<unknown[], { id: number }>(
          `INSERT INTO snapshots (repository_id, kind, commit_sha, commit_date, branch, status, started_at, finished_at, analyzer_versions, warnings, environment)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .get(
          snapshot.repositoryId,
          snapshot.kind,
          snapshot.commit,
          snapshot.commitDate,
          snapshot.branch,
          snapshot.status,
          snapshot.startedAt,
          snapshot.finishedAt,
          JSON.stringify(snapshot.analyzerVersions),
          JSON.stringify(snapshot.warnings),
          environmentText(snapshot.environment),
        )!;
      for (const save of saves) save(db, snapshotId);
      return { snapshotId, alreadyScanned: false };
    })
    .ofRepository(snapshot.repositoryId)();
}

function environmentText(environment: NewSnapshot['environment']): string | null {
  return environment === null ? null : JSON.stringify(environment);
}

/** The repository's latest scan of HEAD, when it is this scan's twin taken the same day (see saveSnapshot). */
function sameScanToday(db: Database, snapshot: NewSnapshot): number | undefined {
  const latest = db
    .prepare<[number], { id: number; commit_sha: string; status: string; started_at: string; analyzer_versions: string; warnings: string; environment: string | null }>(
      `SELECT id, commit_sha, status, started_at, analyzer_versions, warnings, environment FROM snapshots WHERE repository_id = ? AND kind = 'head' ORDER BY id DESC LIMIT 1`,
    )
    .get(snapshot.repositoryId);
  if (!latest || latest.started_at.slice(0, 10) !== snapshot.startedAt.slice(0, 10)) return undefined;
  const withoutTime = (text: string | null) => (text === null ? null : JSON.stringify({ ...(JSON.parse(text) as object), now: undefined }));
  const same =
    latest.commit_sha === snapshot.commit &&
    latest.status === snapshot.status &&
    latest.analyzer_versions === JSON.stringify(snapshot.analyzerVersions) &&
    latest.warnings === JSON.stringify(snapshot.warnings) &&
    withoutTime(latest.environment) === withoutTime(environmentText(snapshot.environment));
  return same ? latest.id : undefined;
}

interface SummaryRow {
  id: number;
  repository_id: number;
  kind: Snapshot['kind'];
  commit_sha: string;
  commit_date: string | null;
  environment: string | null;
  branch: string | null;
  status: Snapshot['status'];
  started_at: string;
  finished_at: string;
  analyzer_versions: string;
  warnings: string;
  files: number;
  lines_of_code: number;
  commits: number;
  contributors: number;
  bots: number;
  bot_commits: number;
  first_commit_at: string | null;
  last_commit_at: string | null;
}

/** The person a contributor row counted as; rows scanned before identities were resolved count one each. */
const personOf = `coalesce(c.person, c.name || ' <' || c.email || '>')`;

const summarySelect = `
  SELECT s.id, s.repository_id, s.kind, s.commit_sha, s.commit_date, s.branch, s.status, s.started_at, s.finished_at,
         s.analyzer_versions, s.warnings, s.environment,
         (SELECT count(*) FROM snapshot_files f WHERE f.snapshot_id = s.id) AS files,
         (SELECT coalesce(sum(code_lines), 0) FROM snapshot_files f WHERE f.snapshot_id = s.id) AS lines_of_code,
         h.commits, h.first_commit_at, h.last_commit_at,
         (SELECT count(DISTINCT ${personOf}) FROM snapshot_contributors c WHERE c.snapshot_id = s.id AND c.bot = 0) AS contributors,
         (SELECT count(DISTINCT ${personOf}) FROM snapshot_contributors c WHERE c.snapshot_id = s.id AND c.bot = 1) AS bots,
         (SELECT coalesce(sum(commits), 0) FROM snapshot_contributors c WHERE c.snapshot_id = s.id AND c.bot = 1) AS bot_commits
  FROM snapshots s JOIN snapshot_git_history h ON h.snapshot_id = s.id`;

function toSummary(row: SummaryRow): SnapshotSummary {
  return {
    snapshot: {
      id: row.id,
      repositoryId: row.repository_id,
      kind: row.kind,
      commit: row.commit_sha,
      commitDate: row.commit_date,
      branch: row.branch,
      status: row.status,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      analyzerVersions: JSON.parse(row.analyzer_versions) as Record<string, string>,
      warnings: JSON.parse(row.warnings) as string[],
      environment: row.environment === null ? null : (JSON.parse(row.environment) as Snapshot['environment']),
    },
    files: row.files,
    linesOfCode: row.lines_of_code,
    commits: row.commits,
    contributors: row.contributors,
    bots: { count: row.bots, commits: row.bot_commits },
    firstCommitAt: row.first_commit_at,
    lastCommitAt: row.last_commit_at,
  };
}

/** A repository's snapshots, newest first. */
export function listSnapshotSummaries(db: Database, repositoryId: number): SnapshotSummary[] {
  return db
    .prepare<[number], SummaryRow>(`${summarySelect} WHERE s.repository_id = ? ORDER BY s.finished_at DESC, s.id DESC`)
    .all(repositoryId)
    .map(toSummary);
}

/** The newest snapshot of each of the given repositories, in one query. */
export function latestSnapshotSummaries(db: Database, repositoryIds: readonly number[]): Map<number, SnapshotSummary> {
  if (repositoryIds.length === 0) return new Map();
  const rows = db
    .prepare<number[], SummaryRow>(
      `${summarySelect} WHERE s.id IN (
         SELECT (SELECT id FROM snapshots x WHERE x.repository_id = r.id AND x.kind = 'head' ORDER BY x.finished_at DESC, x.id DESC LIMIT 1)
         FROM repositories r WHERE r.id IN (${placeholders(repositoryIds)}))`,
    )
    .all(...repositoryIds);
  return new Map(rows.map((row) => [row.repository_id, toSummary(row)]));
}

interface TotalsRow {
  key: string;
  files: number;
  lines_of_code: number;
  comment_lines: number;
  blank_lines: number;
}

const totals = `count(*) AS files, sum(code_lines) AS lines_of_code, sum(comment_lines) AS comment_lines, sum(blank_lines) AS blank_lines`;
const topLevelFolder = `CASE WHEN instr(path, '/') = 0 THEN '(root)' ELSE substr(path, 1, instr(path, '/') - 1) END`;

function totalsByKey(db: Database, snapshotId: number, keyExpression: string, recognisedOnly: boolean): Record<string, LineTotals> {
  const rows = db
    .prepare<[number], TotalsRow>(
      `SELECT ${keyExpression} AS key, ${totals} FROM snapshot_files
       WHERE snapshot_id = ? ${recognisedOnly ? 'AND language IS NOT NULL' : ''}
       GROUP BY key ORDER BY lines_of_code DESC, files DESC, key`,
    )
    .all(snapshotId);
  return Object.fromEntries(
    rows.map((row) => [
      row.key,
      { files: row.files, linesOfCode: row.lines_of_code, commentLines: row.comment_lines, blankLines: row.blank_lines },
    ]),
  );
}

const topContributorCount = 10;

/** One snapshot's summary; undefined for no such snapshot. */
export function getSnapshotSummary(db: Database, snapshotId: number): SnapshotSummary | undefined {
  const row = db.prepare<[number], SummaryRow>(`${summarySelect} WHERE s.id = ?`).get(snapshotId);
  return row ? toSummary(row) : undefined;
}

export function getSnapshotReport(db: Database, snapshotId: number): SnapshotReport | undefined {
  const found = getSnapshotSummary(db, snapshotId);
  if (!found) return undefined;
  const { snapshot, ...summary } = found;
  const languages = totalsByKey(db, snapshotId, 'language', true);
  const lineSums = Object.values(languages).reduce(
    (sum, language) => ({
      commentLines: sum.commentLines + language.commentLines,
      blankLines: sum.blankLines + language.blankLines,
    }),
    { commentLines: 0, blankLines: 0 },
  );
  const topContributors = peopleOf(
    db
      .prepare<[number], { name: string; email: string; commits: number; person: string }>(
        `SELECT name, email, commits, ${personOf} AS person FROM snapshot_contributors c WHERE snapshot_id = ? AND bot = 0 ORDER BY commits DESC, name`,
      )
      .all(snapshotId),
  ).slice(0, topContributorCount);
  return {
    snapshot,
    summary: {
      ...summary,
      ...lineSums,
      languages,
      folders: totalsByKey(db, snapshotId, topLevelFolder, false),
      topContributors,
    },
  };
}

/** Contributor rows (most commits first) as people: each person once, with their identities' commits added up. */
function peopleOf(rows: readonly { name: string; email: string; commits: number; person: string }[]): { name: string; email: string; commits: number }[] {
  const names = personNames(rows.map((row) => ({ identity: row, key: identityKey(row), person: row.person })));
  const people = new Map<string, { name: string; email: string; commits: number }>();
  for (const row of rows) {
    const entry = people.get(row.person);
    if (entry) entry.commits += row.commits;
    else people.set(row.person, { name: names.get(row.person)!, email: row.email, commits: row.commits });
  }
  return [...people.values()].sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name));
}
