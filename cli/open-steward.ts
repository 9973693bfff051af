import { installationRoot, readPackage } from '../core/package-info.js';
import { stewardHome } from '../core/paths.js';
import { type Steward, openSteward } from '../core/steward.js';

/** The installation this CLI runs from: its root folder (renderer build, package.json) and version. */
export const installation = (() => {
  const root = installationRoot(import.meta.url);
  return { root, version: readPackage(root).version ?? '0.0.0' };
})();

export function openStewardForCli(mode: 'desktop' | 'browser' = 'browser'): Steward {
  return openSteward({
    home: stewardHome(),
    version: installation.version,
    mode,
    scanWorkerUrl: new URL('../core/scan/scan-worker.js', import.meta.url),
  });
}
