import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DeadCodeReport } from '../../core/api/dead-code.js';
import { steward, stewardJson } from '../support/cli.js';
import { deadCodeFixtureFiles } from '../support/dead-code-fixture.js';
import { createRepository, temporaryDirectory } from '../support/git-fixture.js';

type DeadCodeJson = DeadCodeReport & { warnings: string[] };

/** One line per finding, in report order: what a reviewer scans first. */
const summary = (report: DeadCodeReport): string[] => report.findings.map((finding) => `${finding.kind} ${finding.path}:${finding.line} ${finding.name}`);

describe('steward deadcode on a workspace with every pattern', () => {
  let home: string;
  let repository: string;
  let report: DeadCodeJson;
  let production: DeadCodeJson;

  beforeAll(() => {
    home = temporaryDirectory();
    repository = createRepository(join(temporaryDirectory(), 'shop'), [
      { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files: deadCodeFixtureFiles },
      {
        author: 'Grace Hopper',
        email: 'grace@example.com',
        date: '2024-06-01T09:00:00Z',
        files: { 'packages/app/src/old/legacy.ts': "import { helper } from './legacy-helper.js';\n\nexport const legacy = helper + 1;\n" },
      },
    ]);
    report = stewardJson<DeadCodeJson>(home, ['deadcode', repository, '--json']);
    production = stewardJson<DeadCodeJson>(home, ['deadcode', repository, '--json', '--production']);
  });

  it('finds exactly the unused files, exports, types, enum members, dependencies, unlisted and unresolved imports', () => {
    expect(summary(report)).toEqual([
      'file packages/app/src/modules/skipped.ts:1 packages/app/src/modules/skipped.ts',
      'file packages/app/src/old/legacy-helper.ts:1 packages/app/src/old/legacy-helper.ts',
      'file packages/app/src/old/legacy.ts:1 packages/app/src/old/legacy.ts',
      'file packages/lib/src/features/internal.ts:1 packages/lib/src/features/internal.ts',
      'file site/src/components/Example.tsx:1 site/src/components/Example.tsx',
      'export packages/app/src/barrel/big.ts:1 default',
      'export packages/app/src/barrel/deep.ts:2 deepValue',
      'export packages/app/src/barrel/sum.ts:5 average',
      'export packages/app/src/chain/c500.ts:2 unusedBottom',
      'export packages/app/src/color.ts:7 favourite',
      'export packages/app/src/composables/theme.ts:5 unusedTheme',
      'export packages/app/src/ui/render.tsx:7 unusedRender',
      'type packages/app/src/types.ts:5 Unused',
      'enum-member packages/app/src/color.ts:4 Color.Blue',
      'dependency packages/app/package.json:6 left-pad',
      'dev-dependency package.json:14 prettier',
      'unlisted-dependency packages/app/src/index.ts:13 chalk',
      'unresolved-import packages/app/src/index.ts:12 ./missing.js',
    ]);
  });

  it('gives each unused file the evidence a reviewer weighs: importers, size, and who changed it last and when', () => {
    const legacy = report.findings.find((finding) => finding.path === 'packages/app/src/old/legacy.ts')!;
    expect(legacy).toMatchObject({ importers: [], lines: 2, lastTouched: { date: '2024-06-01T09:00:00+00:00', author: 'Grace Hopper' } });
    const helper = report.findings.find((finding) => finding.path === 'packages/app/src/old/legacy-helper.ts')!;
    expect(helper).toMatchObject({ importers: ['packages/app/src/old/legacy.ts'], lines: 1, lastTouched: { date: '2024-01-01T09:00:00+00:00', author: 'Ada Lovelace' } });
    expect(helper.reason).toContain('imported only by a file that is unused too');
    expect(report.findings.find((finding) => finding.name === 'average')!.reason).toContain('packages/app/src/barrel/sum.ts');
  });

  it('says where the search started and why, and keeps what a template import may load as possibly used', () => {
    expect(report.entries).toEqual(
      expect.arrayContaining([
        { path: 'packages/app/src/index.ts', reason: expect.stringContaining('"main"') },
        { path: 'packages/lib/src/features/a.ts', reason: expect.stringContaining('"exports"') },
        { path: 'scripts/generate.ts', reason: expect.stringContaining('generate') },
        { path: 'packages/app/src/math.test.ts', reason: expect.stringContaining('test') },
        { path: 'packages/app/src/globals.d.ts', reason: expect.stringContaining('declaration file') },
      ]),
    );
    expect(report.entries.map((entry) => entry.path)).not.toContain('packages/lib/src/features/internal.ts');
    expect(report.possiblyUsed).toEqual([
      { path: 'packages/app/src/locales/en.ts', reason: 'may be loaded by the import() of `./locales/…` in packages/app/src/index.ts:24' },
      { path: 'packages/app/src/locales/fr.ts', reason: 'may be loaded by the import() of `./locales/…` in packages/app/src/index.ts:24' },
      { path: 'packages/app/src/modules/i18n.ts', reason: "imported by the import.meta.glob of './modules/*.ts', '!./modules/skipped.ts' in packages/app/src/index.ts:26" },
      { path: 'packages/app/src/modules/router.ts', reason: "imported by the import.meta.glob of './modules/*.ts', '!./modules/skipped.ts' in packages/app/src/index.ts:26" },
      { path: 'packages/app/src/workers/resize.ts', reason: "named by the string './workers/resize.ts' in packages/app/src/index.ts:25, so code may load it by path" },
    ]);
    expect(report.workspaces.find((workspace) => workspace.dir === 'packages/app')?.findings).toMatchObject({ file: 3, export: 7, dependency: 1 });
  });

  it('warns about a package.json that is not JSON and an export pointing at a missing file, and goes on', () => {
    expect(report.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('packages/broken/package.json'), expect.stringMatching(/packages\/lib\/package\.json.*gone/)]),
    );
    expect(summary(report).some((line) => line.includes('packages/broken'))).toBe(false);
  });

  it('in production mode, searches from production entries only and leaves devDependencies alone', () => {
    const lines = summary(production);
    expect(lines).toEqual(
      expect.arrayContaining([
        'file packages/app/src/math.test.ts:1 packages/app/src/math.test.ts',
        'file scripts/generate.ts:1 scripts/generate.ts',
        'export packages/app/src/math.ts:5 cube',
        'dependency packages/app/package.json:6 left-pad',
      ]),
    );
    expect(lines.filter((line) => line.startsWith('dev-dependency'))).toEqual([]);
    expect(production.production).toBe(true);
    // The second search reads the generated declaration's facts back from the cache: its import still counts.
    expect(lines.filter((line) => line.includes('composables/theme.ts'))).toEqual(['export packages/app/src/composables/theme.ts:5 unusedTheme']);
  });

  it('prints the findings grouped by kind for a person, and SARIF for code scanning', () => {
    const text = steward(home, ['deadcode', repository]).stdout;
    expect(text).toMatch(/Unused files \(5\):[\s\S]*legacy-helper\.ts:1/);
    expect(text).toContain('Unused enum members (1):');
    const sarif = JSON.parse(steward(home, ['deadcode', repository, '--sarif']).stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results).toHaveLength(report.findings.length);
    expect(sarif.runs[0]!.results[0]!.ruleId).toBe('steward/unused-file');
  });
});

describe('steward deadcode on an app started by a tool Steward does not know', () => {
  const files = {
    'package.json': JSON.stringify({ name: 'mystery', version: '1.0.0', scripts: { start: 'mystery-runner', test: 'mystery-test' } }),
    'mystery.json': JSON.stringify({ start: 'app/boot.js', tests: 'spec/**' }),
    'app/boot.js': "import { serve } from './server.js';\nserve();\n",
    'app/server.js': "import { routes } from './routes.js';\nexport function serve() {\n  return routes();\n}\n",
    'app/routes.js': 'export function routes() {\n  return [];\n}\n',
    'spec/server.test.js': "import { serve } from '../app/server.js';\nserve();\n",
    'lib/old.js': 'export const old = 1;\n',
  };

  it('gives low-confidence file findings and names the likely entry points; deadCode.entry answers it', () => {
    const home = temporaryDirectory();
    const repository = createRepository(join(temporaryDirectory(), 'mystery'), [{ author: 'Ada', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files }]);
    const report = stewardJson<DeadCodeJson>(home, ['deadcode', repository, '--json']);
    expect(report.findings.filter((finding) => finding.kind === 'file').map((finding) => `${finding.path} ${finding.confidence}`)).toEqual([
      'app/boot.js low',
      'app/routes.js low',
      'app/server.js low',
      'lib/old.js low',
      'spec/server.test.js low',
    ]);
    expect(report.doubts?.missedEntries).toEqual([
      {
        workspace: '',
        label: 'mystery',
        files: 5,
        reachable: 0,
        entries: 0,
        likelyEntries: [
          { path: 'spec/server.test.js', why: 'named like a test: a test runner Steward does not know may run it; it leads to 2 other unreached files' },
          { path: 'app/boot.js', why: 'nothing imports it; it leads to 2 other unreached files' },
          { path: 'lib/old.js', why: 'nothing imports it' },
        ],
      },
    ]);
    expect(steward(home, ['deadcode', repository]).stdout).toContain('Steward could not find how mystery starts: its 0 entries reach only 0 of its 5 code files');

    // Told where it starts, Steward finds the one file nothing uses, and is sure of it.
    const answered = createRepository(join(temporaryDirectory(), 'answered'), [
      { author: 'Ada', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files: { ...files, 'steward.config.json': JSON.stringify({ deadCode: { entry: ['app/boot.js', 'spec/**/*.test.js'] } }) } },
    ]);
    const told = stewardJson<DeadCodeJson>(home, ['deadcode', answered, '--json']);
    expect(told.findings.map((finding) => `${finding.kind} ${finding.path} ${finding.confidence}`)).toEqual(['file lib/old.js high']);
    expect(told.doubts).toEqual({ missedEntries: [], entryFloods: [] });
  });
});

describe('steward deadcode on the uses issue 16 names', () => {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const files = {
    'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
    'packages/web/package.json': json({
      name: '@mono/web',
      exports: { '.': './src/index.ts', './format': './src/format.ts' },
      scripts: { build: 'webpack --config webpack.config.js', 'test:e2e': 'dotenv -e .env.test -- vitest run --config vitest.e2e.config.mts' },
      dependencies: { zod: '^3.0.0' },
      devDependencies: { 'dotenv-cli': '^7.0.0', vitest: '^3.0.0', webpack: '^5.0.0', 'webpack-merge': '^6.0.0' },
    }),
    // Entries inside merge(...), named with path.resolve(__dirname, …) and no extension.
    'packages/web/webpack.config.js': [
      "const path = require('path');",
      "const { merge } = require('webpack-merge');",
      "const common = { entry: { admin: path.resolve(__dirname, 'src/admin') } };",
      "module.exports = merge(common, { mode: 'production' });",
      '',
    ].join('\n'),
    'packages/web/src/admin.ts': "import { format } from '@mono/web/format';\nexport const admin = format('admin');\n",
    'packages/web/src/index.ts': "export { format } from './format';\n",
    'packages/web/src/format.ts': 'export function format(name: string): string {\n  return name;\n}\n',
    // A test runner's config named by a script through another binary (dotenv).
    'packages/web/vitest.e2e.config.mts': "export default { test: { include: ['e2e/**/*.e2e.ts'] } };\n",
    'packages/web/e2e/login.e2e.ts': "import { readFileSync } from 'node:fs';\n\nexport const page = readFileSync('src/pages/login.ts', 'utf8');\n",
    'packages/web/src/pages/login.ts': 'export const login = 1;\n',
    // An HTML page whose inline module script imports code.
    'packages/web/index.html': '<!doctype html>\n<script type="module">\n  import { start } from "./src/inline.ts";\n  start();\n</script>\n',
    'packages/web/src/inline.ts': "import { used } from './util';\n\nexport function start(): number {\n  return used;\n}\n",
    'packages/web/src/util.ts': 'export const used = 1;\nexport const unusedUtil = 2;\n',
    'packages/web/src/orphan.ts': 'export const orphan = 1;\n',
    // Declares nothing it imports; zod, declared by web, is used only here.
    'packages/api/package.json': json({ name: '@mono/api', main: 'src/index.ts' }),
    'packages/api/src/index.ts': "import { z } from 'zod';\nexport const schema = z.string();\n",
  };

  it('gives exactly the expected findings and confidences', () => {
    const home = temporaryDirectory();
    const repository = createRepository(join(temporaryDirectory(), 'mono'), [{ author: 'Ada', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files }]);
    const report = stewardJson<DeadCodeJson>(home, ['deadcode', repository, '--json']);
    expect(report.findings.map((finding) => `${finding.kind} ${finding.path}:${finding.line} ${finding.name} ${finding.confidence}`)).toEqual([
      'file packages/web/src/orphan.ts:1 packages/web/src/orphan.ts high',
      'export packages/web/src/util.ts:2 unusedUtil high',
      'misplaced-dependency packages/web/package.json:12 zod medium',
      'unlisted-dependency packages/api/src/index.ts:1 zod high',
    ]);
    expect(report.possiblyUsed).toContainEqual(expect.objectContaining({ path: 'packages/web/src/pages/login.ts' }));
    expect(report.warnings).toEqual([]);
  });
});

describe('steward deadcode on files named outside the import graph', () => {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  const files = {
    'package.json': json({ name: 'app', main: 'src/index.js', scripts: { test: 'mocha' }, devDependencies: { mocha: '^10.0.0', proxyquire: '^2.0.0' } }),
    'src/index.js': "require('./api');\nrequire('./routes/users');\nrequire('./routes/teams');\nrequire('./routes/billing');\nrequire('./routes/health');\nrequire('./routes/search');\n",
    'src/routes/users.js': 'module.exports = 1;\n',
    'src/routes/teams.js': 'module.exports = 1;\n',
    'src/routes/billing.js': 'module.exports = 1;\n',
    'src/routes/health.js': 'module.exports = 1;\n',
    'src/routes/search.js': 'module.exports = 1;\n',
    'src/api.js': "exports.fetchAll = () => 1;\nexports.onlyLoadedByProxyquire = () => 2;\nmodule.exports = exports;\n",
    // Named by a Dockerfile, a workflow (as build output), a document: doubts, with the place.
    'Dockerfile': 'FROM node:20\nCOPY docker/healthcheck.ts ./src/\nRUN node build/warmup-cache.js\n',
    'docker/healthcheck.ts': 'export const ok = true;\n',
    'lib/warmup-cache.ts': 'export const warm = 1;\n',
    'README.md': 'Run the `styles/index` setup once.\n',
    'src/styles/index.js': 'module.exports = {};\n',
    // Named only where a name says nothing (a lockfile, a change log), or by a path that leads to another file.
    'CHANGELOG.md': '- removed the use of legacy-format.js\n',
    'src/legacy-format.js': 'module.exports = 1;\n',
    'helpers/README.md': 'The helpers of the build are in build-helpers.js.\n',
    'helpers/build-helpers.js': 'module.exports = {};\n',
    'build-helpers.js': 'module.exports = {};\n',
    'test/api.test.js': "const proxyquire = require('proxyquire');\nconst api = proxyquire('../src/api', {});\napi.onlyLoadedByProxyquire();\n",
  };

  it('makes an unused file whose name a Dockerfile, a workflow or a document writes medium, naming the place; other names change nothing', () => {
    const home = temporaryDirectory();
    const repository = createRepository(join(temporaryDirectory(), 'named'), [{ author: 'Ada', email: 'ada@example.com', date: '2024-01-01T09:00:00Z', files }]);
    const report = stewardJson<DeadCodeJson>(home, ['deadcode', repository, '--json']);
    const unusedFiles = report.findings.filter((finding) => finding.kind === 'file');
    expect(unusedFiles.map((finding) => `${finding.path} ${finding.confidence}: ${finding.confidenceReason}`)).toEqual([
      'build-helpers.js high: Nothing imports it and no entry reaches it, in a package whose entries reach most of its files.',
      'docker/healthcheck.ts medium: Nothing imports it, but Dockerfile:2 names it (docker/healthcheck.ts): a tool, a config or a page may load it by that path.',
      'helpers/build-helpers.js medium: Nothing imports it, but helpers/README.md:1 names it (build-helpers.js): a tool, a config or a page may load it by that path.',
      'lib/warmup-cache.ts medium: Nothing imports it, but Dockerfile:3 names it (build/warmup-cache.js): a tool, a config or a page may load it by that path.',
      'src/legacy-format.js high: Nothing imports it and no entry reaches it, in a package whose entries reach most of its files.',
      'src/styles/index.js medium: Nothing imports it, but README.md:1 names it (styles/index): a tool, a config or a page may load it by that path.',
    ]);
    // proxyquire hands the test the module object, as require() does: every export of src/api.js is in use.
    expect(report.findings.filter((finding) => finding.kind === 'export')).toEqual([]);
  });
});
