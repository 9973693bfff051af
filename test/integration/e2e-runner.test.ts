import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runner = fileURLToPath(new URL('../support/run-e2e.ts', import.meta.url));

/** The end-to-end runner as `npm test` / `npm run test:e2e` call it, on a machine whose only Chromium setting names nothing. */
function runWithoutBrowser(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const { CI: _ci, ...withoutCi } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', runner, ...args], { encoding: 'utf8', env: { ...withoutCi, CHROMIUM_PATH: '/nonexistent/chromium', ...env } });
}

describe('the end-to-end tests on a machine without Chromium', () => {
  it('npm test reports them skipped, with the command that enables them, and passes', () => {
    const result = runWithoutBrowser(['--skip-without-browser'], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/End-to-end tests SKIPPED: CHROMIUM_PATH \(\/nonexistent\/chromium\) is not an executable file\. To run them, install Chromium .* then run: npm run test:e2e/);
  });

  it('asking for them (npm run test:e2e) or CI fails with the same one line', () => {
    for (const [args, env] of [[[], {}], [['--skip-without-browser'], { CI: 'true' }]] as const) {
      const result = runWithoutBrowser([...args], env);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^End-to-end tests cannot run: .*npm run test:e2e$/)]);
    }
  });
});
