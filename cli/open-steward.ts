import { stewardHome } from '../core/paths.js';
import type { StoreChoice } from '../core/store/store-choice.js';
import { type Steward, openChosenSteward } from '../core/steward.js';
import { openSwitchableSteward } from '../core/switchable-steward.js';

import { installation } from './installation.js';

/** What a command opens the engine for: itself, scans at once (`scan --all`), or the app in a browser (`serve`, `start`). */
export type StewardUse = 'command' | 'workers' | 'app';

/**
 * The engine for the CLI. A command waits for its one scan and does nothing else meanwhile, so it
 * runs on the command's own thread (sparing a worker that loads the whole engine again); the app in
 * a browser keeps its thread free for requests, and `scan --all` runs two scans at once: they run in
 * worker threads. The app's engine moves to another store when Settings → Store chooses one.
 */
export function openStewardForCli(use: StewardUse, choice: StoreChoice): Steward {
  const open = use === 'app' ? openSwitchableSteward : openChosenSteward;
  return open(
    {
      home: stewardHome(),
      version: installation.version,
      mode: 'browser',
      scansInThisThread: use === 'command',
      workers: {
        scan: new URL('../core/scan/scan-worker.js', import.meta.url),
        parse: new URL('../core/code/parse-worker.js', import.meta.url),
      },
    },
    choice,
    (message) => process.stderr.write(`warning: ${message}\n`),
  );
}
