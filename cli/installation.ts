import { installationRoot, readPackage } from '../core/package-info.js';

/** The installation this CLI runs from: its root folder (renderer build, package.json) and version. */
export const installation = (() => {
  const root = installationRoot(import.meta.url);
  return { root, version: readPackage(root).version ?? '0.0.0' };
})();
