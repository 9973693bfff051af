import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Repository } from '../../core/api/repositories.js';
import type { SnapshotReport, SnapshotSummary } from '../../core/api/snapshots.js';
import { spawnSteward, steward, stewardJson } from '../support/cli.js';
import { createKnownRepository, createLargeRepository, createRepository, git, temporaryDirectory } from '../support/git-fixture.js';

function expectRefused(home: string, path: string, message: RegExp): void {
  const result = steward(home, ['scan', path]);
  expect(result.status).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  expect(stewardJson<Repository[]>(home, ['repos'])).toEqual([]);
}

function lockHeld(home: string): boolean {
  try {
    const db = new BetterSqlite3(join(home, 'steward.db'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM scan_locks').get() as { n: number }).n > 0;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('bad input is refused in one line, and nothing is written', () => {
  const home = temporaryDirectory();
  const scratch = temporaryDirectory();

  it('a path that does not exist', () => expectRefused(home, join(scratch, 'missing'), /No such folder/));

  it('a file', () => {
    writeFileSync(join(scratch, 'file.txt'), 'hello');
    expectRefused(home, join(scratch, 'file.txt'), /is a file, not a folder/);
  });

  it('a folder that is not a git repository', () => {
    mkdirSync(join(scratch, 'plain'));
    expectRefused(home, join(scratch, 'plain'), /is not a git repository/);
  });

  it('a bare repository', () => {
    git(scratch, ['init', '--quiet', '--bare', 'bare.git']);
    expectRefused(home, join(scratch, 'bare.git'), /bare git repository/);
  });

  it('a repository with no commits', () => {
    git(scratch, ['init', '--quiet', 'empty']);
    expectRefused(home, join(scratch, 'empty'), /has no commits yet/);
  });

  it('an unknown command or a missing argument', () => {
    expect(steward(home, ['frobnicate']).status).toBe(2);
    expect(steward(home, ['scan']).status).toBe(2);
    expect(steward(home, ['serve', '--port', 'many']).status).toBe(2);
  });
});

describe('unusual but valid repositories scan fine', () => {
  it('a detached HEAD scans and says so', () => {
    const home = temporaryDirectory();
    const repository = createKnownRepository(join(temporaryDirectory(), 'detached'));
    git(repository, ['checkout', '--quiet', '--detach', 'HEAD~1']);
    const report = stewardJson<SnapshotReport>(home, ['scan', repository]);
    expect(report.snapshot.branch).toBeNull();
    expect(report.snapshot.status).toBe('complete');
    expect(report.snapshot.warnings.join('\n')).toMatch(/HEAD is detached at [0-9a-f]{7}/);
    expect(report.summary.commits).toBe(2);
  });

  it('a path with spaces and non-ASCII characters', () => {
    const home = temporaryDirectory();
    const repository = createRepository(join(temporaryDirectory(), 'my répo ünïcode 日本'), [
      { author: 'Zoë Ångström', email: 'zoe@example.com', date: '2022-01-01T00:00:00Z', files: { 'src/naïve file.ts': 'export const x = 1;\n' } },
    ]);
    const report = stewardJson<SnapshotReport>(home, ['scan', repository]);
    expect(report.summary).toMatchObject({ files: 1, linesOfCode: 1, commits: 1, contributors: 1 });
    expect(report.summary.topContributors[0]?.name).toBe('Zoë Ångström');
    expect(stewardJson<Repository[]>(home, ['repos'])[0]?.path).toBe(repository);
  });
});

describe('scans that are interrupted or contended', () => {
  const large = createLargeRepository(join(temporaryDirectory(), 'large'), 6000);

  it('a scan killed with SIGKILL leaves a clean database and no half snapshot; the next scan succeeds', async () => {
    const home = temporaryDirectory();
    const child = spawnSteward(home, ['scan', large, '--json']);
    await waitFor(() => lockHeld(home));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const db = new BetterSqlite3(join(home, 'steward.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const before = stewardJson<{ snapshots: SnapshotSummary[] }>(home, ['history', large]).snapshots;
    // Killed before its single transaction committed, the scan left no snapshot at all.
    expect(before).toEqual([]);

    const report = stewardJson<SnapshotReport>(home, ['scan', large]);
    expect(report.summary.files).toBe(6000);
    expect(report.snapshot.status).toBe('complete');
  });

  it('a second scan of the same repository is refused while the first runs', async () => {
    const home = temporaryDirectory();
    const first = spawnSteward(home, ['scan', large, '--json']);
    let output = '';
    first.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => first.once('exit', resolve));
    await waitFor(() => lockHeld(home));

    const second = steward(home, ['scan', large]);
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(/A scan of large is already running in another Steward process \(pid \d+\)/);

    expect(await exited).toBe(0);
    expect((JSON.parse(output) as SnapshotReport).summary.files).toBe(6000);
  });
});
