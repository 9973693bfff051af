import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const packages = (result: ReturnType<typeof entryPointsOf>): string[] => result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`);

describe('angular', () => {
  it('takes the files of every target of angular.json from the workspace root, its builders and the packages named for files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'conduit', private: true, devDependencies: { '@angular/cli': '^19.0.0' } }),
      'angular.json': json({
        version: 1,
        projects: {
          conduit: {
            root: '',
            sourceRoot: 'src',
            architect: {
              build: {
                builder: '@angular-devkit/build-angular:application',
                options: {
                  browser: 'src/bootstrap.ts',
                  server: 'src/main.server.ts',
                  polyfills: ['zone.js', 'src/polyfills.ts'],
                  tsConfig: 'tsconfig.app.json',
                  styles: ['src/styles.scss', { input: 'src/theme.css' }],
                  scripts: ['src/legacy.js', { input: 'node_modules/marked/marked.min.js' }, './node_modules/@popperjs/core/dist/umd/popper.js'],
                  ssr: { entry: 'src/server.ts' },
                },
                configurations: { production: { fileReplacements: [{ replace: 'src/environments/environment.ts', with: 'src/environments/environment.prod.ts' }] } },
              },
              serve: { builder: '@angular-devkit/build-angular:dev-server' },
              test: { builder: '@angular-devkit/build-angular:karma', options: { main: 'src/test.ts', polyfills: ['zone.js/testing'], karmaConfig: 'karma.conf.js' } },
            },
          },
          admin: {
            root: 'projects/admin',
            targets: { build: { builder: '@angular/build:application', options: { browser: 'projects/admin/src/main.ts' } }, lint: { builder: '@angular-eslint/builder:lint', options: { lintFilePatterns: ['projects/admin/**/*.ts'] } } },
          },
        },
      }),
      'src/bootstrap.ts': code,
      'src/main.server.ts': code,
      'src/polyfills.ts': code,
      'src/server.ts': code,
      'src/legacy.js': code,
      'src/test.ts': code,
      'src/environments/environment.ts': code,
      'src/environments/environment.prod.ts': code,
      'src/app/unused.ts': code,
      'karma.conf.js': 'module.exports = function (config) { config.set({}); };\n',
      'projects/admin/src/main.ts': code,
    });
    expect(result.entries).toEqual([
      entry('karma.conf.js', 'config file (karma)', false),
      entry('projects/admin/src/main.ts', 'angular.json admin build.browser'),
      entry('src/bootstrap.ts', 'angular.json conduit build.browser'),
      entry('src/environments/environment.prod.ts', 'angular.json conduit build.fileReplacements'),
      entry('src/legacy.js', 'angular.json conduit build.scripts'),
      entry('src/main.server.ts', 'angular.json conduit build.server'),
      entry('src/polyfills.ts', 'angular.json conduit build.polyfills'),
      entry('src/server.ts', 'angular.json conduit build.ssr'),
      entry('src/test.ts', 'angular.json conduit test.main', false),
    ]);
    expect(packages(result)).toEqual([
      '@angular-devkit/build-angular ← angular.json conduit build.builder',
      '@angular-eslint/builder ← angular.json admin lint.builder',
      '@angular/build ← angular.json admin build.builder',
      '@popperjs/core ← angular.json conduit build.scripts',
      'marked ← angular.json conduit build.scripts',
      'zone.js ← angular.json conduit build.polyfills',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes the files of each app of an Angular CLI 1 .angular-cli.json, from the app root', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'legacy', private: true, devDependencies: { '@angular/cli': '1.7.4' } }),
      '.angular-cli.json': json({
        apps: [
          {
            root: 'client',
            main: 'main.ts',
            polyfills: 'polyfills.ts',
            test: 'test.ts',
            tsconfig: 'tsconfig.app.json',
            styles: ['styles.css'],
            scripts: ['../scripts/analytics.js'],
            environmentSource: 'environments/environment.ts',
            environments: { dev: 'environments/environment.ts', prod: 'environments/environment.prod.ts' },
          },
        ],
      }),
      'client/main.ts': code,
      'client/polyfills.ts': code,
      'client/test.ts': code,
      'client/environments/environment.ts': code,
      'client/environments/environment.prod.ts': code,
      'scripts/analytics.js': code,
    });
    expect(result.entries).toEqual([
      entry('client/environments/environment.prod.ts', '.angular-cli.json apps[0].environments'),
      entry('client/environments/environment.ts', '.angular-cli.json apps[0].environments'),
      entry('client/main.ts', '.angular-cli.json apps[0].main'),
      entry('client/polyfills.ts', '.angular-cli.json apps[0].polyfills'),
      entry('client/test.ts', '.angular-cli.json apps[0].test', false),
      entry('scripts/analytics.js', '.angular-cli.json apps[0].scripts'),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
