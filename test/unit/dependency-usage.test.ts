import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { UnjudgedFinding } from '../../analyzers/deadcode/dead-code.js';
import { findDependencyIssues, type DependencyUsageInput } from '../../analyzers/deadcode/dependency-usage.js';
import { readPackageJson } from '../../analyzers/discover/package-json.js';
import type { ProjectTree } from '../../analyzers/discover/project-tree.js';
import { findWorkspaces } from '../../analyzers/discover/workspaces.js';
import { extractFacts } from '../../analyzers/facts/extract-facts.js';
import { createModuleResolver } from '../../analyzers/resolve/module-resolver.js';

type Options = Partial<Pick<DependencyUsageInput, 'scriptBinaries' | 'referencedPackages' | 'pathAliases' | 'production' | 'lockedPeers'>> & {
  /** Files under node_modules/ of the working tree. */
  installed?: Record<string, string>;
  /** The files in use; every code file when absent. */
  live?: string[];
  /** tsconfig `paths` of the root scope, repository-relative. */
  paths?: Record<string, string[]>;
};

const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Runs the analysis over an in-memory repository with the real fact extractor and module resolver. */
function analyse(files: Record<string, string>, { installed = {}, live, paths, ...rest }: Options = {}): { findings: UnjudgedFinding[]; warnings: string[] } {
  const tree: ProjectTree = {
    paths: Object.keys(files),
    readFile: (path) => files[path],
    readInstalledFile: (path) => installed[path],
  };
  const workspaces = findWorkspaces(tree, readPackageJson(tree, 'package.json', []), []);
  const codeFiles = tree.paths.filter((path) => /\.[cm]?[jt]sx?$/.test(path));
  const facts = new Map(codeFiles.map((path) => [path, extractFacts(path, files[path]!)]));
  const resolve = createModuleResolver({
    files: new Set(tree.paths),
    readFile: tree.readFile,
    scopes: [{ dir: '', ...(paths ? { paths } : {}) }],
    workspaces,
    builtinModules: new Set(builtinModules),
    tsconfigs: [],
  });
  const warnings: string[] = [];
  const findings = findDependencyIssues({
    tree,
    workspaces,
    facts,
    live: new Set(live ?? codeFiles),
    resolve,
    scriptBinaries: [],
    referencedPackages: [],
    pathAliases: Object.keys(paths ?? {}).map((pattern) => ({ dir: '', pattern })),
    production: false,
    lockedPeers: new Map(),
    warnings,
    ...rest,
  });
  return { findings, warnings };
}

/** `kind name @ path:line` per finding, for compact expectations. */
const summary = (findings: readonly UnjudgedFinding[]): string[] => findings.map((finding) => `${finding.kind} ${finding.name} @ ${finding.path}:${finding.line}`);

const scripts = (workspaceDir: string, ...binaries: string[]): DependencyUsageInput['scriptBinaries'] =>
  binaries.map((binary) => ({ workspaceDir, binary, script: `${binary} --run` }));

describe('findDependencyIssues — unused dependencies', () => {
  it('counts the package behind each binary a registry tool names (sls, pm2-runtime, graphql-codegen, electron-forge)', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'app', devDependencies: { serverless: '3', pm2: '5', '@graphql-codegen/cli': '5', '@electron-forge/cli': '7', 'left-pad': '1' } }),
        'index.js': 'export {};\n',
      },
      { scriptBinaries: scripts('', 'sls', 'pm2-runtime', 'graphql-codegen', 'electron-forge') },
    );
    expect(summary(findings)).toEqual(['dev-dependency left-pad @ package.json:8']);
  });

  it('counts a workspace package as used when a script runs a binary its package.json declares', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*', 'internal/*'] }),
        'internal/builder/package.json': json({ name: '@repo/builder', bin: { 'radix-build': './builder.js' } }),
        'internal/builder/builder.js': 'export {};\n',
        'packages/slot/package.json': json({ name: '@radix-ui/slot', scripts: { build: 'radix-build' }, devDependencies: { '@repo/builder': 'workspace:*', 'left-pad': '1' } }),
        'packages/slot/index.ts': 'export const slot = 1;\n',
      },
      { scriptBinaries: scripts('packages/slot', 'radix-build') },
    );
    expect(summary(findings)).toEqual(['dev-dependency left-pad @ packages/slot/package.json:8']);
  });

  it('calls a dependency misplaced, not unused, when only another workspace imports it, and says where to move it', () => {
    const { findings } = analyse({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/api/package.json': json({ name: 'api', dependencies: { zod: '3', 'left-pad': '1' } }),
      'packages/api/index.ts': 'export const api = 1;\n',
      'packages/web/package.json': json({ name: 'web' }),
      'packages/web/form.ts': "import { z } from 'zod';\nexport const form = z.string();\n",
    });
    expect(summary(findings)).toEqual([
      'misplaced-dependency zod @ packages/api/package.json:4',
      'dependency left-pad @ packages/api/package.json:5',
      'unlisted-dependency zod @ packages/web/form.ts:1',
    ]);
    expect(findings[0]).toMatchObject({
      reason: 'listed in dependencies of packages/api/package.json, where nothing uses it, but imported by 1 file of packages/web/package.json, which does not list it',
      importers: ['packages/web/form.ts'],
    });
  });

  it("counts webpack's inline loaders (`url-loader!./image.jpg`) and the peers of what is used", () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'app', devDependencies: { 'url-loader': '1', webpack: '5', 'karma-jasmine': '5', 'jasmine-core': '5', karma: '6', 'left-pad': '1' } }),
        'src/index.js': "import image from 'url-loader!../fixtures/image.jpg';\nexport default image;\n",
      },
      { scriptBinaries: scripts('', 'karma') },
    );
    // url-loader needs webpack; karma loads karma-* plugins by name, and karma-jasmine needs jasmine-core.
    expect(summary(findings)).toEqual(['dev-dependency left-pad @ package.json:9']);
  });


  it('reports an unused dependency and devDependency at the line of their key', () => {
    const { findings, warnings } = analyse({
      'package.json': json({ name: 'app', dependencies: { 'left-pad': '1', used: '1' }, devDependencies: { 'unused-dev': '1' } }),
      'src/index.js': "import used from 'used';\nexport default used;\n",
    });
    expect(findings).toEqual([
      {
        kind: 'dependency',
        path: 'package.json',
        line: 4,
        name: 'left-pad',
        workspace: '',
        reason: 'listed in dependencies of package.json, but no file in use imports it, no script runs it and no config names it',
        importers: [],
      },
      {
        kind: 'dev-dependency',
        path: 'package.json',
        line: 8,
        name: 'unused-dev',
        workspace: '',
        reason: 'listed in devDependencies of package.json, but no file in use imports it, no script runs it and no config names it',
        importers: [],
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it('finds the line inside a minified package.json and ignores a same-named key elsewhere', () => {
    const packageJson = '{"name":"app","overrides":{"gone":"1"},\n"devDependencies":{"kept":"1",\n"gone":"1"}}';
    const { findings } = analyse({ 'package.json': packageJson, 'src/index.js': "import 'kept';\n" });
    expect(summary(findings)).toEqual(['dev-dependency gone @ package.json:3']);
  });

  it('counts value, type-only, require(), import(), import-equals and re-export uses', () => {
    const dependencies = Object.fromEntries(['value', 'types-only', 'required', 'lazy', 'equals', 'reexported', 'inline-type'].map((name) => [name, '1']));
    const { findings } = analyse({
      'package.json': json({ name: 'app', dependencies }),
      'src/a.ts': "import { v } from 'value/sub';\nimport type { T } from 'types-only';\nimport { type U } from 'inline-type';\nexport const a: T | U = v;\n",
      'src/b.js': "const r = require('required');\nexport const load = () => import('lazy');\nexport { r };\n",
      'src/c.ts': "import e = require('equals');\nexport * from 'reexported';\nexport { e };\n",
    });
    expect(findings).toEqual([]);
  });

  it('counts only imports of files in use', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'app', dependencies: { live: '1', 'dead-only': '1' } }),
        'src/index.js': "import 'live';\n",
        'src/dead.js': "import 'dead-only';\nimport 'unlisted-in-dead';\n",
      },
      { live: ['src/index.js'] },
    );
    expect(summary(findings)).toEqual(['dependency dead-only @ package.json:5']);
  });

  it('never reports peer or optional dependencies, nor a devDependency that is also a peer', () => {
    const { findings } = analyse({
      'package.json': json({ name: 'lib', peerDependencies: { react: '*' }, optionalDependencies: { fsevents: '*' }, devDependencies: { react: '*' } }),
      'src/index.js': 'export const x = 1;\n',
    });
    expect(findings).toEqual([]);
  });
});

describe('findDependencyIssues — scripts, configs and implicit uses', () => {
  it('maps script binaries through the well-known table and same-named dependencies', () => {
    const devDependencies = { typescript: '1', 'npm-run-all': '1', '@changesets/cli': '1', vitest: '1', 'left-over': '1' };
    const { findings } = analyse(
      { 'package.json': json({ name: 'app', devDependencies }), 'src/index.js': 'export {};\n' },
      { scriptBinaries: scripts('', 'tsc', 'run-p', 'changeset', 'vitest', 'unknown-binary') },
    );
    expect(summary(findings)).toEqual(['dev-dependency left-over @ package.json:8']);
  });

  it("reads the installed packages' bin fields, from the workspace's node_modules before the root's", () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'app', workspaces: ['packages/*'], devDependencies: { 'multi-tool': '1', '@acme/tool': '1' } }),
        'packages/api/package.json': json({ name: 'api', devDependencies: { 'local-cli': '1', idle: '1' } }),
        'packages/api/index.js': 'export {};\n',
      },
      {
        scriptBinaries: [...scripts('', 'run-it'), ...scripts('packages/api', 'tool', 'local')],
        installed: {
          'node_modules/multi-tool/package.json': json({ name: 'multi-tool', bin: { 'run-it': 'run.js', other: 'other.js' } }),
          'node_modules/@acme/tool/package.json': json({ name: '@acme/tool', bin: 'cli.js' }),
          'packages/api/node_modules/local-cli/package.json': json({ name: 'local-cli', bin: { local: 'bin.js' } }),
          'packages/api/node_modules/idle/package.json': json({ name: 'idle', bin: { idle: 'bin.js' } }),
        },
      },
    );
    expect(summary(findings)).toEqual(['dev-dependency idle @ packages/api/package.json:5']);
  });

  it('counts packages named in tool configs', () => {
    const { findings } = analyse(
      { 'package.json': json({ name: 'app', devDependencies: { 'jest-preset-x': '1' } }), 'src/index.js': 'export {};\n' },
      { referencedPackages: [{ workspaceDir: '', name: 'jest-preset-x', reason: 'jest.config.js preset' }] },
    );
    expect(findings).toEqual([]);
  });

  it('keeps typescript, tslib and @types/node when TypeScript files exist, not otherwise', () => {
    const manifest = json({ name: 'app', devDependencies: { typescript: '1', tslib: '1', '@types/node': '1' } });
    expect(analyse({ 'package.json': manifest, 'src/index.ts': 'export {};\n' }).findings).toEqual([]);
    expect(summary(analyse({ 'package.json': manifest, 'src/index.js': 'export {};\n' }).findings)).toEqual([
      'dev-dependency typescript @ package.json:4',
      'dev-dependency tslib @ package.json:5',
      'dev-dependency @types/node @ package.json:6',
    ]);
  });

  it('keeps @types/node for a JavaScript file importing a built-in module', () => {
    const { findings } = analyse({
      'package.json': json({ name: 'app', devDependencies: { '@types/node': '1' } }),
      'src/index.js': "import { readFileSync } from 'node:fs';\nexport default readFileSync;\n",
    });
    expect(findings).toEqual([]);
  });

  it('keeps the peer dependencies of packages in use, from their installed package.json, the lockfile or well-known pairs', () => {
    const files = {
      'package.json': json({ name: 'app', devDependencies: { 'electron-vite': '4', vite: '7', 'ui-kit': '1', 'styled-thing': '1', 'left-pad': '1' } }),
      'electron.vite.config.ts': "import { defineConfig } from 'electron-vite';\nimport 'ui-kit';\nexport default defineConfig({});\n",
    };
    const installed = { 'node_modules/ui-kit/package.json': json({ name: 'ui-kit', peerDependencies: { 'styled-thing': '*' } }) };
    expect(summary(analyse(files, { installed }).findings)).toEqual(['dev-dependency left-pad @ package.json:8']);
    expect(summary(analyse(files, { lockedPeers: new Map([['ui-kit', ['styled-thing']]]) }).findings)).toEqual(['dev-dependency left-pad @ package.json:8']);
    expect(summary(analyse(files).findings)).toEqual(['dev-dependency styled-thing @ package.json:7', 'dev-dependency left-pad @ package.json:8']);
  });

  it("keeps the peer dependencies of a workspace package in use, from the package's own package.json", () => {
    const files = {
      'package.json': json({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/ui/package.json': json({ name: '@shop/ui', peerDependencies: { react: '*' } }),
      'packages/ui/index.js': 'export {};\n',
      'packages/app/package.json': json({ name: '@shop/app', dependencies: { '@shop/ui': 'workspace:*', react: '19', 'left-pad': '1' } }),
      'packages/app/index.js': "import '@shop/ui';\n",
    };
    expect(summary(analyse(files).findings)).toEqual(['dependency left-pad @ packages/app/package.json:6']);
  });

  it('takes a scoped package not installed to provide the binary of its unscoped name, unless a package of that name is declared', () => {
    const files = {
      'package.json': json({ name: 'app', devDependencies: { '@tanstack/intent': '1', 'start-server-and-test': '1', '@scope/other': '1', next: '15', '@trpc/next': '11' } }),
    };
    const { findings } = analyse(files, { scriptBinaries: scripts('', 'intent', 'start-test', 'next') });
    expect(summary(findings)).toEqual(['dev-dependency @scope/other @ package.json:6', 'dev-dependency @trpc/next @ package.json:8']);
  });

  it('keeps plugins of a declared tool, and reports them when the tool is absent', () => {
    const plugins = { 'eslint-plugin-react': '1', '@typescript-eslint/parser': '1', '@vitest/coverage-v8': '1', 'prettier-plugin-x': '1' };
    const files = (devDependencies: Record<string, string>) => ({ 'package.json': json({ name: 'app', devDependencies }), 'src/index.js': 'export {};\n' });
    const tools = { eslint: '1', vitest: '1', prettier: '1' };
    expect(analyse(files({ ...plugins, ...tools }), { scriptBinaries: scripts('', 'eslint', 'vitest', 'prettier') }).findings).toEqual([]);
    expect(summary(analyse(files(plugins)).findings)).toEqual([
      'dev-dependency eslint-plugin-react @ package.json:4',
      'dev-dependency @typescript-eslint/parser @ package.json:5',
      'dev-dependency @vitest/coverage-v8 @ package.json:6',
      'dev-dependency prettier-plugin-x @ package.json:7',
    ]);
  });
});

describe('findDependencyIssues — @types packages', () => {
  it('pairs @types/x with x, and @types/scope__name with @scope/name', () => {
    const { findings } = analyse({
      'package.json': json({
        name: 'app',
        dependencies: { lodash: '1', '@babel/core': '1', express: '1' },
        devDependencies: { '@types/lodash': '1', '@types/babel__core': '1', '@types/express': '1', '@types/babel__traverse': '1' },
      }),
      'src/index.js': "import _ from 'lodash';\nimport { transform } from '@babel/core';\nexport { _, transform };\n",
    });
    expect(summary(findings)).toEqual([
      'dependency express @ package.json:6',
      'dev-dependency @types/express @ package.json:11',
      'dev-dependency @types/babel__traverse @ package.json:12',
    ]);
    expect(findings[2]!.reason).toBe(
      'listed in devDependencies of package.json, but `@babel/traverse`, whose types it holds, is not used either: no file in use imports it, no script runs it and no config names it',
    );
  });

  it('keeps @types/x while x runs from a script, and lets @types/x satisfy a type-only import', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'app', devDependencies: { jest: '1', '@types/jest': '1', '@types/estree': '1', '@types/json-schema': '1' } }),
        'src/index.ts': "import type { Node } from 'estree';\nimport { type JSONSchema7 } from 'json-schema';\nexport type N = Node | JSONSchema7;\n",
      },
      { scriptBinaries: scripts('', 'jest') },
    );
    expect(findings).toEqual([]);
  });

  it('reports a value import satisfied only by @types as unlisted', () => {
    const { findings } = analyse({
      'package.json': json({ name: 'app', devDependencies: { '@types/estree': '1' } }),
      'src/index.ts': "import { walk } from 'estree';\nexport default walk;\n",
    });
    expect(summary(findings)).toEqual(['unlisted-dependency estree @ src/index.ts:1']);
  });
});

describe('findDependencyIssues — workspaces', () => {
  const monorepo = {
    'package.json': json({ name: 'shop', private: true, workspaces: ['packages/*'], devDependencies: { shared: '1', dup: '1', react: '1' } }),
    'packages/api/package.json': json({ name: '@shop/api', dependencies: { dup: '1' }, peerDependencies: { react: '*' } }),
    'packages/api/src/index.js': "import 'shared';\nimport 'dup';\nimport 'react';\nimport { util } from '@shop/util';\nexport const api = util;\n",
    'packages/web/package.json': json({ name: '@shop/web', dependencies: { '@shop/api': '*', '@shop/util': '*' } }),
    'packages/web/src/index.js': "import { api } from '@shop/api';\nexport default api;\n",
    'packages/util/package.json': json({ name: '@shop/util' }),
    'packages/util/src/index.js': 'export const util = 1;\n',
  };

  it("uses the root's declaration when the workspace has none (hoisting) or only a peer, its own otherwise, and reports a sibling workspace imported undeclared", () => {
    const { findings } = analyse(monorepo);
    expect(summary(findings)).toEqual([
      'dev-dependency dup @ package.json:9',
      'unlisted-dependency @shop/util @ packages/api/src/index.js:4',
      // Declared by web, which does not use it, and imported by api, which does not declare it: move it.
      'misplaced-dependency @shop/util @ packages/web/package.json:5',
    ]);
    expect(findings.map((finding) => finding.workspace)).toEqual(['', 'packages/api', 'packages/web']);
  });

  it('counts an import of a workspace package through a tsconfig paths alias as a use of its declaration', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
        'packages/ui/package.json': json({ name: '@mono/ui' }),
        'packages/ui/src/index.ts': 'export const button = 1;\n',
        'packages/app/package.json': json({ name: '@mono/app', dependencies: { '@mono/ui': '*' } }),
        'packages/app/src/index.ts': "import { button } from '@mono/ui';\nexport default button;\n",
      },
      { paths: { '@mono/ui': ['packages/ui/src/index.ts'] } },
    );
    expect(summary(findings)).toEqual([]);
  });

  it("counts a declared sibling workspace only while a file in use imports it by its name (and the sibling's peers with it)", () => {
    const { findings } = analyse(monorepo, { live: ['packages/web/src/index.js'] });
    expect(summary(findings)).toEqual([
      'dev-dependency shared @ package.json:8',
      'dev-dependency dup @ package.json:9',
      'dependency dup @ packages/api/package.json:4',
      'dependency @shop/util @ packages/web/package.json:5',
    ]);
  });

  it("counts a workspace's script binaries and config references against that workspace's own package.json", () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'root', workspaces: ['packages/*'] }),
        'packages/a/package.json': json({ name: 'a', devDependencies: { 'npm-run-all': '1', 'ts-jest': '1', unused: '1' } }),
        'packages/a/index.js': 'export {};\n',
      },
      { scriptBinaries: scripts('packages/a', 'run-p'), referencedPackages: [{ workspaceDir: 'packages/a', name: 'ts-jest', reason: 'jest preset' }] },
    );
    expect(summary(findings)).toEqual(['dev-dependency unused @ packages/a/package.json:6']);
  });

  it('assigns a file to the deepest workspace containing it', () => {
    const { findings } = analyse({
      'package.json': json({ name: 'root', workspaces: ['packages/*'], dependencies: { outer: '1' } }),
      'packages/a/package.json': json({ name: 'a', dependencies: { inner: '1' } }),
      'packages/a/index.js': "import 'outer';\n",
      'packages/ab/index.js': "import 'inner';\n",
    });
    expect(summary(findings)).toEqual(['misplaced-dependency inner @ packages/a/package.json:4', 'unlisted-dependency inner @ packages/ab/index.js:1']);
  });
});

describe('findDependencyIssues — unlisted dependencies', () => {
  it('reports packages imported by files in use that no package.json in reach lists, once per workspace', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'shop', workspaces: ['packages/*'] }),
        'packages/api/package.json': json({ name: '@shop/api' }),
        'packages/api/src/b.ts': "import x from 'missing-pkg/sub';\nexport default x;\n",
        'packages/api/src/a.ts': "\n\nimport type { T } from 'missing-pkg';\nimport { y } from 'missing-pkg';\nexport const a: T = y;\n",
        'src/root.js': "require('@acme/missing');\n",
      },
      { paths: { 'app/*': ['src/app/*'] } },
    );
    expect(findings).toEqual([
      {
        kind: 'unlisted-dependency',
        path: 'packages/api/src/a.ts',
        line: 3,
        name: 'missing-pkg',
        workspace: 'packages/api',
        reason: 'imported by 2 files in use (first packages/api/src/a.ts:3), but not listed in packages/api/package.json or the root package.json',
        importers: ['packages/api/src/a.ts', 'packages/api/src/b.ts'],
      },
      {
        kind: 'unlisted-dependency',
        path: 'src/root.js',
        line: 1,
        name: '@acme/missing',
        workspace: '',
        reason: 'imported by 1 file in use (src/root.js:1), but not listed in package.json',
        importers: ['src/root.js'],
      },
    ]);
  });

  it("takes Docusaurus's aliases (@docusaurus/Link, @theme/…, @site/…) for uses of @docusaurus/core, not unlisted packages", () => {
    const { findings } = analyse({
      'package.json': json({ name: 'www', dependencies: { '@docusaurus/core': '3', '@docusaurus/preset-classic': '3' } }),
      'src/pages/index.tsx': "import Link from '@docusaurus/Link';\nimport Layout from '@theme/Layout';\nimport logo from '@site/static/logo.svg';\nimport '@docusaurus/preset-classic';\nimport 'left-pad';\n",
    });
    expect(summary(findings)).toEqual(['unlisted-dependency left-pad @ src/pages/index.tsx:5']);
  });

  it('skips built-in modules, path aliases, subpath imports, URLs and other names npm cannot publish', () => {
    const imports = ['node:fs', 'fs/promises', 'path', 'app/missing', '@/lib/x', '~/util', '#internal', 'virtual:pwa', 'bun:sqlite', 'https://esm.sh/react'];
    const { findings } = analyse(
      { 'package.json': json({ name: 'app' }), 'src/index.ts': imports.map((specifier) => `import '${specifier}';\n`).join('') },
      { paths: { 'app/*': ['src/app/*'], '@/*': ['src/*'] } },
    );
    expect(findings).toEqual([]);
  });
});

describe('findDependencyIssues — production mode and broken manifests', () => {
  it('checks only dependencies in production, with uses from production files alone', () => {
    const { findings } = analyse(
      {
        'package.json': json({ name: 'app', dependencies: { runtime: '1', 'test-only': '1' }, devDependencies: { 'never-reported': '1' } }),
        'src/index.js': "import 'runtime';\n",
        'src/index.test.js': "import 'test-only';\n",
      },
      { production: true, live: ['src/index.js'] },
    );
    expect(summary(findings)).toEqual(['dependency test-only @ package.json:5']);
  });

  it('warns about a package.json that is not JSON and checks nothing of that workspace, while its imports still use the root', () => {
    const { findings, warnings } = analyse({
      'package.json': json({ name: 'shop', workspaces: ['packages/*'], devDependencies: { hoisted: '1' } }),
      'packages/bad/package.json': '{ "name": "bad", ',
      'packages/bad/index.js': "import 'hoisted';\nimport 'not-declared';\n",
    });
    expect(findings).toEqual([]);
    expect(warnings).toEqual(['packages/bad/package.json could not be read as a JSON object, so its dependencies were not checked.']);
  });
});
