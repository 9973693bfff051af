import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../core/drafts/run-command.js';
import { temporaryDirectory } from '../support/git-fixture.js';

const folder = temporaryDirectory('steward-run-command-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('runCommand', () => {
  it('stops a command at its time limit with every process it started, and keeps its log', async () => {
    const pidFile = join(folder, 'grandchild.pid');
    // A command that starts a process of its own (as a test runner starts workers), then hangs.
    const script = `const { spawn } = require('child_process'); const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(child.pid)); console.log('started'); setInterval(() => {}, 1000);`;
    const groups: (number | null)[] = [];
    const outcome = await runCommand({ command: [process.execPath, '-e', script], cwd: folder, env: process.env, timeoutMs: 1500, logFile: join(folder, 'hang.log'), signal: new AbortController().signal, onGroup: (group) => groups.push(group) });
    expect(outcome).toMatchObject({ exitCode: null, timedOut: true, startError: null });
    expect(outcome.logTail).toContain('started');
    expect(readFileSync(join(folder, 'hang.log'), 'utf8')).toMatch(/stopped after 2 s, the gate's time limit/);
    expect(groups).toEqual([expect.any(Number), null]);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    // Wait for the state (reaped), not a time.
    while (alive(grandchild)) await new Promise((resolve) => setImmediate(resolve));
    expect(alive(grandchild)).toBe(false);
  });

  it('says plainly when the program is not installed', async () => {
    const outcome = await runCommand({ command: ['no-such-program-steward'], cwd: folder, env: process.env, timeoutMs: 10_000, logFile: join(folder, 'missing.log'), signal: new AbortController().signal });
    expect(outcome).toMatchObject({ exitCode: null, startError: 'no-such-program-steward is not installed (or not on the PATH)' });
  });

  it('passes the exit code of a command that fails', async () => {
    const outcome = await runCommand({ command: [process.execPath, '-e', 'console.error("boom"); process.exit(3)'], cwd: folder, env: process.env, timeoutMs: 10_000, logFile: join(folder, 'fail.log'), signal: new AbortController().signal });
    expect(outcome).toMatchObject({ exitCode: 3, timedOut: false, logTail: 'boom' });
  });
});
