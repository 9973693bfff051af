import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../core/api/call.js';
import type { CodeReport, CodeStats } from '../../core/api/code.js';
import { openSteward } from '../../core/steward.js';
import { steward, stewardJson } from '../support/cli.js';
import { codeFixtureFiles } from '../support/code-fixture.js';
import { type FixtureContent, createRepository, git, temporaryDirectory } from '../support/git-fixture.js';
import { sourceWorkers } from '../support/source-workers.js';

type ComplexityJson = CodeReport & { stats: CodeStats; warnings: string[] };

const author = { author: 'Ada Lovelace', email: 'ada@example.com' };

/** The known findings, plus every kind of bad input the code engine must survive. */
const fixtureFiles: Record<string, FixtureContent> = {
  ...codeFixtureFiles,
  'src/broken.ts': 'export function broken( {\n  return 1;\n',
  'src/latin1.ts': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from('\nexport const latin = 1;\n')]),
  'src/huge.ts': Array.from({ length: 100_000 }, (_, index) => `export const v${index} = ${index};`).join('\n'),
  'public/bundle.js': `var a=1;${'function f(n){return n?f(n-1):0}'.repeat(160_000)}`,
  'dist/index.js': 'export const built = 1;\n',
  'packages/tool/package.json': JSON.stringify({ name: 'tool' }),
  'packages/tool/tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
  'packages/tool/tsconfig.base.json': JSON.stringify({ extends: './tsconfig.json' }),
  // A folder linked into itself, and two links pointing at each other.
  'src/loop': { symlinkTo: '.' },
  'src/ring-a.ts': { symlinkTo: 'ring-b.ts' },
  'src/ring-b.ts': { symlinkTo: 'ring-a.ts' },
};

describe('steward complexity on a repository with known findings', () => {
  let home: string;
  let repository: string;
  let first: ComplexityJson;

  beforeAll(() => {
    home = temporaryDirectory();
    repository = createRepository(join(temporaryDirectory(), 'code'), [{ ...author, date: '2024-01-01T00:00:00Z', files: fixtureFiles }]);
    first = stewardJson<ComplexityJson>(home, ['complexity', repository]);
  });

  it('reports each use of a deprecated function with its message, through paths aliases, barrels and namespaces', () => {
    expect(first.deprecatedUses).toEqual([
      { path: 'src/a.ts', line: 2, symbol: 'foo', declaredIn: 'src/lib/old.ts', message: 'Use bar instead' },
      { path: 'src/b.ts', line: 4, symbol: 'foo', declaredIn: 'src/lib/old.ts', message: 'Use bar instead' },
      { path: 'src/c.ts', line: 3, symbol: 'foo', declaredIn: 'src/lib/old.ts', message: 'Use bar instead' },
    ]);
  });

  it('reports the three-file import cycle with the line of each import, and not the type-only edge', () => {
    expect(first.cycles).toEqual([
      {
        files: ['src/cycle/x.ts', 'src/cycle/y.ts', 'src/cycle/z.ts'],
        edges: [
          { from: 'src/cycle/x.ts', to: 'src/cycle/y.ts', line: 1 },
          { from: 'src/cycle/y.ts', to: 'src/cycle/z.ts', line: 1 },
          { from: 'src/cycle/z.ts', to: 'src/cycle/x.ts', line: 2 },
        ],
      },
    ]);
  });

  it('reports the forbidden import with its line and the rule it breaks', () => {
    expect(first.boundaryViolations).toEqual([
      { path: 'src/ui/view.ts', line: 1, specifier: '../db/query.js', target: 'src/db/query.ts', rule: 'the UI may not reach the database' },
    ]);
  });

  it('lists the most complex functions with file:line, using the repository thresholds', () => {
    expect(first.thresholds).toEqual({ cognitive: 3, cyclomatic: 20 });
    // if (+1), for nested (+2), if nested twice (+3), && (+1) = 7; cyclomatic 1 + default-less param + if + for + if + && = 5
    expect(first.functions[0]).toMatchObject({ path: 'src/db/query.ts', line: 1, name: 'query', cognitive: 7, cyclomatic: 5, maxNesting: 3 });
    const folder = first.folders.find((entry) => entry.path === 'src/db');
    expect(folder).toMatchObject({ files: 1, functions: 1, cognitiveSum: 7, cognitiveMax: 7, overThreshold: 1 });
  });

  it('goes on past bad input: syntax errors, minified bundles, non-UTF-8 bytes, broken tsconfigs, symlink loops, a 100k-line file', () => {
    expect(first.parseErrors.map((error) => error.path)).toEqual(['src/broken.ts']);
    expect(first.excluded).toEqual(
      expect.arrayContaining([
        { path: 'dist/index.js', reason: 'build output (dist/)' },
        expect.objectContaining({ path: 'public/bundle.js', reason: expect.stringMatching(/^minified|^bundled/) }),
        { path: 'src/loop', reason: 'symbolic link (not followed)' },
        { path: 'src/ring-a.ts', reason: 'symbolic link (not followed)' },
        { path: 'src/ring-b.ts', reason: 'symbolic link (not followed)' },
      ]),
    );
    expect(first.files.some((file) => file.path === 'src/latin1.ts')).toBe(true);
    expect(first.files.find((file) => file.path === 'src/huge.ts')).toMatchObject({ linesOfCode: 100_000 });
    expect(first.warnings.some((warning) => warning.startsWith('Circular extends'))).toBe(true);
  });

  it('parses each file once: a re-scan takes everything from the cache, an edit re-parses exactly one file', () => {
    // Every code file is parsed, but for the minified bundle, which is recognised and left out unparsed.
    expect(first.stats).toMatchObject({ parsed: first.stats.files - 1, cached: 0 });
    const again = stewardJson<ComplexityJson>(home, ['complexity', repository]);
    expect(again.stats).toMatchObject({ parsed: 0, cached: first.stats.files });
    expect(again.deprecatedUses).toEqual(first.deprecatedUses);

    createRepository(repository, [{ ...author, date: '2024-01-02T00:00:00Z', files: { 'src/a.ts': "import { bar } from './lib/old.js';\nexport const a = bar();\n" } }]);
    const edited = stewardJson<ComplexityJson>(home, ['complexity', repository]);
    expect(edited.stats).toMatchObject({ parsed: 1, cached: first.stats.files - 1 });
    expect(edited.deprecatedUses.map((use) => use.path)).toEqual(['src/b.ts', 'src/c.ts']);
  });

  it('writes SARIF with the complexity, boundary and cycle findings, each with its inventory fingerprint', () => {
    const result = steward(home, ['complexity', repository, '--sarif']);
    expect(result.status).toBe(0);
    const sarif = JSON.parse(result.stdout) as { version: string; runs: { results: { ruleId: string; locations: unknown[]; partialFingerprints: Record<string, string> }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]!.results;
    expect(results.map((entry) => entry.ruleId)).toEqual(expect.arrayContaining(['steward/complex-function', 'steward/boundary-violation', 'steward/import-cycle']));
    // The same fingerprints the inventory gives the same findings once a scan keeps them.
    stewardJson(home, ['scan', repository, '--offline']);
    const inventory = stewardJson<{ items: { fingerprint: string }[] }>(home, ['inventory', repository]);
    const fingerprints = new Set(inventory.items.map((item) => item.fingerprint));
    for (const entry of results) expect(fingerprints).toContain(entry.partialFingerprints['stewardFingerprint/v1']);
  });

  it('exits 2 with one line for a path that is not a repository', () => {
    const result = steward(home, ['complexity', temporaryDirectory()]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('deprecations announced by installed packages', () => {
  const home = temporaryDirectory();
  const repository = createRepository(join(temporaryDirectory(), 'installed'), [
    {
      ...author,
      date: '2024-01-01T00:00:00Z',
      files: {
        'package.json': JSON.stringify({ name: 'app', dependencies: { 'legacy-lib': '1.0.0', untyped: '1.0.0' } }),
        'src/use.ts': [
          "import { stale, mixed, fresh } from 'legacy-lib';",
          "import * as untyped from 'untyped';",
          'stale();',
          'mixed(1);',
          'fresh();',
          'untyped.old();',
          '',
        ].join('\n'),
      },
    },
  ]);
  /** node_modules as a package manager leaves it: untracked, next to the code. */
  const installed: Record<string, string> = {
    'legacy-lib/package.json': JSON.stringify({ name: 'legacy-lib', exports: { '.': { types: './types/index.d.ts', default: './index.js' } } }),
    'legacy-lib/types/index.d.ts': "export * from './old.js';\nexport declare function fresh(): void;\n",
    'legacy-lib/types/old.d.ts': [
      '/** @deprecated Use fresh instead */',
      'export declare function stale(): void;',
      // Only one overload is deprecated: without types, a call cannot be matched to it.
      'export declare function mixed(value: string): void;',
      '/** @deprecated Pass a string */',
      'export declare function mixed(value: number): void;',
      '',
    ].join('\n'),
    'untyped/package.json': JSON.stringify({ name: 'untyped', main: 'index.js' }),
    'untyped/index.js': 'exports.old = () => {};\n',
    '@types/untyped/package.json': JSON.stringify({ name: '@types/untyped', types: 'index.d.ts' }),
    '@types/untyped/index.d.ts': '/**\n * @deprecated Since 2.0; use `next()`\n */\nexport declare function old(): void;\n',
  };

  it('reports uses of deprecated exports from type declarations in node_modules, and none on a fresh clone', () => {
    const fresh = stewardJson<ComplexityJson>(home, ['complexity', repository]);
    expect(fresh.deprecatedUses).toEqual([]);

    for (const [path, content] of Object.entries(installed)) {
      mkdirSync(dirname(join(repository, 'node_modules', path)), { recursive: true });
      writeFileSync(join(repository, 'node_modules', path), content);
    }
    const withModules = stewardJson<ComplexityJson>(home, ['complexity', repository]);
    expect(withModules.deprecatedUses).toEqual([
      { path: 'src/use.ts', line: 3, symbol: 'stale', declaredIn: 'legacy-lib', message: 'Use fresh instead' },
      { path: 'src/use.ts', line: 6, symbol: 'old', declaredIn: 'untyped', message: 'Since 2.0; use `next()`' },
    ]);
    expect(withModules.stats).toMatchObject({ parsed: 0 });
    expect(git(repository, ['status', '--porcelain', '--untracked-files=no'])).toBe('');
  });
});

describe('the scan pipeline saves the code report with the snapshot', () => {
  const home = temporaryDirectory();
  const engine = openSteward({ home, version: 'test', mode: 'browser', workers: sourceWorkers });
  afterAll(() => engine.close());

  it('serves the same findings through the API after a scan', async () => {
    const repository = createRepository(join(temporaryDirectory(), 'scanned'), [{ ...author, date: '2024-01-01T00:00:00Z', files: fixtureFiles }]);
    const added = await call(engine.handlers, 'repositories.add', { path: repository });
    const job = await call(engine.handlers, 'scans.start', { repositoryId: added.id });
    const final = await engine.scans.settled(job.id);
    expect(final.state).toBe('succeeded');
    const report = await call(engine.handlers, 'snapshots.code', { id: final.snapshotId! });
    expect(report.cycles).toHaveLength(1);
    expect(report.boundaryViolations).toHaveLength(1);
    expect(report.deprecatedUses).toHaveLength(3);
    expect(report.functions[0]).toMatchObject({ path: 'src/db/query.ts', cognitive: 7 });
    expect(report.parseErrors.map((error) => error.path)).toEqual(['src/broken.ts']);
    expect(git(repository, ['status', '--porcelain'])).toBe('');
  });
});
