import { angular } from './angular.js';
import { astro } from './astro.js';
import { ava } from './ava.js';
import { babel } from './babel.js';
import { betterNodeTest } from './better-node-test.js';
import { borp } from './borp.js';
import { changesets } from './changesets.js';
import { checkDts } from './check-dts.js';
import { cucumber } from './cucumber.js';
import { cypress } from './cypress.js';
import { docusaurus } from './docusaurus.js';
import { docusaurusV1 } from './docusaurus-v1.js';
import { drizzle } from './drizzle.js';
import { electronBuilder } from './electron-builder.js';
import { electronForge } from './electron-forge.js';
import { electronVite } from './electron-vite.js';
import { eslint } from './eslint.js';
import { expoRouter } from './expo-router.js';
import { gatsby } from './gatsby.js';
import { graphqlCodegen } from './graphql-codegen.js';
import { jasmine } from './jasmine.js';
import { jest } from './jest.js';
import { karma } from './karma.js';
import { lab } from './lab.js';
import { mocha } from './mocha.js';
import { nest } from './nest.js';
import { netlify } from './netlify.js';
import { next } from './next.js';
import { nitro } from './nitro.js';
import { nodemon } from './nodemon.js';
import { nuxt } from './nuxt.js';
import { nx } from './nx.js';
import { oclif } from './oclif.js';
import { playwright } from './playwright.js';
import { prettier, semanticRelease, stylelint } from './plugin-lists.js';
import { preconstruct } from './preconstruct.js';
import { pm2 } from './pm2.js';
import { postcss } from './postcss.js';
import { prisma } from './prisma.js';
import { reactRouter } from './react-router.js';
import { reactScripts } from './react-scripts.js';
import { commitizen, commitlint, releaseIt } from './release-tools.js';
import { rollup } from './rollup.js';
import { runtimeTests } from './runtime-tests.js';
import { serverless } from './serverless.js';
import { sizeLimit } from './size-limit.js';
import { storybook } from './storybook.js';
import { sveltekit } from './sveltekit.js';
import { tap } from './tap.js';
import type { ToolSpec } from './tool-spec.js';
import { tsd } from './tsd.js';
import { tstyche } from './tstyche.js';
import { tsdown, tsup } from './tsup.js';
import { typedoc } from './typedoc.js';
import { typescript } from './typescript.js';
import { unbuild } from './unbuild.js';
import { uvu } from './uvu.js';
import { vercel } from './vercel.js';
import { vite } from './vite.js';
import { vitepress } from './vitepress.js';
import { vitest } from './vitest.js';
import { vueCli } from './vue-cli.js';
import { webdriverio } from './webdriverio.js';
import { webpack } from './webpack.js';
import { wrangler } from './wrangler.js';
import { webExtension } from './web-extension.js';
import { wxt } from './wxt.js';

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
  'docusaurus-v1': docusaurusV1,
  postcss,
  changesets,
  mocha,
  ava,
  borp,
  tstyche,
  cypress,
  'runtime-tests': runtimeTests,
  nuxt,
  'electron-builder': electronBuilder,
  karma,
  lab,
  gatsby,
  commitlint,
  'release-it': releaseIt,
  commitizen,
  typescript,
  angular,
  prettier,
  stylelint,
  'semantic-release': semanticRelease,
  next,
  astro,
  sveltekit,
  nitro,
  vitepress,
  'react-scripts': reactScripts,
  serverless,
  tsd,
  'check-dts': checkDts,
  'better-node-test': betterNodeTest,
  webdriverio,
  tap,
  uvu,
  jasmine,
  nodemon,
  pm2,
  wrangler,
  netlify,
  vercel,
  typedoc,
  nest,
  'react-router': reactRouter,
  'expo-router': expoRouter,
  oclif,
  'graphql-codegen': graphqlCodegen,
  'size-limit': sizeLimit,
  drizzle,
  'vue-cli': vueCli,
  unbuild,
  'electron-forge': electronForge,
  nx,
  cucumber,
  wxt,
  'web-extension': webExtension,
  prisma,
  preconstruct,
};

/** The tool a command starts, by the binary's name. */
export function toolOfBinary(binary: string): string | undefined {
  return binaryTools.get(binary);
}

const binaryTools = new Map(Object.entries(registry).flatMap(([tool, spec]) => (spec.binaries ?? []).map((binary) => [binary, tool] as const)));
