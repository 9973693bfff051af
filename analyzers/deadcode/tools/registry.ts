import { angular } from './angular.js';
import { astro } from './astro.js';
import { ava } from './ava.js';
import { babel } from './babel.js';
import { betterNodeTest } from './better-node-test.js';
import { borp } from './borp.js';
import { changesets } from './changesets.js';
import { checkDts } from './check-dts.js';
import { cypress } from './cypress.js';
import { docusaurus } from './docusaurus.js';
import { electronBuilder } from './electron-builder.js';
import { electronVite } from './electron-vite.js';
import { eslint } from './eslint.js';
import { gatsby } from './gatsby.js';
import { jest } from './jest.js';
import { karma } from './karma.js';
import { mocha } from './mocha.js';
import { next } from './next.js';
import { nitro } from './nitro.js';
import { nuxt } from './nuxt.js';
import { playwright } from './playwright.js';
import { prettier, semanticRelease, stylelint } from './plugin-lists.js';
import { postcss } from './postcss.js';
import { reactScripts } from './react-scripts.js';
import { commitizen, commitlint, releaseIt } from './release-tools.js';
import { rollup } from './rollup.js';
import { runtimeTests } from './runtime-tests.js';
import { serverless } from './serverless.js';
import { storybook } from './storybook.js';
import { sveltekit } from './sveltekit.js';
import type { ToolSpec } from './tool-spec.js';
import { tsd } from './tsd.js';
import { tstyche } from './tstyche.js';
import { tsdown, tsup } from './tsup.js';
import { typescript } from './typescript.js';
import { vite } from './vite.js';
import { vitepress } from './vitepress.js';
import { vitest } from './vitest.js';
import { webdriverio } from './webdriverio.js';
import { webpack } from './webpack.js';

/**
 * Every tool Steward reads, by name, in the order they are handled (vite before vitest, which also
 * reads vite configs). Adding a tool is one module in tools/ and one line here.
 */
export const registry: Readonly<Record<string, ToolSpec>> = {
  vite,
  vitest,
  jest,
  playwright,
  webpack,
  rollup,
  tsup,
  tsdown,
  'electron-vite': electronVite,
  storybook,
  eslint,
  babel,
  docusaurus,
  postcss,
  changesets,
  mocha,
  ava,
  borp,
  tstyche,
  cypress,
  runtimeTests,
  nuxt,
  electronBuilder,
  karma,
  gatsby,
  commitlint,
  releaseIt,
  commitizen,
  typescript,
  angular,
  prettier,
  stylelint,
  semanticRelease,
  next,
  astro,
  sveltekit,
  nitro,
  vitepress,
  reactScripts,
  serverless,
  tsd,
  checkDts,
  betterNodeTest,
  webdriverio,
};

/** The tool a command starts, by the binary's name. */
export function toolOfBinary(binary: string): string | undefined {
  return binaryTools.get(binary);
}

const binaryTools = new Map(Object.entries(registry).flatMap(([tool, spec]) => (spec.binaries ?? []).map((binary) => [binary, tool] as const)));
