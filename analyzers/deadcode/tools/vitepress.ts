import { conventionFiles } from './file-conventions.js';
import type { ToolSpec } from './tool-spec.js';

/** VitePress: the config and theme in each .vitepress folder (its pages' imports are read as documents). */
export const vitepress: ToolSpec = {
  binaries: ['vitepress'],
  packages: ['vitepress'],
  handle: conventionFiles([{ glob: '**/.vitepress/{config,theme/index}.{js,ts,mjs,mts,cjs,cts}', reason: 'VitePress config or theme (.vitepress/)', production: true }]),
};
