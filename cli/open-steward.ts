import { stewardHome } from '../core/paths.js';
import { type Steward, openSteward } from '../core/steward.js';

import { installation } from './installation.js';

export function openStewardForCli(mode: 'desktop' | 'browser' = 'browser'): Steward {
  return openSteward({
    home: stewardHome(),
    version: installation.version,
    mode,
    workers: {
      scan: new URL('../core/scan/scan-worker.js', import.meta.url),
      parse: new URL('../core/code/parse-worker.js', import.meta.url),
    },
  });
}
