import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Repository } from '../../core/api/repositories.js';
import type { SnapshotReport, SnapshotSummary } from '../../core/api/snapshots.js';
import { spawnSteward, steward, stewardBin, stewardJson } from '../support/cli.js';
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

  it('an unknown command, a missing argument or a bad option value: exit 2 and one line', () => {
    for (const args of [['frobnicate'], ['scan'], ['serve', '--port', 'many'], ['complexity', '.', '--top', 'x']]) {
      const result = steward(home, args);
      expect([args.join(' '), result.status, result.stderr.trim().split('\n')]).toEqual([args.join(' '), 2, [expect.stringMatching(/^steward: .* \(see --help\)$/)]]);
    }
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

  it('a lock left by a dead scan whose pid now belongs to another live program does not block scans', () => {
    const home = temporaryDirectory();
    const repository = createKnownRepository(join(temporaryDirectory(), 'reused-pid'));
    stewardJson<SnapshotReport>(home, ['scan', repository]);
    const db = new BetterSqlite3(join(home, 'steward.db'));
    // This test's own process is alive: as if the dead scan's pid had been given to it. The lock was last renewed long ago.
    db.prepare(`INSERT INTO scan_locks (repository_id, job_id, owner_pid, owner_host, started_at, heartbeat_at) VALUES (1, 'dead-job', ?, ?, ?, ?)`).run(
      process.pid,
      hostname(),
      '2024-01-01T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z',
    );
    db.close();
    const result = steward(home, ['scan', repository, '--json']);
    expect([result.status, result.stderr]).toEqual([0, '']);
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

  it('with --wait, a scan of a repository being scanned on another machine waits for that scan, says so once, and scans when it is done', async () => {
    const home = temporaryDirectory();
    const repository = createKnownRepository(join(temporaryDirectory(), 'waited'));
    stewardJson<SnapshotReport>(home, ['scan', repository]);
    const lock = (sql: string, ...parameters: string[]) => {
      const db = new BetterSqlite3(join(home, 'steward.db'));
      try {
        db.prepare(sql).run(...parameters);
      } finally {
        db.close();
      }
    };
    // A CI runner elsewhere holds the repository's scan lock and renews it.
    const now = new Date().toISOString();
    lock(`INSERT INTO scan_locks (repository_id, job_id, owner_pid, owner_host, started_at, heartbeat_at) VALUES (1, 'runner-job', 4242, 'ci-runner-7', ?, ?)`, now, now);
    const waiting = spawnSteward(home, ['scan', repository, '--wait', '--rescan', '--json']);
    let stdout = '';
    let stderr = '';
    waiting.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    waiting.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => waiting.once('exit', resolve));
    await waitFor(() => stderr.includes('waiting for it to finish'));
    expect(stderr).toMatch(/^A scan of waited is already running in another Steward process \(pid 4242 on ci-runner-7\) since \d\d:\d\d:\d\d; waiting for it to finish \(Ctrl-C stops waiting\)\n$/);
    lock(`DELETE FROM scan_locks WHERE job_id = 'runner-job'`);
    expect(await exited).toBe(0);
    expect((JSON.parse(stdout) as SnapshotReport).snapshot.id).toBe(2);
  });
});

describe('the terminal contract', () => {
  const repository = createKnownRepository(join(temporaryDirectory(), 'terminal'));

  /** Runs a shell pipeline with the built CLI as `steward`; returns the exit code of steward (PIPESTATUS) and the streams. */
  function pipeline(command: string, env: NodeJS.ProcessEnv = {}): { code: number; stderr: string } {
    const result = spawnSync('bash', ['-c', `${command}; exit \${PIPESTATUS[0]}`], {
      encoding: 'utf8',
      env: { ...process.env, STEWARD_HOME: temporaryDirectory(), CI: 'true', steward: `${process.execPath} ${stewardBin}`, ...env },
    });
    return { code: result.status ?? -1, stderr: result.stderr };
  }

  it('output cut short by a closed pipe ends quietly with exit 0', () => {
    for (const command of ['$steward --help | head -1 >/dev/null', `$steward complexity '${repository}' --json | head -c 100 >/dev/null`, `$steward hotspots '${repository}' | head -1 >/dev/null`]) {
      expect([command, pipeline(command)]).toEqual([command, { code: 0, stderr: '' }]);
    }
  });

  it('draws a progress bar only on a terminal that can redraw it', () => {
    // `script` gives steward a terminal; CI must be unset for progress to be drawn at all.
    const onTerminal = (term: string): string =>
      spawnSync('script', ['-qec', `${process.execPath} ${stewardBin} complexity '${repository}' >/dev/null`, '/dev/null'], {
        encoding: 'utf8',
        env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'CI')), STEWARD_HOME: temporaryDirectory(), TERM: term },
      }).stdout;
    expect(onTerminal('xterm')).toContain('Analysing');
    expect(onTerminal('dumb')).not.toContain('Analysing');
  });
});
