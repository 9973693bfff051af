import { stewardHome } from '../core/paths.js';
import { type Steward, openSteward } from '../core/steward.js';

import { installation } from './installation.js';

/**
 * The engine for the CLI. A command waits for its scans and does nothing else meanwhile, so they run
 * on its own thread (sparing a worker that loads the whole engine again); the app in a browser
 * (`serve`, `start`) keeps its thread free for requests and runs them in workers.
 */
export function openStewardForCli(use: 'command' | 'server'): Steward {
  return openSteward({
    home: stewardHome(),
    version: installation.version,
    mode: 'browser',
    scansInThisThread: use === 'command',
    workers: {
      scan: new URL('../core/scan/scan-worker.js', import.meta.url),
      parse: new URL('../core/code/parse-worker.js', import.meta.url),
    },
  });
}
