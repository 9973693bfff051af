import { describe, expect, it } from 'vitest';
import { isEntryConfigFile } from '../../analyzers/deadcode/entry-points.js';
import { code, entry, entryPointsOf, json } from '../support/entry-fixture.js';

describe('findEntryPoints — package.json', () => {
  it('names the published libraries without an exports map, whose every file their users may import', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'], main: 'index.js' }),
      'index.js': code,
      'packages/open/package.json': json({ name: 'open-lib', main: 'index.js', files: ['index.js', 'lib'] }),
      'packages/open/index.js': code,
      'packages/app/package.json': json({ name: 'an-app', version: '1.0.0', main: 'index.js' }),
      'packages/app/index.js': code,
      'packages/mapped/package.json': json({ name: 'mapped-lib', main: 'index.js', exports: './index.js' }),
      'packages/mapped/index.js': code,
      'packages/publish-mapped/package.json': json({ name: 'publish-mapped', types: 'index.d.ts', publishConfig: { exports: { '.': './dist/index.js' } } }),
      'packages/publish-mapped/index.ts': code,
      'packages/cli/package.json': json({ name: 'a-cli', bin: 'cli.js', files: ['cli.js'] }),
      'packages/cli/cli.js': code,
    });
    expect(result.openPackages).toEqual([{ workspaceDir: 'packages/open', name: 'open-lib' }]);
  });

  it('maps build output through the rootDir tsc infers from `include` when none is set', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ajv-like', main: 'dist/ajv.js', types: 'dist/ajv.d.ts' }),
      'tsconfig.json': json({ include: ['lib'], compilerOptions: { outDir: 'dist' } }),
      'lib/ajv.ts': code,
      'lib/core.ts': code,
      'packages/web/package.json': json({ name: 'web', main: 'build/index.js' }),
      'packages/web/tsconfig.json': json({ include: ['./source/**/*.ts', 'source/cli/main.ts'], compilerOptions: { outDir: 'build' } }),
      'packages/web/source/index.ts': code,
    });
    expect(result.entries).toEqual([
      entry('lib/ajv.ts', 'package.json "main" (dist/ajv.js → lib/ajv.ts)'),
      entry('packages/web/source/index.ts', 'packages/web/package.json "main" (build/index.js → source/index.ts)'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('maps main, types and bin from build output back to source, per workspace, and falls back to index files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': json({ name: 'api', main: 'dist/index.js', types: 'dist/index.d.ts', bin: { api: './dist/cli.js' } }),
      'packages/api/tsconfig.json': json({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
      'packages/api/src/index.ts': code,
      'packages/api/src/cli.ts': code,
      'packages/api/src/unused.ts': code,
      'packages/web/package.json': json({ name: 'web', module: './lib/web.mjs', bin: 'bin/web.js' }),
      'packages/web/src/web.mts': code,
      'packages/web/bin/web.js': code,
      'packages/tools/package.json': json({ name: 'tools' }),
      'packages/tools/src/index.ts': code,
      'packages/tools/main.js': code,
      'packages/tools/other.ts': code,
    });
    expect(result.entries).toEqual([
      entry('packages/api/src/cli.ts', 'packages/api/package.json "bin.api" (dist/cli.js → src/cli.ts)'),
      entry('packages/api/src/index.ts', 'packages/api/package.json "main" (dist/index.js → src/index.ts)'),
      entry('packages/tools/main.js', 'default entry (packages/tools/package.json declares no "main", "module", "exports" or "bin")'),
      entry('packages/tools/src/index.ts', 'default entry (packages/tools/package.json declares no "main", "module", "exports" or "bin")'),
      entry('packages/web/bin/web.js', 'packages/web/package.json "bin"'),
      entry('packages/web/src/web.mts', 'packages/web/package.json "module" (lib/web.mjs → src/web.mts)'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('follows every exports condition and subpath, expands `*` against tracked files and leaves out what `null` hides', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        exports: {
          '.': { types: './dist/index.d.ts', import: './dist/index.mjs', require: ['./dist/index.cjs'] },
          './node': { node: { import: './dist/node.js' }, default: null },
          './utils/*': './dist/utils/*.js',
          './utils/internal/*': null,
          './package.json': './package.json',
          './legacy': './legacy.js',
        },
      }),
      'src/index.ts': code,
      'src/node.ts': code,
      'src/utils/format.ts': code,
      'src/utils/deep/parse.ts': code,
      'src/utils/internal/secret.ts': code,
      'src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/index.ts', 'package.json "exports" "." (dist/index.d.ts → src/index.ts)'),
      entry('src/node.ts', 'package.json "exports" "./node" (dist/node.js → src/node.ts)'),
      entry('src/utils/deep/parse.ts', 'package.json "exports" "./utils/*"'),
      entry('src/utils/format.ts', 'package.json "exports" "./utils/*"'),
    ]);
    expect(result.warnings).toEqual(['package.json "exports" "./legacy" points to legacy.js, which has no source file.']);
  });

  it('reads a string exports and says nothing of a build folder target whose source cannot be found, using the defaults instead', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', exports: './dist/bundle.js' }),
      'src/main.ts': code,
      'src/helper.ts': code,
    });
    expect(result.entries).toEqual([entry('src/main.ts', 'default entry (no file package.json declares has a source file)')]);
    expect(result.warnings).toEqual([]);
  });

  it('reports an invalid package.json and still finds the other workspaces', () => {
    const result = entryPointsOf({
      'package.json': json({ workspaces: ['packages/*'] }),
      'packages/broken/package.json': '{ "name": "broken", ',
      'packages/broken/src/index.ts': code,
      'packages/ok/package.json': json({ name: 'ok', main: 'index.js' }),
      'packages/ok/index.js': code,
    });
    expect(result.entries).toEqual([
      entry('packages/broken/src/index.ts', 'default entry (no readable packages/broken/package.json)'),
      entry('packages/ok/index.js', 'packages/ok/package.json "main"'),
    ]);
    expect(result.warnings).toEqual(['packages/broken/package.json is not a valid JSON object (ignored).']);
  });
});

describe('findEntryPoints — scripts and CI', () => {
  it('finds the files scripts run through env prefixes, chains and runners, and the binaries they need', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'app',
        main: 'src/index.ts',
        scripts: {
          build: 'NODE_ENV=production tsx scripts/build.ts && tsc -p tsconfig.build.json',
          start: 'cross-env PORT=3000 node -r ./scripts/env.cjs dist/server.js',
          seed: 'dotenv -e .env.local -- ts-node --transpile-only scripts/seed.ts | tee seed.log',
          lint: 'npx --yes eslint@9 . ; echo done 2>&1',
          dev: 'concurrently -n api,web "tsx watch src/server.ts" "vite"',
          check: 'node --import tsx scripts/check.mts > /dev/null || exit 1',
          release: './scripts/release.mjs',
          'types:ts56': 'node ../../node_modules/typescript56/lib/tsc.js --build',
        },
      }),
      'tsconfig.json': json({ compilerOptions: { outDir: 'dist', rootDir: 'src' } }),
      'src/index.ts': code,
      'src/server.ts': code,
      'scripts/build.ts': code,
      'scripts/env.cjs': code,
      'scripts/seed.ts': code,
      'scripts/check.mts': code,
      'scripts/release.mjs': code,
      'scripts/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('scripts/build.ts', 'script "build": NODE_ENV=production tsx scripts/build.ts', false),
      entry('scripts/check.mts', 'script "check": node --import tsx scripts/check.mts > /dev/null', false),
      entry('scripts/env.cjs', 'script "start": cross-env PORT=3000 node -r ./scripts/env.cjs dist/server.js'),
      entry('scripts/release.mjs', 'script "release": ./scripts/release.mjs', false),
      entry('scripts/seed.ts', 'script "seed": dotenv -e .env.local -- ts-node --transpile-only scripts/seed.ts', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('src/server.ts', 'script "start": cross-env PORT=3000 node -r ./scripts/env.cjs dist/server.js'),
    ]);
    expect(result.scriptBinaries).toEqual([
      { workspaceDir: '', binary: 'tsx', script: 'build' },
      { workspaceDir: '', binary: 'tsc', script: 'build' },
      { workspaceDir: '', binary: 'cross-env', script: 'start' },
      { workspaceDir: '', binary: 'dotenv', script: 'seed' },
      { workspaceDir: '', binary: 'ts-node', script: 'seed' },
      { workspaceDir: '', binary: 'eslint', script: 'lint' },
      { workspaceDir: '', binary: 'concurrently', script: 'dev' },
      { workspaceDir: '', binary: 'tsx', script: 'dev' },
      { workspaceDir: '', binary: 'vite', script: 'dev' },
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'tsx', reason: 'script "check": node --import tsx scripts/check.mts > /dev/null' },
      { workspaceDir: '', name: 'typescript56', reason: 'script "types:ts56": node ../../node_modules/typescript56/lib/tsc.js --build' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the packages PostCSS, Changesets and Docusaurus load by name from their configs', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', scripts: { start: 'docusaurus start' } }),
      'postcss.config.js': 'module.exports = { plugins: { tailwindcss: {}, autoprefixer: {} } };\n',
      '.changeset/config.json': json({ changelog: ['@changesets/changelog-github', { repo: 'a/b' }], commit: false }),
      'docusaurus.config.js': [
        'module.exports = {',
        "  presets: [['classic', {}]],",
        "  themes: ['@docusaurus/theme-live-codeblock'],",
        "  plugins: ['docusaurus-plugin-sass', 'ideal-image', './plugins/local.js'],",
        '  future: { experimental_faster: true },',
        '};',
      ].join('\n'),
      'plugins/local.js': code,
    });
    expect(result.referencedPackages.map(({ name }) => name).sort()).toEqual([
      '@changesets/changelog-github',
      '@docusaurus/faster',
      '@docusaurus/plugin-ideal-image',
      '@docusaurus/preset-classic',
      '@docusaurus/theme-live-codeblock',
      'autoprefixer',
      'classic',
      'docusaurus-plugin-ideal-image',
      'docusaurus-plugin-sass',
      'docusaurus-preset-classic',
      'ideal-image',
      'tailwindcss',
    ]);
    expect(result.entries.map((entry) => entry.path)).toContain('plugins/local.js');
  });

  it('runs the commands start-server-and-test is given, and not its script names or ports', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', scripts: { e2e: "start-test 'tsx src/server.ts' 3000 'tsx src/client.ts'", ci: 'start-server-and-test start http://localhost:3000 test' } }),
      'src/server.ts': code,
      'src/client.ts': code,
      'start.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/client.ts', 'script "e2e": tsx src/client.ts', false),
      entry('src/server.ts', 'script "e2e": tsx src/server.ts', false),
    ]);
  });

  it('reads GitHub Actions run lines in their working directory', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', workspaces: ['packages/*'] }),
      'packages/site/package.json': json({ name: 'site', main: 'index.js' }),
      'packages/site/index.js': code,
      'packages/site/scripts/deploy.js': code,
      'scripts/check.js': code,
      '.github/workflows/ci.yml': [
        'on: push',
        'jobs:',
        '  test:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - uses: actions/checkout@v4',
        '      - run: npm ci',
        '      - run: |',
        '          node scripts/check.js --strict',
        '          npx vitest run',
        '      - run: node scripts/deploy.js',
        '        working-directory: packages/site',
      ].join('\n'),
    });
    expect(result.entries).toEqual([
      entry('packages/site/index.js', 'packages/site/package.json "main"'),
      entry('packages/site/scripts/deploy.js', '.github/workflows/ci.yml run: node scripts/deploy.js', false),
      entry('scripts/check.js', '.github/workflows/ci.yml run: node scripts/check.js --strict', false),
    ]);
    expect(result.scriptBinaries).toEqual([{ workspaceDir: '', binary: 'vitest', script: '.github/workflows/ci.yml' }]);
  });

  it('reads the config a script names with --config as that tool’s config, and reports one that is missing', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.ts', scripts: { 'test:e2e': 'vitest --config vitest.e2e.config.ts', 'test:it': 'jest -c jest.it.config.js' } }),
      'vitest.e2e.config.ts': "export default { test: { include: ['e2e/**/*.e2e.ts'] } };\n",
      'src/index.ts': code,
      'e2e/login.e2e.ts': code,
    });
    expect(result.entries).toEqual([
      entry('e2e/login.e2e.ts', 'test file (vitest)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('vitest.e2e.config.ts', 'config file (vitest)', false),
    ]);
    expect(result.warnings).toEqual(['script "test:it" names jest.it.config.js, which is not in the repository.']);
  });
});

describe('findEntryPoints — build tools', () => {
  it('reads vite build.lib.entry and the scripts index.html loads from the vite root', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ui', private: true }),
      'vite.config.ts': [
        "import { resolve } from 'node:path';",
        "import { defineConfig } from 'vite';",
        'export default defineConfig({',
        "  root: 'app',",
        "  build: { lib: { entry: { ui: resolve(__dirname, 'lib/ui.ts'), icons: 'icons.ts' } } },",
        '});',
      ].join('\n'),
      'app/index.html': '<!doctype html><script type="module" src="/src/main.tsx"></script><!-- <script src="/src/old.ts"></script> -->',
      'app/icons.ts': code,
      'app/src/main.tsx': code,
      'app/src/old.ts': code,
      'lib/ui.ts': code,
    });
    expect(result.entries).toEqual([
      entry('app/icons.ts', 'vite.config.ts build.lib.entry'),
      entry('app/src/main.tsx', '<script src> in app/index.html'),
      entry('lib/ui.ts', 'vite.config.ts build.lib.entry'),
      entry('vite.config.ts', 'config file (vite)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads webpack entries (object with import descriptors), rollup inputs and tsup entries of package.json', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'bundles', tsup: { entry: ['src/tsup/*.ts'] }, devDependencies: { webpack: '5' } }),
      'webpack.config.js': "module.exports = { entry: { app: { import: './src/app.js', dependOn: 'shared' }, shared: ['./src/shared.js'] } };\n",
      'rollup.config.mjs': "export default [{ input: 'src/rollup.js' }, { input: { worker: 'src/worker.js' } }];\n",
      'src/app.js': code,
      'src/shared.js': code,
      'src/rollup.js': code,
      'src/worker.js': code,
      'src/tsup/a.ts': code,
      'src/tsup/b.ts': code,
    });
    expect(result.entries).toEqual([
      entry('rollup.config.mjs', 'config file (rollup)', false),
      entry('src/app.js', 'webpack.config.js entry'),
      entry('src/rollup.js', 'rollup.config.mjs input'),
      entry('src/shared.js', 'webpack.config.js entry'),
      entry('src/tsup/a.ts', 'package.json "tsup" entry'),
      entry('src/tsup/b.ts', 'package.json "tsup" entry'),
      entry('src/worker.js', 'rollup.config.mjs input'),
      entry('webpack.config.js', 'config file (webpack)', false),
    ]);
  });

  it('runs Prisma seeds, deno.json tasks (a Deno project is a package) and folders like scripts, and deploys serverless.yml handlers with their plugins', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', prisma: { seed: 'tsx prisma/seed.ts' }, scripts: { gateway: 'tsx gateway' }, devDependencies: { 'serverless-esbuild': '1' } }),
      'deno/deno.json': json({ tasks: { client: 'deno run -A src/client.ts' } }),
      'deno/src/client.ts': code,
      'gateway/index.ts': code,
      'serverless.yml': 'service: api\nplugins:\n  - serverless-esbuild\nfunctions:\n  api:\n    handler: src/server.handler\n',
      'prisma/seed.ts': code,
      'src/server.ts': code,
    });
    expect(result.entries).toEqual(
      expect.arrayContaining([
        entry('prisma/seed.ts', 'package.json "prisma.seed": tsx prisma/seed.ts', false),
        entry('deno/src/client.ts', 'deno/deno.json task "client": deno run -A src/client.ts', false),
        entry('gateway/index.ts', 'script "gateway": tsx gateway', false),
        entry('src/server.ts', 'serverless.yml handler'),
      ]),
    );
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'serverless-esbuild', reason: 'serverless.yml plugins' }]);
  });

  it('makes Nuxt auto-imported folders and server routes entries', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', dependencies: { nuxt: '3' } }),
      'plugins/trpc.ts': code,
      'server/api/hello.ts': code,
      'lib/unused.ts': code,
    });
    expect(result.entries.map(({ path }) => path)).toEqual(['plugins/trpc.ts', 'server/api/hello.ts']);
  });

  it('reads tsdown entries (an object of names) and serves public/ scripts as they are', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'cli', scripts: { build: 'tsdown' } }),
      'tsdown.config.ts': "import { defineConfig } from 'tsdown';\nexport default defineConfig({ entry: { index: './src/index.ts', bin: './src/bin/index.ts' } });\n",
      'src/index.ts': code,
      'src/bin/index.ts': code,
      'public/sw.js': code,
    });
    expect(result.entries).toEqual([
      entry('public/sw.js', 'served as is from public/'),
      entry('src/bin/index.ts', 'tsdown.config.ts entry'),
      entry('src/index.ts', 'default entry (package.json declares no "main", "module", "exports" or "bin")'),
      entry('tsdown.config.ts', 'config file (tsdown)', false),
    ]);
  });

  it('uses electron-vite’s conventional main, preload and renderer entries when the config names none', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'desktop', main: './out/main/index.js' }),
      'electron.vite.config.ts': "import { defineConfig } from 'electron-vite';\nexport default defineConfig({ main: {}, preload: {}, renderer: {} });\n",
      'src/main/index.ts': code,
      'src/preload/index.ts': code,
      'src/renderer/index.html': '<script type="module" src="./src/app.tsx"></script>',
      'src/renderer/src/app.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('electron.vite.config.ts', 'config file (electron-vite)', false),
      entry('src/main/index.ts', 'package.json "main" (out/main/index.js → src/main/index.ts)'),
      entry('src/preload/index.ts', 'electron-vite default preload entry'),
      entry('src/renderer/src/app.tsx', '<script src> in src/renderer/index.html'),
    ]);
  });
});

describe('findEntryPoints — test runners', () => {
  it('applies vitest’s default include when vitest is a dependency without a config, and reads setup files and environment from a config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', workspaces: ['packages/*'] }),
      'packages/a/package.json': json({ name: 'a', main: 'index.ts', devDependencies: { vitest: '4' } }),
      'packages/a/index.ts': code,
      'packages/a/src/sum.test.ts': code,
      'packages/a/src/sum.spec.mjs': code,
      'packages/a/src/sum.ts': code,
      'packages/b/package.json': json({ name: 'b', main: 'index.ts' }),
      'packages/b/index.ts': code,
      'packages/b/vitest.config.mts': [
        "import { defineConfig } from 'vitest/config';",
        "export default defineConfig({ test: { include: ['tests/**/*.ts'], setupFiles: ['./tests/setup.ts', '@testing-library/jest-dom/vitest'], environment: 'jsdom' } });",
      ].join('\n'),
      'packages/b/tests/setup.ts': code,
      'packages/b/tests/ui.ts': code,
      'packages/b/src/ignored.test.ts': code,
    });
    expect(result.entries).toEqual([
      entry('packages/a/index.ts', 'packages/a/package.json "main"'),
      entry('packages/a/src/sum.spec.mjs', 'test file (vitest)', false),
      entry('packages/a/src/sum.test.ts', 'test file (vitest)', false),
      entry('packages/b/index.ts', 'packages/b/package.json "main"'),
      entry('packages/b/tests/setup.ts', 'test file (vitest)', false),
      entry('packages/b/tests/ui.ts', 'test file (vitest)', false),
      entry('packages/b/vitest.config.mts', 'config file (vitest)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: 'packages/b', name: '@testing-library/jest-dom', reason: 'packages/b/vitest.config.mts test.setupFiles' },
      { workspaceDir: 'packages/b', name: 'jsdom', reason: 'packages/b/vitest.config.mts test.environment' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads jest testMatch, setup files, presets, environments, transforms, and __mocks__ and fixture folders', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.ts', devDependencies: { jest: '29' } }),
      'jest.config.js': [
        'module.exports = {',
        "  preset: 'ts-jest/presets/default-esm',",
        "  testEnvironment: 'jsdom',",
        "  testMatch: ['<rootDir>/src/**/*.unit.ts'],",
        "  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],",
        "  transform: { '^.+\\\\.svg$': ['jest-svg-transformer', {}] },",
        "  moduleNameMapper: { '\\\\.css$': 'identity-obj-proxy', '^@/(.*)$': '<rootDir>/src/$1', '\\\\.png$': '<rootDir>/test/file-stub.js' },",
        "  reporters: ['default', ['jest-junit', { outputDirectory: 'reports' }]],",
        '};',
      ].join('\n'),
      'src/index.ts': code,
      'src/math.unit.ts': code,
      'src/math.test.ts': code,
      'src/__mocks__/fs.ts': code,
      'test/__fixtures__/hooks/basic.tsx': code,
      'test/setup.ts': code,
      'test/file-stub.js': code,
    });
    expect(result.entries).toEqual([
      entry('jest.config.js', 'config file (jest)', false),
      entry('src/__mocks__/fs.ts', '__mocks__ folder (jest)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('src/math.unit.ts', 'test file (jest)', false),
      entry('test/__fixtures__/hooks/basic.tsx', '__fixtures__ folder (jest)', false),
      entry('test/file-stub.js', 'jest.config.js moduleNameMapper', false),
      entry('test/setup.ts', 'jest.config.js setupFilesAfterEnv', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'identity-obj-proxy', reason: 'jest.config.js moduleNameMapper' },
      { workspaceDir: '', name: 'jest-environment-jsdom', reason: 'jest.config.js testEnvironment' },
      { workspaceDir: '', name: 'jest-junit', reason: 'jest.config.js reporters' },
      { workspaceDir: '', name: 'jest-svg-transformer', reason: 'jest.config.js transform' },
      { workspaceDir: '', name: 'ts-jest', reason: 'jest.config.js preset' },
    ]);
  });

  it('uses jest’s default testMatch for the package.json "jest" field', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js', jest: { setupFiles: ['./jest.setup.js'] } }),
      'index.js': code,
      'jest.setup.js': code,
      'lib/__tests__/parse.js': code,
      'lib/format.spec.jsx': code,
      'lib/format.jsx': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('jest.setup.js', 'package.json "jest" setupFiles', false),
      entry('lib/__tests__/parse.js', 'test file (jest)', false),
      entry('lib/format.spec.jsx', 'test file (jest)', false),
    ]);
  });

  it('matches playwright tests below testDir and reads globalSetup', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.ts' }),
      'index.ts': code,
      'playwright.config.ts': [
        "import { defineConfig } from '@playwright/test';",
        "export default defineConfig({ testDir: './e2e', globalSetup: require.resolve('./e2e/global-setup.ts') });",
      ].join('\n'),
      'e2e/global-setup.ts': code,
      'e2e/login.spec.ts': code,
      'e2e/helpers.ts': code,
      'src/other.spec.ts': code,
    });
    expect(result.entries).toEqual([
      entry('e2e/global-setup.ts', 'playwright.config.ts globalSetup', false),
      entry('e2e/login.spec.ts', 'test file (playwright)', false),
      entry('index.ts', 'package.json "main"'),
      entry('playwright.config.ts', 'config file (playwright)', false),
    ]);
  });

  it('reads storybook stories globs relative to .storybook and its addons', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ui', main: 'src/index.ts' }),
      'src/index.ts': code,
      '.storybook/main.ts': [
        "import type { StorybookConfig } from '@storybook/react-vite';",
        'const config: StorybookConfig = {',
        "  stories: ['../src/**/*.stories.@(ts|tsx)'],",
        "  addons: ['@storybook/addon-essentials', { name: '@storybook/addon-a11y', options: {} }],",
        "  framework: { name: '@storybook/react-vite', options: {} },",
        '};',
        'export default config;',
      ].join('\n'),
      '.storybook/preview.tsx': code,
      'src/button.stories.tsx': code,
      'src/button.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('.storybook/main.ts', 'config file (storybook)', false),
      entry('.storybook/preview.tsx', 'config file (storybook)', false),
      entry('src/button.stories.tsx', 'story (storybook)', false),
      entry('src/index.ts', 'package.json "main"'),
    ]);
    expect(result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`)).toEqual([
      '@storybook/addon-a11y ← .storybook/main.ts addons',
      '@storybook/addon-essentials ← .storybook/main.ts addons',
      '@storybook/react-vite ← .storybook/main.ts framework',
    ]);
  });
});

describe('findEntryPoints — test runners run by command line', () => {
  const paths = (result: ReturnType<typeof entryPointsOf>) => result.entries.map(({ path, reason }) => `${path} ← ${reason}`);

  it('mocha: the folders and files of its command line (through nyc), its --require, and ./test by default', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'web', main: 'index.js', scripts: { test: 'nyc --exclude examples --reporter=lcov mocha --require test/support/env --reporter spec --check-leaks test/ test/acceptance/' } }),
      'index.js': code,
      'test/app.js': code,
      'test/support/env.js': code,
      'test/support/helper.js': code,
      'test/acceptance/auth.js': code,
      'test/acceptance/deep/nested.js': code,
      'examples/auth/index.js': code,
    });
    expect(paths(result)).toEqual([
      'index.js ← package.json "main"',
      'test/acceptance/auth.js ← test file (mocha, script "test")',
      'test/app.js ← test file (mocha, script "test")',
      'test/support/env.js ← script "test"',
    ]);
    expect(result.scriptBinaries.map(({ binary }) => binary).sort()).toEqual(['mocha', 'nyc']);
  });

  it('AVA: its default files with the configured extensions, minus helpers, fixtures and `_` files, and its loaders', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ky', main: 'source/index.ts', scripts: { test: 'ava' }, ava: { extensions: { ts: 'module' }, nodeArguments: ['--import=tsx/esm'] } }),
      'source/index.ts': code,
      'test/retry.ts': code,
      'test/helpers/server.ts': code,
      'test/_util.ts': code,
      'test/fixtures/page.ts': code,
      'source/utils/merge.test.ts': code,
      'test/legacy.js': code,
    });
    expect(paths(result)).toEqual([
      'source/index.ts ← package.json "main"',
      'source/utils/merge.test.ts ← test file (AVA, package.json "ava")',
      'test/retry.ts ← test file (AVA, package.json "ava")',
    ]);
    expect(result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`)).toEqual(['tsx ← package.json "ava" nodeArguments']);
  });

  it('borp, node --test, bun test and TSTyche: their file arguments, config files and default patterns', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'f', main: 'index.js', scripts: { unit: 'borp', node: 'node --test --test-reporter spec "spec/**/*.spec.mjs"', bun: 'bun test runtime/bun/*', types: 'tstyche' } }),
      '.borp.yaml': "files:\n  - 'test/**/*.test.js'\n",
      'index.js': code,
      'test/a.test.js': code,
      'test/types/index.test-d.ts': code,
      'types/index.tst.ts': code,
      'spec/x.spec.mjs': code,
      'runtime/bun/index.test.ts': code,
      'lib/other.test.ts': code,
    });
    expect(paths(result)).toEqual([
      'index.js ← package.json "main"',
      'runtime/bun/index.test.ts ← test file (bun test)',
      'spec/x.spec.mjs ← test file (node test)',
      'test/a.test.js ← test file (borp, .borp.yaml)',
      'types/index.tst.ts ← type test (TSTyche)',
    ]);
  });

  it('a vitest config shared through --config runs from the script\'s folder, without its excluded files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'plugins', private: true, workspaces: ['packages/*'] }),
      '.config/vitest.config.mts': "export default { test: { include: ['test/*.{js,ts}'], exclude: ['**/test/types.ts'] } };\n",
      'packages/alias/package.json': json({ name: 'alias', main: 'src/index.js', scripts: { test: 'vitest --config ../../.config/vitest.config.mts run' } }),
      'packages/alias/src/index.js': code,
      'packages/alias/test/test.js': code,
      'packages/alias/test/types.ts': code,
    });
    expect(paths(result)).toEqual([
      '.config/vitest.config.mts ← config file (vitest)',
      'packages/alias/src/index.js ← packages/alias/package.json "main"',
      'packages/alias/test/test.js ← test file (vitest)',
    ]);
  });

  it('Cypress: spec patterns and support files of each testing type set up, and VitePress sites\' config and theme', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, devDependencies: { cypress: '^13.0.0', vitepress: '^1.0.0' } }),
      'cypress.config.ts': "export default { e2e: { specPattern: 'cypress/tests/**/*.spec.ts' }, component: { supportFile: 'cypress/support/component.tsx' } };\n",
      'cypress/tests/login.spec.ts': code,
      'cypress/support/e2e.ts': code,
      'cypress/support/component.tsx': code,
      'src/Button.cy.tsx': code,
      'docs/.vitepress/config.ts': code,
      'docs/.vitepress/theme/index.ts': code,
      'docs/.vitepress/theme/unused.ts': code,
    });
    expect(paths(result)).toEqual([
      'cypress.config.ts ← config file (cypress)',
      'cypress/support/component.tsx ← support file (cypress component)',
      'cypress/support/e2e.ts ← support file (cypress e2e)',
      'cypress/tests/login.spec.ts ← test file (cypress e2e)',
      'docs/.vitepress/config.ts ← VitePress config or theme (.vitepress/)',
      'docs/.vitepress/theme/index.ts ← VitePress config or theme (.vitepress/)',
      'src/Button.cy.tsx ← test file (cypress component)',
    ]);
  });
});

describe('findEntryPoints — what configs, hooks and manifests name', () => {
  const lines = (result: ReturnType<typeof entryPointsOf>) => result.entries.map(({ path, reason }) => `${path} ← ${reason}`);
  const packages = (result: ReturnType<typeof entryPointsOf>) => result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`);

  it('git hooks, lint-staged, composite actions and `cd` in a run line: their binaries and files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js', 'lint-staged': { '*.ts': ['eslint --fix', 'prettier --write'] }, 'simple-git-hooks': { 'pre-push': 'pnpm exec tsc --noEmit' } }),
      'index.js': code,
      '.husky/commit-msg': '#!/bin/sh\n# check the message\nnpx --no -- commitlint --edit "$1"\n',
      '.husky/_/husky.sh': 'echo never read\n',
      '.github/actions/perf/action.yml': ['runs:', '  using: composite', '  steps:', '    - run: bun scripts/generate-app.ts', '      working-directory: perf', '      shell: bash'].join('\n'),
      '.github/workflows/ci.yml': ['jobs:', '  bench:', '    steps:', '      - run: cd benchmarks/http && node run.mjs'].join('\n'),
      'perf/scripts/generate-app.ts': code,
      'benchmarks/http/run.mjs': code,
    });
    expect(lines(result)).toEqual([
      'benchmarks/http/run.mjs ← .github/workflows/ci.yml run: node run.mjs',
      'index.js ← package.json "main"',
      'perf/scripts/generate-app.ts ← .github/actions/perf/action.yml run: bun scripts/generate-app.ts',
    ]);
    expect(result.scriptBinaries.map(({ binary, script }) => `${binary} ← ${script}`).sort()).toEqual([
      'commitlint ← .husky/commit-msg',
      'eslint ← *.ts',
      'prettier ← *.ts',
      'tsc ← pre-push',
    ]);
    expect(packages(result)).toEqual(['husky ← .husky/ (git hooks husky installs)']);
  });

  it('JSR exports, tsconfig extends and types, browserslist and ESLint import resolvers', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'hono', main: 'src/index.ts', browserslist: ['extends browserslist-config-erb', 'not dead'], eslintConfig: { settings: { 'import/resolver': { typescript: {}, node: {} } } } }),
      'jsr.json': json({ name: '@hono/hono', exports: { '.': './src/index.ts', './language': './src/middleware/language/language.ts' } }),
      'tsconfig.json': json({ extends: '@sindresorhus/tsconfig', compilerOptions: { types: ['node', 'vite/client'] } }),
      'src/index.ts': code,
      'src/middleware/language/language.ts': code,
    });
    expect(lines(result)).toEqual([
      'src/index.ts ← jsr.json "exports" "." (published to JSR)',
      'src/middleware/language/language.ts ← jsr.json "exports" "./language" (published to JSR)',
    ]);
    expect(packages(result)).toEqual([
      '@sindresorhus/tsconfig ← tsconfig.json extends "@sindresorhus/tsconfig"',
      '@types/node ← tsconfig.json compilerOptions.types "node"',
      'browserslist-config-erb ← package.json "browserslist" "extends browserslist-config-erb"',
      'eslint-import-resolver-node ← package.json "eslintConfig" settings "import/resolver"',
      'eslint-import-resolver-typescript ← package.json "eslintConfig" settings "import/resolver"',
      'node ← tsconfig.json compilerOptions.types "node"',
      'vite ← tsconfig.json compilerOptions.types "vite/client"',
    ]);
  });

  it('webpack loaders, Nuxt modules, electron-builder hooks, Playwright reporters, Nitro routes and files a script names', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'app',
        private: true,
        scripts: { 'test:ts': 'tsc types/index.d.ts test/types.ts --noEmit', mock: 'ncp scripts/mock.js src/aws.js' },
        build: { afterSign: '.erb/scripts/notarize.js' },
        devDependencies: { webpack: '^5.0.0', nuxt: '^3.0.0', 'electron-builder': '^24.0.0', '@playwright/test': '^1.0.0', nitropack: '^2.0.0' },
      }),
      'webpack.config.js': "module.exports = { entry: ['webpack/hot/only-dev-server', './src/app.ts'], module: { rules: [{ test: /\\.s?css$/, use: ['style-loader', { loader: 'css-loader' }, 'sass-loader?sourceMap'] }, { oneOf: [{ loader: 'ts-loader' }] }] } };\n",
      'nuxt.config.ts': "export default defineNuxtConfig({ modules: ['@vueuse/nuxt', ['@nuxtjs/i18n', {}], './modules/local'], css: ['~/assets/main.css', '@unocss/reset/tailwind.css'] });\n",
      'playwright.config.ts': "export default { testDir: 'e2e', reporter: [['list'], ['./reporters/a11y.ts']] };\n",
      'src/app.ts': code,
      'modules/local.ts': code,
      '.erb/scripts/notarize.js': code,
      'reporters/a11y.ts': code,
      'routes/index.ts': code,
      'test/types.ts': code,
      'scripts/mock.js': code,
      'types/index.d.ts': code,
    });
    expect(lines(result).filter((line) => !line.startsWith('webpack.config') && !line.endsWith('config file (nuxt)') && !line.endsWith('config file (playwright)'))).toEqual([
      '.erb/scripts/notarize.js ← package.json "build" afterSign',
      'modules/local.ts ← nuxt.config.ts modules',
      'reporters/a11y.ts ← playwright.config.ts reporter',
      'routes/index.ts ← Nitro route or handler (file-based)',
      'scripts/mock.js ← script "mock": ncp scripts/mock.js src/aws.js',
      'src/app.ts ← webpack.config.js entry',
      'test/types.ts ← script "test:ts": tsc types/index.d.ts test/types.ts --noEmit',
      'types/index.d.ts ← script "test:ts": tsc types/index.d.ts test/types.ts --noEmit',
    ]);
    expect(result.warnings).toEqual([]);
    expect(packages(result).filter((line) => /loader|nuxt|unocss|webpack ←/.test(line))).toEqual([
      '@nuxtjs/i18n ← nuxt.config.ts modules',
      '@unocss/reset ← nuxt.config.ts css',
      '@vueuse/nuxt ← nuxt.config.ts modules',
      'css-loader ← webpack.config.js module.rules loader',
      'sass-loader ← webpack.config.js module.rules loader',
      'style-loader ← webpack.config.js module.rules loader',
      'ts-loader ← webpack.config.js module.rules loader',
      'webpack ← webpack.config.js entry',
    ]);
  });
});

describe('findEntryPoints — plugins loaded by name, type-test projects and export conditions', () => {
  const lines = (result: ReturnType<typeof entryPointsOf>) => result.entries.map(({ path, reason }) => `${path} ← ${reason}`);
  const packages = (result: ReturnType<typeof entryPointsOf>) => result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`);

  it('Karma (config.set), Gatsby, commitlint, release-it, commitizen and flat ESLint configs name packages', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'axios',
        main: 'index.js',
        scripts: { coveralls: 'cat coverage/lcov.info | ./node_modules/.bin/coveralls', patch: 'node -e "require(\'shelljs\').sed(\'-i\', \'a\', \'b\', \'x\')"' },
        commitlint: { extends: ['@commitlint/config-conventional'] },
        'release-it': { plugins: { '@release-it/conventional-changelog': {} } },
        config: { commitizen: { path: './node_modules/cz-conventional-changelog' } },
      }),
      'index.js': code,
      'karma.conf.cjs': "module.exports = function (config) {\n  config.set({ frameworks: ['jasmine-ajax', 'jasmine'], files: [{ pattern: 'test/specs/**/*.spec.js' }], preprocessors: { 'test/**/*.js': ['rollup'] }, browsers: ['ChromeHeadless'] });\n};\n",
      'gatsby-config.js': "module.exports = { plugins: ['gatsby-plugin-pnpm', { resolve: 'gatsby-source-filesystem', options: { path: 'docs' } }] };\n",
      'eslint.config.mjs': "export default [{ settings: { 'import/resolver': { typescript: true } } }];\n",
      'test/specs/core.spec.js': code,
    });
    expect(lines(result)).toContain('test/specs/core.spec.js ← test file (karma, karma.conf.cjs)');
    expect(packages(result)).toEqual(expect.arrayContaining([
      '@commitlint/config-conventional ← package.json "commitlint" extends "@commitlint/config-conventional"',
      '@release-it/conventional-changelog ← package.json "release-it" plugins',
      'cz-conventional-changelog ← package.json "config" commitizen.path',
      'eslint-import-resolver-typescript ← eslint.config.mjs settings "import/resolver"',
      'gatsby-plugin-pnpm ← gatsby-config.js plugins',
      'gatsby-source-filesystem ← gatsby-config.js plugins',
      'karma-chrome-launcher ← karma.conf.cjs browsers "karma-chrome-launcher"',
      'karma-jasmine ← karma.conf.cjs frameworks "karma-jasmine"',
      'karma-jasmine-ajax ← karma.conf.cjs frameworks "karma-jasmine-ajax"',
      'karma-rollup-preprocessor ← karma.conf.cjs preprocessors "karma-rollup-preprocessor"',
      expect.stringMatching(/^shelljs ← script "patch"/),
    ]));
    expect(result.scriptBinaries.map(({ binary }) => binary)).toContain('coveralls');
  });

  it('Angular targets, and the plugins Prettier, Stylelint and semantic-release load by name', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'conduit', private: true, devDependencies: { '@angular/cli': '^19.0.0' }, scripts: { lint: 'prettier -c src', deno: 'deno test -c deno.test.json spec' } }),
      'angular.json': json({
        projects: {
          conduit: {
            architect: {
              build: {
                options: { browser: 'src/bootstrap.ts', polyfills: ['zone.js'], styles: ['src/styles.css'], scripts: [{ input: 'src/legacy.js' }], ssr: { entry: 'src/server.ts' } },
                configurations: { production: { fileReplacements: [{ replace: 'src/environments/environment.ts', with: 'src/environments/environment.prod.ts' }] } },
              },
              test: { options: { main: 'src/test.ts' } },
            },
          },
        },
      }),
      'src/bootstrap.ts': code,
      'src/server.ts': code,
      'src/environments/environment.prod.ts': code,
      'src/legacy.js': code,
      'src/test.ts': code,
      '.prettierrc': 'plugins:\n  - prettier-plugin-organize-imports\n',
      '.stylelintrc.json': json({ extends: ['stylelint-config-standard'], plugins: ['./lint/rule.js'] }),
      'lint/rule.js': code,
      '.releaserc': json({ plugins: ['@semantic-release/commit-analyzer', ['@semantic-release/npm', { npmPublish: false }]] }),
    });
    expect(lines(result).filter((line) => !line.includes('config file'))).toEqual([
      'lint/rule.js ← .stylelintrc.json "./lint/rule.js"',
      'src/bootstrap.ts ← angular.json conduit build.browser',
      'src/environments/environment.prod.ts ← angular.json conduit build.fileReplacements',
      'src/legacy.js ← angular.json conduit build.scripts',
      'src/server.ts ← angular.json conduit build.ssr',
      'src/test.ts ← angular.json conduit test.main',
    ]);
    expect(packages(result)).toEqual([
      '@semantic-release/commit-analyzer ← .releaserc "@semantic-release/commit-analyzer"',
      '@semantic-release/npm ← .releaserc "@semantic-release/npm"',
      'prettier-plugin-organize-imports ← .prettierrc "prettier-plugin-organize-imports"',
      'stylelint-config-standard ← .stylelintrc.json "stylelint-config-standard"',
      'zone.js ← angular.json conduit build.polyfills',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('packages stylesheets load by name: @import, @use and Tailwind 4 @plugin; relative paths and URLs are files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'shop', private: true }),
      'app/globals.css': '@import "tailwindcss";\n@plugin "@tailwindcss/typography";\n@import "./theme.css";\n@import url("https://fonts.example/x.css");\n',
      'src/styles.scss': "@use '~bootstrap/scss/bootstrap';\n",
      'dist/bundle.css': '@import "left-pad";\n',
    });
    expect(packages(result)).toEqual([
      '@tailwindcss/typography ← app/globals.css @-rule "@tailwindcss/typography"',
      'bootstrap ← src/styles.scss @-rule "~bootstrap/scss/bootstrap"',
      'tailwindcss ← app/globals.css @-rule "tailwindcss"',
    ]);
  });

  it("a package's `source` field, and exports whose types are a declaration beside JavaScript", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'preact', source: 'src/index.js', main: 'dist/preact.js', files: ['src', 'compat/test-utils.js', '*.d.ts'], exports: { './hooks': { types: './hooks/src/index.d.ts', default: './hooks/dist/hooks.mjs' } }, scripts: { 'test:types': 'tsc -p src/__typetest__/tsconfig.json' } }),
      'src/index.js': code,
      'src/index.d.ts': code,
      'hooks/src/index.js': code,
      'hooks/src/index.d.ts': code,
      'src/__typetest__/tsconfig.json': json({ include: ['*.test-d.ts', '../**/*.js'] }),
      'src/__typetest__/path.test-d.ts': code,
      'compat/test-utils.js': code,
    });
    expect(lines(result)).toEqual([
      'compat/test-utils.js ← package.json "files"',
      'hooks/src/index.js ← package.json "exports" "./hooks" (hooks/src/index.d.ts → hooks/src/index.js)',
      'src/__typetest__/path.test-d.ts ← type test (tsc -p src/__typetest__/tsconfig.json)',
      'src/index.js ← package.json "source"',
    ]);
  });

  it('a type-test project run by tsc -p, and sources named after an export condition', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'swr', scripts: { 'test-typing': 'tsc -p test/type/tsconfig.json && tsc -p tsconfig.json' }, exports: { '.': { 'react-server': './dist/index/react-server.mjs', import: './dist/index/index.mjs' } } }),
      'tsconfig.json': json({ include: ['src'] }),
      'test/type/tsconfig.json': json({ include: ['./**/*.ts'], exclude: ['./skip.ts'] }),
      'test/type/config.ts': code,
      'test/type/skip.ts': code,
      'src/index/index.ts': code,
      'src/index/index.react-server.ts': code,
      'src/other.ts': code,
    });
    expect(lines(result)).toEqual([
      'src/index/index.react-server.ts ← package.json "exports" condition "react-server" (built from the file named after it)',
      'src/index/index.ts ← package.json "exports" "." (dist/index/index.mjs → src/index/index.ts)',
      'test/type/config.ts ← type test (tsc -p test/type/tsconfig.json)',
    ]);
  });
});

describe('findEntryPoints — frameworks and configs', () => {
  it("takes a knip config's entries, ignores and ignored dependencies as the repository's own word", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', workspaces: ['packages/*', 'examples/*'] }),
      'knip.json': json({
        entry: ['scripts/*.ts!'],
        ignore: ['**/fixtures/**'],
        ignoreDependencies: ['react'],
        ignoreWorkspaces: ['examples/**'],
        workspaces: { 'packages/codemods': { entry: ['src/v5/**/*.cjs'] } },
      }),
      'scripts/release.ts': code,
      'packages/codemods/package.json': json({ name: 'codemods' }),
      'packages/codemods/src/v5/rename.cjs': code,
    });
    expect(result.entries).toEqual([
      entry('packages/codemods/src/v5/rename.cjs', 'knip.json workspaces["packages/codemods"] entry', false),
      entry('scripts/release.ts', 'knip.json entry', false),
    ]);
    expect(result.ignore).toEqual(['**/fixtures/**', 'examples/**/**']);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'react', reason: 'knip.json ignoreDependencies' }]);
  });

  it('makes Docusaurus pages, swizzled theme components and sidebars entries', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'www', dependencies: { '@docusaurus/core': '3' } }),
      'sidebars.ts': code,
      'src/pages/index.tsx': code,
      'src/theme/Navbar/Logo/index.jsx': code,
      'src/components/Button.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('sidebars.ts', 'Docusaurus sidebars'),
      entry('src/pages/index.tsx', 'Docusaurus page (src/pages/)'),
      entry('src/theme/Navbar/Logo/index.jsx', 'Docusaurus theme component (src/theme/)'),
    ]);
  });

  it('makes Next.js pages, app route files and middleware entries', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', dependencies: { next: '15' } }),
      'next.config.mjs': 'export default {};\n',
      'src/app/layout.tsx': code,
      'src/app/page.tsx': code,
      'src/app/blog/[slug]/page.tsx': code,
      'src/app/api/route.ts': code,
      'src/app/blog/card.tsx': code,
      'src/middleware.ts': code,
      'pages/_app.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('next.config.mjs', 'config file (next)', false),
      entry('pages/_app.tsx', 'Next.js page (pages/)'),
      entry('src/app/api/route.ts', 'Next.js route file (app/)'),
      entry('src/app/blog/[slug]/page.tsx', 'Next.js route file (app/)'),
      entry('src/app/layout.tsx', 'Next.js route file (app/)'),
      entry('src/app/page.tsx', 'Next.js route file (app/)'),
      entry('src/middleware.ts', 'Next.js middleware'),
    ]);
  });

  it('turns eslintrc extends, plugins and parser and babel presets into package names', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.js', prettier: '@company/prettier-config' }),
      'index.js': code,
      '.eslintrc.json': json({
        extends: ['eslint:recommended', 'airbnb', 'plugin:react/recommended', 'plugin:@typescript-eslint/recommended', 'prettier', '@company', './eslint/base.js'],
        plugins: ['import', '@company/internal'],
        parser: '@typescript-eslint/parser',
        overrides: [{ files: ['*.test.js'], extends: ['plugin:jest/recommended'] }],
      }),
      'eslint/base.js': code,
      'babel.config.js': "module.exports = { presets: [['@babel/env', { targets: 'defaults' }], 'module:metro-react-native-babel-preset'], plugins: ['@scope/x'] };\n",
    });
    expect(result.entries).toEqual([
      entry('babel.config.js', 'config file (babel)', false),
      entry('eslint/base.js', '.eslintrc.json extends "./eslint/base.js"', false),
      entry('index.js', 'package.json "main"'),
    ]);
    expect(result.referencedPackages.map(({ name }) => name)).toEqual([
      '@babel/preset-env',
      '@company/eslint-config',
      '@company/eslint-plugin-internal',
      '@company/prettier-config',
      '@scope/babel-plugin-x',
      '@typescript-eslint/eslint-plugin',
      '@typescript-eslint/parser',
      'eslint-config-airbnb',
      'eslint-config-prettier',
      'eslint-plugin-import',
      'eslint-plugin-jest',
      'eslint-plugin-react',
      'metro-react-native-babel-preset',
    ]);
    expect(result.referencedPackages.find(({ name }) => name === 'eslint-plugin-react')?.reason).toBe('.eslintrc.json extends "plugin:react/recommended"');
  });

  it('makes config files at package roots entries, and marks flat ESLint configs as the tool’s', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'index.ts' }),
      'index.ts': code,
      'eslint.config.js': 'export default [];\n',
      'prettier.config.mjs': code,
      'tailwind.config.ts': code,
      '.lintstagedrc.cjs': code,
      'src/app.config.ts': code,
    });
    expect(result.entries).toEqual([
      entry('.lintstagedrc.cjs', 'config file', false),
      entry('eslint.config.js', 'config file (eslint)', false),
      entry('index.ts', 'package.json "main"'),
      entry('prettier.config.mjs', 'config file (prettier)', false),
      entry('tailwind.config.ts', 'config file', false),
    ]);
  });

  it('adds steward.config.json deadCode.entry globs and warns about one that matches nothing', () => {
    const files = {
      'package.json': json({ name: 'app', main: 'index.ts' }),
      'index.ts': code,
      'plugins/a.ts': code,
      'plugins/b.ts': code,
    };
    const result = entryPointsOf(files, { entry: ['plugins/*.ts', 'missing/**'] });
    expect(result.entries).toEqual([
      entry('index.ts', 'package.json "main"'),
      entry('plugins/a.ts', 'steward.config.json entry'),
      entry('plugins/b.ts', 'steward.config.json entry'),
    ]);
    expect(result.warnings).toEqual(['steward.config.json deadCode.entry "missing/**" matches no code file.']);
  });

  it('refuses a config whose evaluation would branch without end, and config strings that would be unsafe as regexes', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'x', private: true, main: 'index.js', scripts: { test: 'ava' }, devDependencies: { ava: '6' }, ava: { extensions: ['ts', '[', '(a+)+b'] } }),
      'index.js': code,
      'vite.config.ts': 'const a = f(a, a, a, a);\nexport default a;\n',
      'webpack.config.js': 'const a = new X(a, a, a, a);\nmodule.exports = a;\n',
      'test/a.ts': code,
    });
    expect(result.warnings).toEqual([
      'vite.config.ts could not be read statically (too large to evaluate); its entry points are missing.',
      'webpack.config.js could not be read statically (too large to evaluate); its entry points are missing.',
    ]);
    expect(result.entries.map(({ path }) => path)).toContain('test/a.ts');
    // What those configs name is unknown: the package's unused files are less certain.
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'vite.config.ts' }]);
  });

  it('reports a config it cannot parse and still finds everything else', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', main: 'src/index.ts', devDependencies: { vitest: '4' } }),
      'vitest.config.ts': "export default defineConfig({ test: { include: ['x' }",
      'rollup.config.js': 'export default makeConfig(process.env.TARGET);\n',
      '.github/workflows/ci.yml': 'jobs: [unclosed\n',
      'src/index.ts': code,
      'src/a.test.ts': code,
    });
    expect(result.entries).toEqual([
      entry('rollup.config.js', 'config file (rollup)', false),
      entry('src/a.test.ts', 'test file (vitest)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('vitest.config.ts', 'config file (vitest)', false),
    ]);
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toMatch(/^\.github\/workflows\/ci\.yml could not be read statically \(.+\); its entry points are missing\.$/);
    expect(result.warnings[1]).toBe("vitest.config.ts could not be read statically (syntax error on line 1: ',' expected); its entry points are missing.");
  });
});

describe('isEntryConfigFile', () => {
  it('accepts the files entry detection reads and nothing vendored or built', () => {
    const accepted = [
      'package.json',
      'packages/a/package.json',
      'steward.config.json',
      'vite.config.ts',
      'packages/a/vitest.workspace.json',
      'jest.config.mjs',
      'webpack.prod.js',
      'electron.vite.config.ts',
      '.eslintrc',
      '.eslintrc.yml',
      '.babelrc',
      'babel.config.cjs',
      '.storybook/main.ts',
      'index.html',
      'src/renderer/index.html',
      '.github/workflows/ci.yaml',
      'eslint.config.js',
      '.mocharc.yml',
      'ava.config.mjs',
      '.borp.yaml',
      'cypress.config.ts',
      'karma.conf.cjs',
      'gatsby-config.js',
      'nuxt.config.ts',
      '.husky/pre-commit',
      '.github/actions/perf/action.yml',
      'jsr.json',
      'app/globals.css',
    ];
    const rejected = ['node_modules/x/package.json', 'dist/index.html', 'src/index.ts', '.husky/_/husky.sh', 'tsconfig.json', '.github/dependabot.yml', 'packages/a/steward.config.json'];
    expect(accepted.filter((path) => !isEntryConfigFile(path))).toEqual([]);
    expect(rejected.filter(isEntryConfigFile)).toEqual([]);
  });
});
