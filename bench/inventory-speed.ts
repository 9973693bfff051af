/**
 * What the inventory costs (issue 8's targets), medians of 5:
 * - the items pass of a scan (findings → items with cost and owner, identity against the stored
 *   inventory, written in the snapshot's transaction) on a warm scan of a 1,000-file repository:
 *   ≤ 0.1 s;
 * - `inventory.list` over 50,000 items, filtered and sorted: ≤ 200 ms;
 * - the Inventory page over those 50,000 items: first rows within 1 s, and long frames while scrolling.
 *
 *   npx tsx bench/generate-repo.ts --files 1000 --commits 200 --seed 1 --out /tmp/synthetic-1k
 *   npx tsx bench/inventory-speed.ts --repo /tmp/synthetic-1k
 *
 * Needs `npm run build` (the scan and the page run the built Steward) and Chromium at /usr/bin/chromium.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { analyses } from '../core/analyses/registry.js';
import type { AnalysisId } from '../core/api/analyses.js';
import { inspectRepository } from '../core/git/inspect-repository.js';
import { listTreeFiles } from '../core/git/tree-files.js';
import { listInventory } from '../core/inventory/inventory-store.js';
import { updateInventory } from '../core/inventory/update-inventory.js';
import { inventoryOf } from '../core/scan/inventory-of.js';
import { openDatabase } from '../core/store/database.js';
import { saveSnapshot } from '../core/store/snapshots.js';
import { describeMachine } from './machine.js';
import { median } from './report.js';
import { storeSyntheticScan } from './synthetic-items.js';
import { projectRoot } from './steward.js';

const repo = process.argv[process.argv.indexOf('--repo') + 1];
if (!repo || !process.argv.includes('--repo')) throw new Error('--repo <path> (a 1,000-file repository, see the header) is required');
const runs = 5;
const scratch = mkdtempSync(join(tmpdir(), 'steward-inventory-speed-'));

async function timed<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const stewardBin = join(projectRoot, 'bin', 'steward.js');

/** The items pass on a warm scan: as the scan does it, in a transaction rolled back after each run. */
async function itemsPass(): Promise<Record<string, number>> {
  const home = join(scratch, 'items');
  const env = { ...process.env, STEWARD_HOME: home, CI: 'true' };
  const scan = (): number => {
    const started = performance.now();
    execFileSync(process.execPath, [stewardBin, 'scan', repo!, '--offline', '--quiet', '--only', 'code,deadCode,history,markers'], { env, stdio: 'ignore' });
    return performance.now() - started;
  };
  scan();
  const warmScans = Array.from({ length: runs }, scan);
  const db = openDatabase(join(home, 'steward.db'));
  const { root, head } = await inspectRepository(repo!);
  const snapshot = db.prepare<[], { id: number; repository_id: number }>('SELECT id, repository_id FROM snapshots ORDER BY id DESC LIMIT 1').get()!;
  const reports: Partial<Record<AnalysisId, unknown>> = {};
  for (const analysis of Object.values(analyses)) {
    const report = analysis.load(db, snapshot.id);
    if (report !== undefined) reports[analysis.descriptor.id] = report;
  }
  const tree = await listTreeFiles(root, head.commit);
  const passes: number[] = [];
  let items = 0;
  for (let run = 0; run < runs; run++) {
    const { ms } = await timed(async () => {
      const inventory = await inventoryOf({ db, repositoryId: snapshot.repository_id, root, commit: head.commit, tree, code: undefined, reports, renames: true, signal: new AbortController().signal, warn: () => {} });
      items = inventory.items.length;
      db.exec('SAVEPOINT bench');
      try {
        const id = saveSnapshot(db, { repositoryId: snapshot.repository_id, kind: 'head', commit: head.commit, commitDate: null, branch: head.branch, status: 'complete', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), analyzerVersions: {}, warnings: [], environment: null }, [], { rescan: true }).snapshotId;
        updateInventory(db, { ...inventory, snapshotId: id, analyses: Object.keys(reports) as AnalysisId[], linesOfCode: 1, now: new Date() });
      } finally {
        db.exec('ROLLBACK TO bench; RELEASE bench');
      }
    });
    passes.push(ms);
  }
  db.close();
  return { items, itemsPassMs: median(passes)!, warmScanMs: median(warmScans)! };
}

/** A store holding one scan with `count` items spread over kinds, files, owners and severities. */
function fillStore(home: string, count: number): void {
  const db = openDatabase(join(home, 'steward.db'));
  storeSyntheticScan(db, join(scratch, 'big'), count);
  db.close();
}

async function listSpeed(home: string): Promise<Record<string, number>> {
  const db = openDatabase(join(home, 'steward.db'));
  // As the page asks: the first page of a list with its facets, a page further down without.
  const queries = {
    'by priority, first page': { sort: 'priority' as const, facets: true },
    'one kind, by effort': { sort: 'effort' as const, kinds: ['complex-function' as const], facets: true },
    'folder and severity, by age': { sort: 'age' as const, folder: 'src/module-42', severities: ['high' as const], facets: true },
    'two search words': { sort: 'priority' as const, search: 'finding file-1', facets: true },
    'page at 25,000 (no facets)': { sort: 'priority' as const, offset: 25_000, facets: false },
  };
  const figures: Record<string, number> = {};
  for (const [name, query] of Object.entries(queries)) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push((await timed(() => listInventory(db, { repositoryId: 1, offset: 0, limit: 200, ...query }))).ms);
    figures[name] = median(times)!;
  }
  db.close();
  return figures;
}

/** The page in Chromium: time to the first rows, then long frames (long tasks) while scrolling through. */
async function pageSpeed(home: string): Promise<Record<string, number>> {
  const server = spawn(process.execPath, [stewardBin, 'serve'], { env: { ...process.env, STEWARD_HOME: home, CI: 'true' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
  });
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const firstRows: number[] = [];
  const longTasks: number[] = [];
  const longest: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      await page.goto(url);
      const started = Date.now();
      await page.goto(`${url.split('#')[0]}#/repositories/1/inventory`);
      await page.getByRole('table', { name: 'Debt items' }).getByRole('cell').first().waitFor();
      firstRows.push(Date.now() - started);
      // In the page (a string: this file is compiled without the DOM's types).
      await page.evaluate('window.longTasks = []; new PerformanceObserver((list) => list.getEntries().forEach((entry) => window.longTasks.push(entry.duration))).observe({ entryTypes: ["longtask"] })');
      const scroller = page.locator('.inventory-scroll');
      await scroller.hover();
      for (let step = 0; step < 60; step++) await page.mouse.wheel(0, 1500);
      await page.waitForTimeout(500);
      const tasks = (await page.evaluate('window.longTasks')) as number[];
      longTasks.push(tasks.length);
      longest.push(tasks.length === 0 ? 0 : Math.max(...tasks));
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill('SIGINT');
  }
  return { firstRowsMs: median(firstRows)!, longTasksWhileScrolling: median(longTasks)!, longestTaskMs: median(longest)! };
}

try {
  const items = await itemsPass();
  const bigHome = join(scratch, 'big-home');
  fillStore(bigHome, 50_000);
  const list = await listSpeed(bigHome);
  const page = await pageSpeed(bigHome);
  const round = (value: number): number => Math.round(value * 10) / 10;
  process.stdout.write(
    `${JSON.stringify({ machine: describeMachine({}), repository: repo, runs, items: Object.fromEntries(Object.entries(items).map(([k, v]) => [k, round(v)])), list50k: Object.fromEntries(Object.entries(list).map(([k, v]) => [k, round(v)])), page50k: page }, null, 2)}\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
