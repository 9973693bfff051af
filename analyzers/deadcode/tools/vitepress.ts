import { conventionFiles } from './file-conventions.js';
import type { ToolSpec } from './tool-spec.js';

/**
 * VitePress: the config and theme in each .vitepress folder, and data loaders (`*.data.ts`, whose
 * default export VitePress calls at build time; the pages import the `data` it makes). Its pages'
 * imports are read as documents.
 */
export const vitepress: ToolSpec = {
  binaries: ['vitepress'],
  packages: ['vitepress'],
  handle: conventionFiles([
    { glob: '**/.vitepress/{config,theme/index}.{js,ts,mjs,mts,cjs,cts}', reason: 'VitePress config or theme (.vitepress/)', production: true },
    { glob: '**/*.data.{js,ts,mjs,mts}', reason: 'VitePress data loader (*.data.js: VitePress calls its default export)', production: true },
  ]),
};
