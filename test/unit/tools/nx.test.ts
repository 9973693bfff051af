import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('nx', () => {
  it('reads the files executor options name, from the workspace root with {workspaceRoot} and {projectRoot}, and the executors and plugins it loads', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'acme', private: true, workspaces: ['libs/*'], devDependencies: { nx: '20' } }),
      'nx.json': json({ plugins: ['@nx/eslint/plugin', { plugin: '@nx/vite/plugin', options: { buildTargetName: 'build' } }, './tools/nx-plugin.ts'] }),
      'tools/nx-plugin.ts': code,
      'apps/web/project.json': json({
        name: 'web',
        projectType: 'application',
        targets: {
          build: {
            executor: '@nx/webpack:webpack',
            outputs: ['{options.outputPath}'],
            options: {
              outputPath: 'dist/apps/web',
              main: 'apps/web/src/main.ts',
              polyfills: 'apps/web/src/polyfills.ts',
              tsConfig: 'apps/web/tsconfig.app.json',
              webpackConfig: '{projectRoot}/webpack.config.js',
              additionalEntryPoints: [{ entryName: 'worker', entryPath: 'apps/web/src/worker.ts' }],
              assets: ['apps/web/src/favicon.ico'],
            },
            configurations: {
              production: { fileReplacements: [{ replace: 'apps/web/src/environments/environment.ts', with: 'apps/web/src/environments/environment.prod.ts' }] },
            },
          },
          test: { executor: '@nx/jest:jest', options: { jestConfig: '{workspaceRoot}/apps/web/jest.config.ts', passWithNoTests: true } },
          lint: { executor: 'nx:run-commands', options: { command: 'eslint apps/web/src/lint-only.ts' } },
        },
      }),
      'apps/web/tsconfig.app.json': json({ extends: '../../tsconfig.base.json' }),
      'apps/web/webpack.config.js': code,
      'apps/web/jest.config.ts': code,
      'apps/web/src/main.ts': code,
      'apps/web/src/polyfills.ts': code,
      'apps/web/src/worker.ts': code,
      'apps/web/src/environments/environment.ts': code,
      'apps/web/src/environments/environment.prod.ts': code,
      'apps/web/src/lint-only.ts': code,
      'apps/admin/project.json': json({
        name: 'admin',
        targets: {
          build: { executor: '@nx/angular:application', options: { browser: '{projectRoot}/src/main.ts', polyfills: ['zone.js'], tsConfig: 'apps/admin/tsconfig.app.json' } },
          test: { executor: '@nx/angular:karma', options: { main: 'apps/admin/src/test.ts', polyfills: ['zone.js', 'zone.js/testing'], karmaConfig: 'apps/admin/karma.conf.js' } },
        },
      }),
      'apps/admin/src/main.ts': code,
      'apps/admin/src/test.ts': code,
      'apps/admin/karma.conf.js': code,
      'libs/util/package.json': json({
        name: '@acme/util',
        main: './dist/index.js',
        nx: { targets: { build: { executor: '@nx/js:tsc', options: { main: '{projectRoot}/src/index.ts', additionalEntryPoints: ['{projectRoot}/src/cli.ts'] } } } },
      }),
      'libs/util/src/index.ts': code,
      'libs/util/src/cli.ts': code,
      'libs/util/src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/admin/karma.conf.js', 'apps/admin/project.json test.karmaConfig', false),
      entry('apps/admin/src/main.ts', 'apps/admin/project.json build.browser'),
      entry('apps/admin/src/test.ts', 'apps/admin/project.json test.main', false),
      entry('apps/web/jest.config.ts', 'apps/web/project.json test.jestConfig', false),
      entry('apps/web/src/environments/environment.prod.ts', 'apps/web/project.json build.fileReplacements'),
      entry('apps/web/src/main.ts', 'apps/web/project.json build.main'),
      entry('apps/web/src/polyfills.ts', 'apps/web/project.json build.polyfills'),
      entry('apps/web/src/worker.ts', 'apps/web/project.json build.additionalEntryPoints'),
      entry('apps/web/webpack.config.js', 'apps/web/project.json build.webpackConfig', false),
      entry('libs/util/src/cli.ts', 'libs/util/package.json "nx" build.additionalEntryPoints'),
      entry('libs/util/src/index.ts', 'libs/util/package.json "main" (dist/index.js → src/index.ts)'),
      entry('tools/nx-plugin.ts', 'nx.json plugins', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@nx/angular', reason: 'apps/admin/project.json build.executor' },
      { workspaceDir: '', name: '@nx/eslint', reason: 'nx.json plugins' },
      { workspaceDir: '', name: '@nx/jest', reason: 'apps/web/project.json test.executor' },
      { workspaceDir: '', name: '@nx/vite', reason: 'nx.json plugins' },
      { workspaceDir: '', name: '@nx/webpack', reason: 'apps/web/project.json build.executor' },
      { workspaceDir: '', name: 'nx', reason: 'apps/web/project.json lint.executor' },
      { workspaceDir: '', name: 'zone.js', reason: 'apps/admin/project.json build.polyfills' },
      { workspaceDir: 'libs/util', name: '@nx/js', reason: 'libs/util/package.json "nx" build.executor' },
    ]);
    // A run-commands command line is not read; a tsconfig that is missing is reported.
    expect(result.warnings).toEqual(['apps/admin/project.json build.tsConfig names apps/admin/tsconfig.app.json, which is not in the repository.']);
  });

  it('resolves options from the folder of nx.json when the Nx workspace is not the repository root, and ignores a project.json without targets', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'repo', private: true }),
      'frontend/package.json': json({ name: 'frontend', private: true, scripts: { build: 'nx run-many -t build' }, devDependencies: { nx: '20' } }),
      'frontend/nx.json': json({ targetDefaults: {} }),
      'frontend/apps/shop/project.json': json({
        name: 'shop',
        targets: { build: { executor: '@nx/esbuild:esbuild', options: { main: '{projectRoot}/src/main.ts', additionalEntryPoints: ['apps/shop/src/{projectName}-worker.ts'], esbuildConfig: 'apps/shop/esbuild.config.cjs' } } },
      }),
      'frontend/apps/shop/src/main.ts': code,
      'frontend/apps/shop/src/shop-worker.ts': code,
      'frontend/apps/shop/esbuild.config.cjs': code,
      'frontend/apps/shop/src/unused.ts': code,
      'legacy/project.json': json({ dependencies: { 'Microsoft.AspNet.Mvc': '6.0.0' }, frameworks: { dnx451: {} } }),
    });
    expect(result.entries).toEqual([
      entry('frontend/apps/shop/esbuild.config.cjs', 'frontend/apps/shop/project.json build.esbuildConfig', false),
      entry('frontend/apps/shop/src/main.ts', 'frontend/apps/shop/project.json build.main'),
      entry('frontend/apps/shop/src/shop-worker.ts', 'frontend/apps/shop/project.json build.additionalEntryPoints'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: 'frontend', name: '@nx/esbuild', reason: 'frontend/apps/shop/project.json build.executor' }]);
    expect(result.warnings).toEqual([]);
  });
});
