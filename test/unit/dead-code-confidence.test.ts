import { describe, expect, it } from 'vitest';
import type { ImportEdge } from '../../analyzers/architecture/import-graph.js';
import { judgeConfidence } from '../../analyzers/deadcode/confidence.js';
import type { UnjudgedFinding } from '../../analyzers/deadcode/dead-code.js';

const edge = (from: string, to: string): ImportEdge => ({ from, specifier: `./${to}`, line: 1, kind: 'import', typeOnly: false, target: { kind: 'file', path: to } });
const unusedFile = (path: string, workspace = ''): UnjudgedFinding => ({ kind: 'file', path, line: 1, name: path, workspace, reason: 'no file imports it', importers: [] });
const targetsOf = (edges: readonly ImportEdge[]): Map<string, Set<string>> => {
  const targets = new Map<string, Set<string>>();
  for (const { from, target } of edges) if (target.kind === 'file') targets.set(from, new Set([...(targets.get(from) ?? []), target.path]));
  return targets;
};
const importersOf = (edges: readonly ImportEdge[]): Map<string, string[]> => {
  const importers = new Map<string, string[]>();
  for (const { from, target } of edges) if (target.kind === 'file') importers.set(target.path, [...(importers.get(target.path) ?? []), from]);
  return importers;
};

describe('judgeConfidence', () => {
  it('trusts an unreached file of a package whose entries reach most of it; tests and programs run by path are medium', () => {
    const files = ['src/index.ts', 'src/a.ts', 'src/b.ts', 'src/c.ts', 'src/old.ts', 'test/helper.ts', 'scripts/release.ts'];
    const edges = [edge('src/index.ts', 'src/a.ts'), edge('src/index.ts', 'src/b.ts'), edge('src/b.ts', 'src/c.ts')];
    const { findings, doubts } = judgeConfidence(
      ['src/old.ts', 'test/helper.ts', 'scripts/release.ts'].map((path) => unusedFile(path)),
      {
        workspaces: [{ dir: '', name: 'app' }],
        files,
        workspaceOf: () => '',
        live: new Set(['src/index.ts', 'src/a.ts', 'src/b.ts', 'src/c.ts']),
        entries: [{ path: 'src/index.ts', reason: 'package.json "main"' }],
        targets: targetsOf(edges),
        importers: importersOf(edges),
        unreadableEntries: [],
        openPackages: [],
      },
    );
    expect(findings.map((finding) => `${finding.path} ${finding.confidence}`)).toEqual(['src/old.ts high', 'test/helper.ts medium', 'scripts/release.ts medium']);
    expect(findings[1]!.confidenceReason).toMatch(/test/);
    expect(doubts).toEqual({ missedEntries: [], entryFloods: [] });
  });

  it('trusts no unused file or export of a library published without an exports map: its users may import any file', () => {
    const files = ['lib/ajv.ts', 'lib/compile/validate.ts', 'lib/jtd.ts', 'spec/old.spec.ts'];
    const edges = [edge('lib/ajv.ts', 'lib/compile/validate.ts')];
    const unusedExport: UnjudgedFinding = { kind: 'export', path: 'lib/compile/validate.ts', line: 3, name: 'getData', workspace: '', reason: 'nothing asks for it', importers: [] };
    const { findings } = judgeConfidence([unusedFile('lib/jtd.ts'), unusedExport, unusedFile('spec/old.spec.ts')], {
      workspaces: [{ dir: '', name: 'ajv' }],
      files,
      workspaceOf: () => '',
      live: new Set(['lib/ajv.ts', 'lib/compile/validate.ts']),
      entries: [{ path: 'lib/ajv.ts', reason: 'package.json "main"' }],
      targets: targetsOf(edges),
      importers: importersOf(edges),
      unreadableEntries: [],
      openPackages: [{ workspaceDir: '', name: 'ajv' }],
    });
    expect(findings.map((finding) => `${finding.path} ${finding.confidence}`)).toEqual(['lib/jtd.ts medium', 'lib/compile/validate.ts medium', 'spec/old.spec.ts medium']);
    expect(findings[0]!.confidenceReason).toBe('ajv is published without an "exports" map, so its users can import any of its files directly (ajv/dist/…): nothing in the repository uses this one, but a user may.');
    expect(findings[2]!.confidenceReason).toMatch(/test/);
  });

  it('trusts no unused file of a package whose bundler config computes its entries at run time', () => {
    const files = ['src/index.ts', 'src/a.ts', 'src/main.ts'];
    const edges = [edge('src/index.ts', 'src/a.ts')];
    const { findings } = judgeConfidence([unusedFile('src/main.ts')], {
      workspaces: [{ dir: '', name: 'app' }],
      files,
      workspaceOf: () => '',
      live: new Set(['src/index.ts', 'src/a.ts']),
      entries: [{ path: 'src/index.ts', reason: 'package.json "main"' }],
      targets: targetsOf(edges),
      importers: importersOf(edges),
      unreadableEntries: [{ workspaceDir: '', origin: '.erb/configs/webpack.config.main.prod.ts entry' }],
      openPackages: [],
    });
    expect(findings.map((finding) => `${finding.path} ${finding.confidence}`)).toEqual(['src/main.ts medium']);
    expect(findings[0]!.confidenceReason).toBe('Steward could not read all of .erb/configs/webpack.config.main.prod.ts entry (computed when the tool runs, or not readable without running it), so it cannot tell which files the tool starts from; it may start from this one.');
  });

  it('makes every unused file of a package low confidence when its entries reach less than half of it, and lists the likely entries', () => {
    // A server started by a tool Steward does not know: boot.ts pulls in 3 files, a test pulls in 1.
    const files = ['lib/index.ts', 'app/boot.ts', 'app/server.ts', 'app/routes.ts', 'app/db.ts', 'test/app.test.ts', 'test/fixtures.ts', 'notes.ts'];
    const edges = [edge('app/boot.ts', 'app/server.ts'), edge('app/server.ts', 'app/routes.ts'), edge('app/routes.ts', 'app/db.ts'), edge('test/app.test.ts', 'test/fixtures.ts')];
    const unreached = files.filter((path) => path !== 'lib/index.ts');
    const unusedExport: UnjudgedFinding = { kind: 'export', path: 'lib/index.ts', line: 3, name: 'helper', workspace: '', reason: 'no file in use asks for it', importers: [] };
    const { findings: [exported, ...findings], doubts } = judgeConfidence(
      [unusedExport, ...unreached.map((path) => unusedFile(path))],
      { workspaces: [{ dir: '', name: 'server' }], files, workspaceOf: () => '', live: new Set(['lib/index.ts']), entries: [{ path: 'lib/index.ts', reason: 'package.json "main"' }], targets: targetsOf(edges), importers: importersOf(edges), unreadableEntries: [], openPackages: [] },
    );
    expect(new Set(findings.map((finding) => finding.confidence))).toEqual(new Set(['low']));
    // Its exports' users may be among the files Steward could not reach.
    expect(exported).toMatchObject({ kind: 'export', confidence: 'medium' });
    expect(findings[0]!.confidenceReason).toContain('Only 1 of the 8 code files of server are reached from the 1 entries');
    expect(doubts.missedEntries).toEqual([
      {
        workspace: '',
        label: 'server',
        files: 8,
        reachable: 1,
        entries: 1,
        likelyEntries: [
          { path: 'test/app.test.ts', why: 'named like a test: a test runner Steward does not know may run it; it leads to 1 other unreached file' },
          { path: 'app/boot.ts', why: 'nothing imports it; it leads to 3 other unreached files' },
          { path: 'notes.ts', why: 'nothing imports it' },
        ],
      },
    ]);
  });

  it('judges each package of a monorepo on its own', () => {
    const files = ['packages/a/index.ts', 'packages/a/x.ts', 'packages/b/index.ts', 'packages/b/y.ts', 'packages/b/z.ts'];
    const workspaceOf = (path: string): string => path.split('/').slice(0, 2).join('/');
    const { findings, doubts } = judgeConfidence([unusedFile('packages/a/x.ts', 'packages/a'), unusedFile('packages/b/y.ts', 'packages/b'), unusedFile('packages/b/z.ts', 'packages/b')], {
      workspaces: [
        { dir: 'packages/a', name: 'a' },
        { dir: 'packages/b', name: 'b' },
      ],
      files,
      workspaceOf,
      live: new Set(['packages/a/index.ts', 'packages/b/index.ts']),
      entries: [
        { path: 'packages/a/index.ts', reason: 'main' },
        { path: 'packages/b/index.ts', reason: 'main' },
      ],
      targets: new Map(),
      importers: new Map(),
      unreadableEntries: [],
      openPackages: [],
    });
    // a: 1 of 2 reached (half: trusted); b: 1 of 3 (missed).
    expect(findings.map((finding) => `${finding.path} ${finding.confidence}`)).toEqual(['packages/a/x.ts high', 'packages/b/y.ts low', 'packages/b/z.ts low']);
    expect(doubts.missedEntries.map((missed) => missed.label)).toEqual(['b']);
  });

  it('says when nearly every file of a package is an entry, and which pattern made them; tests, test data and documents are entries by nature', () => {
    const source = Array.from({ length: 30 }, (_, index) => `src/f${index}.ts`);
    const fixtures = Array.from({ length: 40 }, (_, index) => `test/fixtures/f${index}.js`);
    const entries = [
      ...source.map((path) => ({ path, reason: 'package.json "exports" "./*"' })),
      ...fixtures.map((path) => ({ path, reason: 'fixtures folder (test data)' })),
    ];
    const input = { workspaces: [{ dir: '', name: 'lib' }], workspaceOf: () => '', live: new Set(entries.map((entry) => entry.path)), targets: new Map(), importers: new Map(), unreadableEntries: [], openPackages: [] };
    expect(judgeConfidence([], { ...input, files: [...source, ...fixtures], entries }).doubts.entryFloods).toEqual([
      { workspace: '', label: 'lib', files: 30, entries: 30, cause: 'package.json "exports" "./*"', causeEntries: 30 },
    ]);
    // Test data alone is no flood.
    expect(judgeConfidence([], { ...input, files: [...source.slice(0, 2), ...fixtures], entries: entries.slice(28) }).doubts.entryFloods).toEqual([]);
  });
});
