import { describe, expect, it } from 'vitest';
import { discoverProject } from '../../analyzers/discover/discover-project.js';
import { detectGeneratedContent } from '../../analyzers/discover/generated-content.js';
import type { ProjectTree } from '../../analyzers/discover/project-tree.js';

/** A commit's tracked files, and optionally what `npm install` put into node_modules/ of the working tree. */
function projectTree(tracked: Record<string, string>, installed: Record<string, string> = {}): ProjectTree {
  const trackedFiles = new Map(Object.entries(tracked));
  const installedFiles = new Map(Object.entries(installed));
  return {
    paths: [...trackedFiles.keys()],
    readFile: (path) => trackedFiles.get(path),
    readInstalledFile: (path) => installedFiles.get(path),
  };
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

describe('discoverProject — package manager and workspaces', () => {
  it('lists the root package, then the npm workspace packages matched by a glob, and nothing vendored or nested', () => {
    const discovery = discoverProject(
      projectTree({
        'package.json': json({ name: 'shop', workspaces: ['packages/*'] }),
        'package-lock.json': '{}',
        'packages/api/package.json': json({ name: '@shop/api' }),
        'packages/web/package.json': json({ name: '@shop/web' }),
        'packages/web/fixtures/demo/package.json': json({ name: 'demo' }),
        'packages/unnamed/package.json': json({ private: true }),
        'node_modules/left-pad/package.json': json({ name: 'left-pad' }),
      }),
    );
    expect(discovery.packageManager).toBe('npm');
    expect(discovery.workspaces).toEqual([
      { dir: '', name: 'shop', packageJsonPath: 'package.json' },
      { dir: 'packages/api', name: '@shop/api', packageJsonPath: 'packages/api/package.json' },
      { dir: 'packages/unnamed', name: null, packageJsonPath: 'packages/unnamed/package.json' },
      { dir: 'packages/web', name: '@shop/web', packageJsonPath: 'packages/web/package.json' },
    ]);
    expect(discovery.warnings).toEqual([]);
  });

  it('reads pnpm-workspace.yaml, where a "!" pattern removes packages the others matched', () => {
    const discovery = discoverProject(
      projectTree({
        'package.json': json({ name: 'mono', private: true }),
        'pnpm-lock.yaml': 'lockfileVersion: 9.0\n',
        'pnpm-workspace.yaml': "packages:\n  - 'packages/**'\n  - './tools/cli/'\n  - '!**/test/**'\n",
        'packages/core/package.json': json({ name: '@m/core' }),
        'packages/core/test/fixture/package.json': json({ name: 'fixture' }),
        'packages/ui/button/package.json': json({ name: '@m/button' }),
        'tools/cli/package.json': json({ name: '@m/cli' }),
      }),
    );
    expect(discovery.packageManager).toBe('pnpm');
    expect(discovery.workspaces.map(({ dir }) => dir)).toEqual(['', 'packages/core', 'packages/ui/button', 'tools/cli']);
    expect(discovery.warnings).toEqual([]);
  });

  it('reads the yarn `{ packages }` form and says when a pattern matches nothing', () => {
    const discovery = discoverProject(
      projectTree({
        'package.json': json({ workspaces: { packages: ['apps/*', 'tools/*'], nohoist: ['**/react-native'] } }),
        'yarn.lock': '',
        'apps/mobile/package.json': json({ name: 'mobile' }),
      }),
    );
    expect(discovery.packageManager).toBe('yarn');
    expect(discovery.workspaces).toEqual([
      { dir: '', name: null, packageJsonPath: 'package.json' },
      { dir: 'apps/mobile', name: 'mobile', packageJsonPath: 'apps/mobile/package.json' },
    ]);
    expect(discovery.warnings).toEqual(['Workspace pattern "tools/*" matches no directory with a package.json.']);
  });

  it('trusts the packageManager field over lockfiles, and reports several lockfiles when nothing decides', () => {
    const declared = discoverProject(
      projectTree({ 'package.json': json({ packageManager: 'pnpm@9.12.0+sha512.abc' }), 'package-lock.json': '{}' }),
    );
    expect(declared.packageManager).toBe('pnpm');

    const ambiguous = discoverProject(projectTree({ 'package.json': '{}', 'yarn.lock': '', 'package-lock.json': '{}' }));
    expect(ambiguous.packageManager).toBe('yarn');
    expect(ambiguous.warnings).toEqual(['Several lockfiles are tracked (yarn.lock, package-lock.json); assuming yarn.']);
  });

  it('keeps going with warnings when package.json or pnpm-workspace.yaml is broken', () => {
    const discovery = discoverProject(
      projectTree({
        'package.json': '{ "name": "broken", }',
        'pnpm-workspace.yaml': 'packages: [unclosed\n',
        'packages/a/package.json': json({ name: 'a' }),
      }),
    );
    expect(discovery.packageManager).toBe('pnpm');
    expect(discovery.workspaces).toEqual([{ dir: '', name: null, packageJsonPath: null }]);
    expect(discovery.warnings).toHaveLength(2);
    expect(discovery.warnings[0]).toBe('package.json is not a valid JSON object (ignored).');
    expect(discovery.warnings[1]).toMatch(/^pnpm-workspace\.yaml is not valid YAML \(.+\): its workspace packages are missing\.$/);
  });
});

describe('discoverProject — tsconfig files', () => {
  it('follows an extends chain written with comments and trailing commas, resolving paths against the file that declares them', () => {
    const discovery = discoverProject(
      projectTree({
        'tsconfig.base.json': `{
          // shared by every package
          "compilerOptions": {
            "baseUrl": ".",
            "paths": { "@shop/*": ["packages/*/src"], },
            "module": "NodeNext", /* tsc accepts any case */
            "moduleResolution": "NodeNext",
            "allowJs": true,
          },
        }`,
        'packages/web/tsconfig.json': `{
          "extends": "../../tsconfig.base", // no .json, as tsc allows
          "compilerOptions": { "outDir": "lib", "rootDir": "./src", "jsx": "react-jsx", },
          "references": [{ "path": "../api" }],
          "include": ["src"],
        }`,
        'packages/api/tsconfig.json': json({ compilerOptions: { composite: true } }),
      }),
    );
    const web = discovery.tsconfigs.find(({ path }) => path === 'packages/web/tsconfig.json');
    expect(web).toEqual({
      path: 'packages/web/tsconfig.json',
      extendsChain: ['tsconfig.base.json'],
      compilerOptions: {
        baseUrl: '',
        paths: { '@shop/*': ['packages/*/src'] },
        module: 'nodenext',
        moduleResolution: 'nodenext',
        allowJs: true,
        outDir: 'packages/web/lib',
        rootDir: 'packages/web/src',
        jsx: 'react-jsx',
      },
      references: ['packages/api/tsconfig.json'],
      include: ['src'],
      exclude: null,
      files: null,
    });
    expect(discovery.tsconfigs.map(({ path }) => path)).toEqual([
      'packages/api/tsconfig.json',
      'packages/web/tsconfig.json',
      'tsconfig.base.json',
    ]);
    expect(discovery.warnings).toEqual([]);
  });

  it('resolves inherited paths without baseUrl from the declaring file, and against a baseUrl set further down', () => {
    const discovery = discoverProject(
      projectTree({
        'config/tsconfig.paths.json': json({ compilerOptions: { paths: { '~/*': ['../src/*'] } } }),
        'tsconfig.json': json({ extends: './config/tsconfig.paths.json' }),
        'app/tsconfig.json': json({ extends: '../config/tsconfig.paths.json', compilerOptions: { baseUrl: 'src' } }),
      }),
    );
    const options = Object.fromEntries(discovery.tsconfigs.map(({ path, compilerOptions }) => [path, compilerOptions]));
    expect(options['tsconfig.json']).toEqual({ paths: { '~/*': ['src/*'] } });
    expect(options['app/tsconfig.json']).toEqual({ baseUrl: 'app/src', paths: { '~/*': ['app/src/*'] } });
  });

  it('extends a config from an installed package, looked up in node_modules from the package directory upwards', () => {
    const installed = {
      'node_modules/@tsconfig/node20/tsconfig.json': json({
        compilerOptions: { module: 'node16', moduleResolution: 'node16', outDir: '${configDir}/dist' },
      }),
    };
    const discovery = discoverProject(
      projectTree(
        {
          'packages/server/tsconfig.json': json({ extends: '@tsconfig/node20/tsconfig.json', compilerOptions: { module: 'ESNext' } }),
        },
        installed,
      ),
    );
    expect(discovery.tsconfigs).toEqual([
      expect.objectContaining({
        path: 'packages/server/tsconfig.json',
        extendsChain: ['node_modules/@tsconfig/node20/tsconfig.json'],
        compilerOptions: { module: 'esnext', moduleResolution: 'node16', outDir: 'packages/server/dist' },
      }),
    ]);
    expect(discovery.warnings).toEqual([]);
  });

  it('keeps a config whose package extends is not installed, and says node_modules is where it looked', () => {
    const discovery = discoverProject(
      projectTree({
        'tsconfig.json': json({ extends: '@tsconfig/node20/tsconfig.json', compilerOptions: { outDir: 'lib' } }),
      }),
    );
    expect(discovery.tsconfigs[0]?.compilerOptions).toEqual({ outDir: 'lib' });
    expect(discovery.warnings).toEqual([
      'tsconfig.json: extends "@tsconfig/node20/tsconfig.json" not found in node_modules (dependencies not installed?); its options are left out.',
    ]);
  });

  it('explains an extends path written without "./", which tsc reads as a package name', () => {
    const discovery = discoverProject(
      projectTree({ 'tsconfig.base.json': '{}', 'tsconfig.json': json({ extends: 'tsconfig.base.json' }) }),
    );
    expect(discovery.warnings).toEqual([
      'tsconfig.json: extends "tsconfig.base.json" not found in node_modules (a path needs "./" in front, or TypeScript reads it as a package name); its options are left out.',
    ]);
  });

  it('reports a circular extends once and still merges the rest of the chain', () => {
    const discovery = discoverProject(
      projectTree({
        'tsconfig.json': json({ extends: './tsconfig.a.json', compilerOptions: { jsx: 'preserve' } }),
        'tsconfig.a.json': json({ extends: './tsconfig.b', compilerOptions: { module: 'commonjs' } }),
        'tsconfig.b.json': json({ extends: './tsconfig.a.json', compilerOptions: { allowJs: true } }),
        'tsconfig.self.json': json({ extends: './tsconfig.self.json' }),
      }),
    );
    expect(discovery.warnings).toEqual([
      'Circular extends: tsconfig.a.json → tsconfig.b.json → tsconfig.a.json (the last link is ignored).',
      'Circular extends: tsconfig.self.json → tsconfig.self.json (the last link is ignored).',
    ]);
    const root = discovery.tsconfigs.find(({ path }) => path === 'tsconfig.json');
    expect(root?.extendsChain).toEqual(['tsconfig.a.json', 'tsconfig.b.json']);
    expect(root?.compilerOptions).toEqual({ allowJs: true, module: 'commonjs', jsx: 'preserve' });
  });

  it('uses defaults for a config that is not valid JSON, also in the configs that extend it', () => {
    const discovery = discoverProject(
      projectTree({
        'tsconfig.base.json': '{ "compilerOptions": { "strict": true "outDir": "out" } }',
        'tsconfig.json': json({ extends: './tsconfig.base.json', compilerOptions: { jsx: 'react' } }),
      }),
    );
    expect(discovery.warnings).toEqual(["tsconfig.base.json is not valid JSON (line 1: comma expected); defaults used."]);
    expect(discovery.tsconfigs.map(({ path, compilerOptions }) => ({ path, compilerOptions }))).toEqual([
      { path: 'tsconfig.base.json', compilerOptions: {} },
      { path: 'tsconfig.json', compilerOptions: { jsx: 'react' } },
    ]);
  });
});

describe('discoverProject — code files', () => {
  it('leaves out vendored, built, minified and generated files with the reason a user reads', () => {
    const discovery = discoverProject(
      projectTree({
        'package.json': json({ name: 'app' }),
        'tsconfig.json': json({ compilerOptions: { outDir: 'lib' } }),
        'README.md': '# app',
        'src/index.ts': '',
        'src/view.tsx': '',
        'src/types.d.ts': '',
        'src/legacy.cjs': '',
        'build/webpack.config.js': '',
        'dist/index.js': '',
        'packages/ui/dist/index.d.ts': '',
        'lib/index.js': '',
        'lib/index.d.ts': '',
        'public/jquery.min.js': '',
        'node_modules/left-pad/index.js': '',
        'src/__generated__/schema.ts': '',
        'coverage/lcov-report/prettify.js': '',
      }),
    );
    expect(discovery.codeFiles).toEqual([
      'build/webpack.config.js',
      'src/index.ts',
      'src/legacy.cjs',
      'src/types.d.ts',
      'src/view.tsx',
    ]);
    expect(discovery.excluded).toEqual([
      { path: 'coverage/lcov-report/prettify.js', reason: 'test coverage report (coverage/)' },
      { path: 'dist/index.js', reason: 'build output (dist/)' },
      { path: 'lib/index.d.ts', reason: 'build output (lib/, the outDir of tsconfig.json)' },
      { path: 'lib/index.js', reason: 'build output (lib/, the outDir of tsconfig.json)' },
      { path: 'node_modules/left-pad/index.js', reason: 'vendored (node_modules/)' },
      { path: 'packages/ui/dist/index.d.ts', reason: 'build output (dist/)' },
      { path: 'public/jquery.min.js', reason: 'minified (.min.js)' },
      { path: 'src/__generated__/schema.ts', reason: 'generated (__generated__/)' },
    ]);
  });

  it('ignores tsconfig files of vendored packages and build output', () => {
    const discovery = discoverProject(
      projectTree({ 'tsconfig.json': '{}', 'node_modules/x/tsconfig.json': '{}', 'dist/tsconfig.json': '{}' }),
    );
    expect(discovery.tsconfigs.map(({ path }) => path)).toEqual(['tsconfig.json']);
  });
});

describe('detectGeneratedContent', () => {
  it('recognises a 5 MB minified bundle quickly', () => {
    const bundle = 'function a(b){return b+1};var c=a(2),d=[c,c];'.repeat(110_000);
    const started = performance.now();
    const reason = detectGeneratedContent('public/app.js', bundle)?.reason;
    expect(performance.now() - started).toBeLessThan(500);
    expect(reason).toBe(`minified (average line length ${bundle.length} characters)`);
  });

  it('calls JavaScript over 1 MB bundled or generated even when its lines are short', () => {
    const text = 'export const value = 1;\n'.repeat(50_000);
    expect(detectGeneratedContent('src/table.js', text)).toEqual({ reason: 'bundled or generated (over 1 MB of JavaScript)', byGenerator: false });
    expect(detectGeneratedContent('src/table.ts', text)).toBeNull();
  });

  it('quotes the generator header', () => {
    const text = '// Code generated by protoc. DO NOT EDIT.\n// source: user.proto\n\nexport class User {}\n';
    // Still code whose imports count: only its header says a tool wrote it.
    expect(detectGeneratedContent('src/user_pb.ts', text)).toEqual({ reason: 'generated (header: "// Code generated by protoc. DO NOT EDIT.")', byGenerator: true });
  });

  it('finds an @generated marker below a licence block', () => {
    const licence = ['/**', ' * Copyright (c) Example.', ' * Licensed under the MIT licence.', ' */'];
    const text = [...licence, '/**', ' * @generated SignedSource<<abc>>', ' */', 'export {};'].join('\n');
    expect(detectGeneratedContent('src/relay.ts', text)?.reason).toBe('generated (header: "* @generated SignedSource<<abc>>")');
  });

  it('leaves hand-written code alone, even code that mentions the marker words', () => {
    const text = [
      "import { render } from './render.js';",
      '',
      "const banner = 'Code generated by our tool. DO NOT EDIT.';",
      'export function main(): void {',
      '  render(banner);',
      '}',
    ].join('\n');
    expect(detectGeneratedContent('src/main.ts', text)).toBeNull();
  });
});
