import { stewardHome } from '../core/paths.js';
import { StewardError } from '../core/api/errors.js';
import { StoreUnreachable } from '../core/store/postgres-database.js';
import { type Steward, openSteward } from '../core/steward.js';

import { installation } from './installation.js';

/**
 * The engine for the CLI. A command waits for its one scan and does nothing else meanwhile, so it
 * runs on the command's own thread (sparing a worker that loads the whole engine again); the app in
 * a browser (`serve`, `start`) keeps its thread free for requests, and `scan --all` runs two scans
 * at once: they run in worker threads (`workers`).
 */
export function openStewardForCli(use: 'command' | 'workers'): Steward {
  const store = process.env.STEWARD_STORE?.trim() || undefined;
  const fallback = storeFallback();
  try {
    return open(use, store);
  } catch (error) {
    // A team store out of reach: the local store instead, when the user chose that (STEWARD_STORE_FALLBACK=local), and said.
    if (!(error instanceof StoreUnreachable) || fallback !== 'local') throw error;
    process.stderr.write(`warning: ${error.message}; using the local store in ${stewardHome()} instead (STEWARD_STORE_FALLBACK=local)\n`);
    return open(use, undefined);
  }
}

/** What to do when the team store cannot be reached: `fail` (the default) or `local`. */
function storeFallback(): 'fail' | 'local' {
  const chosen = process.env.STEWARD_STORE_FALLBACK?.trim() || 'fail';
  if (chosen === 'fail' || chosen === 'local') return chosen;
  throw new StewardError('invalid-input', `STEWARD_STORE_FALLBACK is "${chosen}"; it takes local or fail`);
}

function open(use: 'command' | 'workers', store: string | undefined): Steward {
  return openSteward({
    home: stewardHome(),
    store,
    version: installation.version,
    mode: 'browser',
    scansInThisThread: use === 'command',
    workers: {
      scan: new URL('../core/scan/scan-worker.js', import.meta.url),
      parse: new URL('../core/code/parse-worker.js', import.meta.url),
    },
  });
}
