/**
 * Where the worker-thread entry modules are: compiled next to their sources (CLI), bundled beside
 * the main process (Electron), or bootstrapped from TypeScript source (tests).
 */
export interface WorkerModules {
  /** Runs one scan off the caller's event loop. */
  scan: URL | string;
  /** Parses files into facts; the code engine starts one per core. */
  parse: URL | string;
}
