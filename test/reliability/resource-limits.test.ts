import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../e2e/browser-server.js';
import { runSteward } from '../support/cli.js';
import { createLargeRepository, temporaryDirectory } from '../support/git-fixture.js';
import { recordFigures } from './scale.js';

/**
 * Resource limits at a small scale: the code-file limit (STEWARD_MAX_CODE_FILES) set just below a
 * repository's count stops a scan at once with one clear line (exit 2 from the CLI, a failed job
 * with the same message in the app), saving nothing; at the limit, the scan completes. The full-size
 * runs (100,000 files, 200,000 commits, the app's latency meanwhile) are bench/resource-limits.ts.
 */
const codeFiles = 30;
let repository: string;

beforeAll(() => {
  repository = createLargeRepository(join(temporaryDirectory('steward-limits-'), 'repo'), codeFiles);
});

afterAll(() => recordFigures('resource-limits', { codeFiles, cliRuns: 3, appRuns: 1 }));

function snapshotCount(home: string): number {
  const db = new Database(join(home, 'steward.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT count(*) AS count FROM snapshots').get() as { count: number }).count;
  } finally {
    db.close();
  }
}

const refusal = new RegExp(`has ${codeFiles} code files, more than the ${codeFiles - 1} one scan analyses; set STEWARD_MAX_CODE_FILES`);

// Generous, to detect a hang only: on a loaded 2-core machine one scan of the 30 files took 90 s.
describe('the code-file limit', { timeout: 400_000 }, () => {
  it('stops a CLI scan above the limit with one line and exit 2, saving no snapshot', async () => {
    const home = temporaryDirectory();
    const result = await runSteward(home, ['scan', repository, '--offline', '--quiet'], { STEWARD_MAX_CODE_FILES: String(codeFiles - 1) });
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(refusal);
    expect(result.stdout).toBe('');
    expect(snapshotCount(home)).toBe(0);
  });

  it('scans a repository at the limit in full', async () => {
    const home = temporaryDirectory();
    const result = await runSteward(home, ['scan', repository, '--offline', '--quiet', '--json'], { STEWARD_MAX_CODE_FILES: String(codeFiles) });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { snapshot: { status: string }; summary: { files: number } };
    expect(report.snapshot.status).toBe('complete');
    expect(snapshotCount(home)).toBe(1);
  });

  it('refuses a limit that is not a number of files, in one line', async () => {
    const result = await runSteward(temporaryDirectory(), ['scan', repository, '--offline', '--quiet'], { STEWARD_MAX_CODE_FILES: 'lots' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^[^\n]*STEWARD_MAX_CODE_FILES must be a whole number of files above 0, not "lots"$/);
  });

  it('fails the app scan (a worker thread of steward serve) with the same message, the server still answering', async () => {
    const home = temporaryDirectory();
    const server = await startServer(home, { STEWARD_MAX_CODE_FILES: String(codeFiles - 1) });
    const scans = await server.watchScans();
    try {
      const { id } = await server.call<{ id: number }>('repositories.add', { path: repository });
      const job = await server.call<{ id: string }>('scans.start', { repositoryId: id });
      // Waits for the job's end (the test's own timeout detects a hang).
      const end = await scans.ended(job.id);
      expect(end.state).toBe('failed');
      expect(end.error?.code).toBe('invalid-input');
      expect(end.error?.message).toMatch(refusal);
      expect(await server.call<unknown[]>('snapshots.list', { repositoryId: id })).toEqual([]);
      expect(await server.call<unknown[]>('repositories.list', {})).toHaveLength(1);
    } finally {
      scans.close();
      await server.stop();
    }
  });
});
