/**
 * A two-package workspace with one of every dead-code pattern, whose exact findings the tests know.
 * Comments in the sources say what each line is there to show.
 */
import type { FixtureContent } from './git-fixture.js';

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** `export * from` the next link, 500 deep, ending in one used and one unused export. */
function reExportChain(depth: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let index = 0; index < depth; index++) files[`packages/app/src/chain/c${index}.ts`] = `export * from './c${index + 1}.js';\n`;
  files[`packages/app/src/chain/c${depth}.ts`] = 'export const bottom = 1;\nexport const unusedBottom = 2;\n';
  return files;
}

export const deadCodeFixtureFiles: Record<string, FixtureContent> = {
  'package.json': json({
    name: 'shop',
    private: true,
    workspaces: ['packages/*'],
    scripts: { build: 'tsc -b', test: 'vitest run', generate: 'NODE_ENV=dev tsx scripts/generate.ts' },
    devDependencies: { '@types/node': '^20.0.0', prettier: '^3.0.0', tsx: '^4.0.0', typescript: '^5.0.0', vitest: '^2.0.0', 'bun-types': '^1.0.0', 'esbuild-wasm': '^0.20.0' },
  }),
  'tsconfig.json': json({ compilerOptions: { baseUrl: '.', paths: { '@app/*': ['packages/app/src/*'] }, jsx: 'react-jsx', allowJs: true } }),
  // A package located to be run, not imported: in use all the same.
  'scripts/generate.ts': "import { writeFileSync } from 'node:fs';\nimport { createRequire } from 'node:module';\n\nwriteFileSync('out.txt', createRequire(import.meta.url).resolve('esbuild-wasm'));\n",

  'packages/app/package.json': json({
    name: '@shop/app',
    main: 'dist/index.js',
    dependencies: { '@shop/lib': '*', 'left-pad': '^1.3.0', lodash: '^4.17.0', react: '^18.0.0' },
    devDependencies: { '@types/lodash': '^4.0.0', '@types/react': '^18.0.0', sass: '^1.0.0' },
  }),
  'packages/app/tsconfig.json': json({ extends: '../../tsconfig.json', compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
  // The entry (package.json "main" dist/index.js → src/index.ts): its own exports count as used.
  'packages/app/src/index.ts': [
    "import { render } from './ui/render.js'; // .js specifier of a .tsx file",
    "import { total } from './barrel/index.js';",
    "import * as math from './math.js'; // a namespace whose members are read",
    "import * as helpers from './helpers.js'; // a namespace that escapes",
    "import type { Options } from './types.js';",
    "import { Color } from './color.js';",
    "import { formatName } from '@app/format'; // tsconfig paths alias",
    "import { shared } from '@shop/lib'; // workspace package, resolved to its source",
    "import chunk from 'lodash/chunk';",
    "import server from './server.js'; // CommonJS module.exports",
    "import { bottom } from './chain/c0.js';",
    "import { missing } from './missing.js';",
    "import 'chalk';",
    '',
    'export const options: Options = { size: math.square(2) };',
    'inspect(helpers);',
    '',
    'function inspect(value: unknown): unknown {',
    '  return value;',
    '}',
    '',
    'export function main(locale: string): unknown {',
    "  void import('./lazy.js');",
    '  void import(`./locales/${locale}.js`);',
    "  spawnWorker('./workers/resize.ts'); // a file handed over by path",
    '  return [render(total([1])), Color.Red, formatName(locale), shared, chunk, server, bottom, missing];',
    '}',
    '',
    'function spawnWorker(path: string): void {',
    '  void path;',
    '}',
    '',
  ].join('\n'),
  'packages/app/src/workers/resize.ts': 'export function resize(): void {}\n',
  // `..` is the folder above: its index.ts.
  'packages/app/src/ui/render.tsx':
    "import { options } from '..';\n\nexport function render(size: number) {\n  return <div>{size + options.size}</div>;\n}\n\nexport function unusedRender() {\n  return null;\n}\n\nimport './theme.scss';\n",
  'packages/app/src/barrel/index.ts': "export * from './sum.js';\nexport * from './deep.js';\nexport { default as Big } from './big.js';\n",
  'packages/app/src/barrel/sum.ts': 'export function total(xs: number[]): number {\n  return xs.length;\n}\n\nexport function average(): number {\n  return 0;\n}\n',
  // Re-exports the barrel that re-exports it: a cycle through barrels.
  'packages/app/src/barrel/deep.ts': "export * from './index.js';\nexport const deepValue = 1;\n",
  'packages/app/src/barrel/big.ts': 'export default class Big {}\n',
  'packages/app/src/math.ts': 'export function square(n: number): number {\n  return n * n;\n}\n\nexport function cube(n: number): number {\n  return n * n * n;\n}\n',
  // Only a test reads cube: used, except in production mode.
  'packages/app/src/math.test.ts': "import { cube } from './math.js';\n\nif (cube(2) !== 8) throw new Error('cube');\n",
  // Imports a tracked symbolic link, which Steward lists but does not follow.
  'packages/app/src/helpers.ts': "import './linked.js';\n\nexport const first = 1;\nexport const second = 2;\n",
  'packages/app/src/linked.ts': { symlinkTo: 'format.ts' },
  // A vitest type test: checked by tsc, never run.
  'packages/app/src/math.test-d.ts': "import type { square } from './math.js';\n\nexport type Square = typeof square;\n",
  'packages/app/src/types.ts': 'export interface Options {\n  size: number;\n}\n\nexport type Unused = string;\n',
  'packages/app/src/color.ts': 'export enum Color {\n  Red,\n  Green,\n  Blue,\n}\n\nexport const favourite = Color.Green;\n',
  'packages/app/src/format.ts': 'export function formatName(name: string): string {\n  return name.trim();\n}\n',
  'packages/app/src/server.js': "const config = require('./config.cjs');\n\nmodule.exports = { start: () => config.port };\n",
  'packages/app/src/config.cjs': 'module.exports = { port: 8080 };\n',
  'packages/app/src/lazy.ts': 'export const lazy = 1;\nexport const alsoLazy = 2;\n',
  'packages/app/src/locales/en.ts': "export default { hello: 'Hello' };\n",
  'packages/app/src/locales/fr.ts': "export default { hello: 'Bonjour' };\n",
  'packages/app/src/globals.d.ts': 'declare const APP_VERSION: string;\n',
  // Types a package provides, named by a triple-slash directive rather than an import.
  'packages/app/src/env.d.ts': '/// <reference types="bun-types" />\n\nexport interface Env {\n  mode: string;\n}\n',
  // Served as it is: nothing imports it.
  'packages/app/public/sw.js': "self.addEventListener('install', () => {});\n",
  'packages/app/src/ui/theme.scss': '$accent: teal;\n',
  'packages/app/src/old/legacy.ts': "import { helper } from './legacy-helper.js';\n\nexport const legacy = helper;\n",
  'packages/app/src/old/legacy-helper.ts': 'export const helper = 1;\n',
  ...reExportChain(500),

  'packages/lib/package.json': json({
    name: '@shop/lib',
    bin: { 'lib-cli': './bin/cli.js' },
    exports: {
      '.': { types: './src/index.ts', import: './src/index.ts' },
      './feature/*': './src/features/*.ts',
      './feature/internal': null,
      './gone': './src/gone.ts',
    },
  }),
  // The bin script loads the build output of src/cli.ts, which names its worker by URL.
  'packages/lib/bin/cli.js': "#!/usr/bin/env node\nawait import(new URL('../dist/cli.js', import.meta.url).href);\n",
  'packages/lib/src/cli.ts': "export const worker = new URL('./worker.js', import.meta.url);\n",
  'packages/lib/src/worker.ts': "postMessage('ready');\n",
  // The compiler resolves './worker.js' to worker.ts, but Node runs this worker.js beside it.
  'packages/lib/src/worker.js': "require('tsx/cjs');\nrequire('./worker.ts');\n",
  'packages/lib/src/index.ts': 'export const shared = 1;\nexport const notShared = 2;\n',
  'packages/lib/src/features/a.ts': 'export const featureA = 1;\n',
  // Imports itself.
  'packages/lib/src/features/b.ts': "import { featureB as again } from './b.js';\n\nexport const featureB = 1;\nexport const use = again;\n",
  'packages/lib/src/features/internal.ts': 'export const hidden = 1;\n',

  // A project of its own that no workspace pattern lists: its package.json is its scripts' and imports'.
  'examples/demo/package.json': json({ name: 'demo', private: true, scripts: { start: 'node main.js' }, dependencies: { three: '^0.160.0' } }),
  // Its `paths` swap one package for another, for its own files only.
  'examples/demo/tsconfig.json': json({ compilerOptions: { allowJs: true, paths: { chalk: ['./node_modules/chalk-shim/index.js'] } } }),
  'examples/demo/main.js': "import * as three from 'three';\n\nconsole.log(three.REVISION);\n",

  // Tests read fixtures by path, never by import.
  'packages/app/src/__fixtures__/sample.ts': 'export const sample = 1;\n',

  // A Docusaurus site: Markdown pages import components through the @site alias; a fenced example does not count.
  'site/package.json': json({ name: 'site', private: true, scripts: { start: 'docusaurus start' }, dependencies: { '@docusaurus/core': '^3.0.0', '@docusaurus/preset-classic': '^3.0.0', react: '^18.0.0', 'react-dom': '^18.0.0', 'react-tweet': '^3.0.0' } }),
  // A client module is handed over by path, not imported.
  // `classic` is short for @docusaurus/preset-classic.
  'site/docusaurus.config.ts': "export default { title: 'Shop', presets: [['classic', {}]], clientModules: [require.resolve('./src/reload.js')] };\n",
  'site/src/reload.js': "console.log('reloaded');\n",
  'site/docs/intro.md': [
    '---',
    'title: Intro',
    '---',
    '',
    "import Hello from '@site/src/components/Hello';",
    "import { Tweet } from 'react-tweet';",
    '',
    '# Intro <Hello />',
    '',
    '```tsx',
    "import Example from '@site/src/components/Example';",
    '```',
    '',
  ].join('\n'),
  'site/src/components/Hello.tsx': 'export default function Hello() {\n  return <p>Hello</p>;\n}\n',
  'site/src/components/Example.tsx': 'export default function Example() {\n  return null;\n}\n',
  // The lockfile says what an install would: @docusaurus/core needs react-dom beside it.
  'package-lock.json': json({
    lockfileVersion: 3,
    packages: { '': { name: 'shop' }, 'node_modules/@docusaurus/core': { version: '3.0.0', peerDependencies: { react: '^18.0.0', 'react-dom': '^18.0.0' } } },
  }),

  'packages/broken/package.json': '{ "name": "broken", ',
  'packages/broken/index.ts': 'export const stillAnalysed = 1;\n',
};
