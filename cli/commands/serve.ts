import { join } from 'node:path';
import { startBrowserServer } from '../../core/server/browser-server.js';
import type { Steward } from '../../core/steward.js';
import { installation } from '../installation.js';

/**
 * `steward serve`: the app in the browser, until the user stops it. Several may run on one
 * STEWARD_HOME (each with its own port and token), beside the desktop app and commands: they share
 * the database safely (WAL, a busy timeout, IMMEDIATE write transactions, a scan lock per repository
 * and purpose, the schedule's slots claimed in the database), as test/reliability/concurrency.test.ts shows.
 */
export async function serveCommand(steward: Steward, port: number, reason?: string): Promise<void> {
  steward.resumeBackfills();
  steward.startScanScheduler();
  const server = await startBrowserServer({ steward, port, rendererRoot: join(installation.root, 'out', 'renderer') });
  if (reason) process.stdout.write(`${reason}\n`);
  process.stdout.write(`Steward is running at ${server.url}\nOpen that address in your browser; press Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
}
