import type { WorkerModules } from '../../core/scan/worker-modules.js';

/** The worker threads run from TypeScript source, so tests exercise real workers without a build. */
export const sourceWorkers: WorkerModules = {
  scan: new URL('./scan-worker-from-source.mjs', import.meta.url),
  parse: new URL('./parse-worker-from-source.mjs', import.meta.url),
};
