import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Global setup for every test run: what the run makes in the temporary directory (its repositories,
 * Steward homes, PostgreSQL servers, and what the processes it starts make there) goes in one folder
 * of its own, TMPDIR for the run's workers and their children, and is removed when the run ends. A
 * developer's machine is not filled with thousands of folders, a few gigabytes a run.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'steward-test-run-'));
  // Others may pass through (not list) it: under root, the tests' PostgreSQL runs as its own user, in a folder of its own here.
  chmodSync(root, 0o711);
  process.env['TMPDIR'] = root;
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
