/**
 * What the portfolio dashboard costs (issue 19's target: interactive ≤ 1 s with 20 repositories × 3
 * years of weekly snapshots). Seeds a store with 20 repositories (each a real one-commit git
 * repository, as the dashboard reads every HEAD), each with 156 weekly backfilled scores and a latest
 * scan of `--items` debt items (default 2,000), then times `portfolio.overview` through the engine
 * (as the app's API calls it), median of 7 after one warm-up.
 *
 * With `--postgres`, the same store is seeded into a PostgreSQL server on 127.0.0.1 as well
 * (test/support/postgres-server.ts) and both are timed, interleaved (issue 22's target: the
 * portfolio of a team store of 300 repositories × 2 years weekly interactive in ≤ 1.5 s).
 *
 *   npx tsx bench/portfolio-speed.ts [--repositories 20] [--weeks 156] [--items 2000] [--postgres]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthFormula } from '../analyzers/health/health-score.js';
import { emptyMailmap } from '../analyzers/identities/mailmap.js';
import { emptyIdentityMap, identityResolver } from '../analyzers/identities/resolve-identities.js';
import { readPortfolio } from '../core/health/portfolio.js';
import { saveHealthScore } from '../core/health/health-store.js';
import { scoreInventory } from '../core/health/score-inventory.js';
import { updateInventory } from '../core/inventory/update-inventory.js';
import { type Database, openDatabase } from '../core/store/database.js';
import { insertGitHistory } from '../core/store/snapshot-git-history.js';
import { saveSnapshot } from '../core/store/snapshots.js';
import { startPostgres } from '../test/support/postgres-server.js';
import { describeMachine, machineLine } from './machine.js';
import { median } from './report.js';
import { syntheticItems } from './synthetic-items.js';

const option = (name: string, fallback: number): number => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const [repositories, weeks, itemCount] = [option('--repositories', 20), option('--weeks', 156), option('--items', 2000)];
const scratch = mkdtempSync(join(tmpdir(), 'steward-portfolio-speed-'));
const week = 7 * 86_400_000;

/** The repositories' folders, each a one-commit git repository, and their HEADs. */
function createRepositories(): { path: string; head: string }[] {
  return Array.from({ length: repositories }, (_, index) => {
    const path = join(scratch, `repository-${index}`);
    mkdirSync(path);
    writeFileSync(join(path, 'README.md'), `# ${index}\n`);
    const git = (args: string[]) => execFileSync('git', args, { cwd: path, env: { ...process.env, GIT_AUTHOR_NAME: 'A', GIT_AUTHOR_EMAIL: 'a@example.com', GIT_COMMITTER_NAME: 'A', GIT_COMMITTER_EMAIL: 'a@example.com' } });
    git(['init', '--quiet']);
    git(['add', '.']);
    git(['commit', '--quiet', '-m', 'one']);
    return { path, head: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: path, encoding: 'utf8' }).trim() };
  });
}

function seed(db: Database, folders: readonly { path: string; head: string }[]): Database {
  const items = syntheticItems(itemCount);
  const now = Date.now();
  for (const [index, { path, head }] of folders.entries()) {
    const repositoryId = db.prepare<unknown[], { id: number }>('INSERT INTO repositories (path, name, added_at) VALUES (?, ?, ?) RETURNING id').get(path, `repository-${index}`, new Date().toISOString())!.id;
    const snapshot = (kind: 'head' | 'backfill', commit: string, at: number) =>
      saveSnapshot(
        db,
        { repositoryId, kind, commit, commitDate: new Date(at).toISOString(), branch: 'main', status: 'complete', startedAt: new Date(at).toISOString(), finishedAt: new Date(at).toISOString(), analyzerVersions: {}, warnings: [], environment: null },
        [(target, snapshotId) => insertGitHistory(target, snapshotId, { commits: 1, firstCommitAt: null, lastCommitAt: null, committedAt: null, contributors: [], shallow: false, rootCommits: [] }, identityResolver(emptyMailmap, emptyIdentityMap))],
      ).snapshotId;
    db.transaction(() => {
      // `--weeks` weekly scores, drifting down with noise, as a backfill leaves them.
      for (let back = weeks; back >= 1; back--) {
        const id = snapshot('backfill', back.toString(16).padStart(40, '0'), now - back * week);
        const score = 95 - (weeks - back) * 0.05 - (index % 7) + Math.sin(back) * 0.8;
        saveHealthScore(db, { snapshotId: id, folder: '', formula: healthFormula, linesOfCode: 50_000, score, rating: score >= 90 ? 'A' : 'B', reason: null, changeSinceWeek: null, categories: [] });
      }
      const id = snapshot('head', head, now);
      updateInventory(db, { repositoryId, snapshotId: id, analyses: ['code'], items, renames: new Map(), linesOfCode: 50_000, minutesPerLine: 30, team: [`@team-${index % 4}`], now: new Date() });
      saveHealthScore(db, scoreInventory(db, { repositoryId, snapshotId: id }));
    })();
  }
  return db;
}

const folders = createRepositories();
const server = process.argv.includes('--postgres') ? await startPostgres() : null;
const stores: { engine: string; db: Database; timings: number[] }[] = [{ engine: 'SQLite', db: openDatabase(join(scratch, 'home', 'steward.db')), timings: [] }];
if (server) stores.push({ engine: 'PostgreSQL', db: openDatabase(server.createDatabase('portfolio')), timings: [] });
for (const store of stores) {
  const started = performance.now();
  seed(store.db, folders);
  console.error(`${store.engine}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
// One warm-up each, then 7 timed, the engines taking turns.
for (let run = 0; run < 8; run++) {
  for (const store of stores) {
    const started = performance.now();
    const portfolio = await readPortfolio(store.db, { threshold: 75, now: new Date() });
    if (portfolio.repositories.length !== repositories) throw new Error('the portfolio lost a repository');
    if (run > 0) store.timings.push(performance.now() - started);
  }
}
for (const store of stores) store.db.close();
await server?.stop();
if (!process.argv.includes('--keep')) rmSync(scratch, { recursive: true, force: true });
else console.log(scratch);
console.log(machineLine(describeMachine({})));
for (const { engine, timings } of stores) {
  console.log(`${engine}: portfolio.overview, ${repositories} repositories × ${weeks} weekly scores, ${itemCount} open items each: median ${median(timings)!.toFixed(0)} ms of 7 (${timings.map((ms) => ms.toFixed(0)).join(', ')})`);
}
