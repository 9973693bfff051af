import { joinPath } from '../../discover/repo-paths.js';
import { packageNameOf } from '../entry-context.js';
import { addConventionFiles } from './file-conventions.js';
import type { ToolSpec } from './tool-spec.js';

/**
 * Expo Router: every script under app/ — or src/app/, which wins when it exists — is a route (layouts,
 * screens, `+api` and `+html` files alike); package.json `"main": "expo-router/entry"` names the
 * package's entry module, not a file.
 */
export const expoRouter: ToolSpec = {
  packages: ['expo-router'],
  handle(context, workspace) {
    const inSrc = joinPath(workspace.dir, 'src/app');
    const folder = context.tree.paths.some((path) => path.startsWith(`${inSrc}/`)) ? 'src/app' : 'app';
    addConventionFiles(context, workspace, [{ glob: `${folder}/**/*.{js,jsx,ts,tsx}`, reason: `Expo Router route (${folder}/)`, production: true }]);
    const main = workspace.packageJson?.['main'];
    if (typeof main === 'string' && packageNameOf(main) === 'expo-router') context.addPackage(workspace.dir, 'expo-router', `${workspace.packageJsonPath ?? 'package.json'} "main"`);
  },
};
