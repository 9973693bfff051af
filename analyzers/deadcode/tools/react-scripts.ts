import { conventionFiles } from './file-conventions.js';
import type { ToolSpec } from './tool-spec.js';

/** Create React App (react-scripts): src/index, and the setup files it loads by name. */
export const reactScripts: ToolSpec = {
  binaries: ['react-scripts'],
  packages: ['react-scripts'],
  handle: conventionFiles([
    { glob: 'src/index.*', reason: 'Create React App entry (src/index)', production: true },
    { glob: 'src/{setupTests,setupProxy}.*', reason: 'Create React App setup file', production: false },
  ]),
};
