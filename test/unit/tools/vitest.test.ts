import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('vitest', () => {
  it('reads test.include minus test.exclude, type tests, setup modules, reporters, environment and coverage packages, and __mocks__', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.ts', scripts: { test: 'vitest run' }, devDependencies: { vitest: '4' } }),
      'vitest.config.ts': [
        "import { defineConfig } from 'vitest/config';",
        'export default defineConfig({',
        '  test: {',
        "    include: ['src/**/*.test.ts', 'test/**/*.spec.ts'],",
        "    exclude: ['test/slow/**'],",
        "    typecheck: { include: ['types/**/*.check.ts'] },",
        "    setupFiles: ['./test/setup.ts', '@testing-library/jest-dom/vitest'],",
        "    globalSetup: 'test/global-setup',",
        "    environment: 'happy-dom',",
        "    reporters: ['default', './test/reporter.ts', ['vitest-sonar-reporter', { outputFile: 'sonar.xml' }]],",
        "    coverage: { provider: 'v8' },",
        '  },',
        '});',
      ].join('\n'),
      'vite.config.ts': "export default { build: { lib: { entry: 'src/index.ts' } } };\n",
      'src/index.ts': code,
      'src/sum.test.ts': code,
      'src/__mocks__/fs.ts': code,
      'test/api.spec.ts': code,
      'test/slow/big.spec.ts': code,
      'test/setup.ts': code,
      'test/global-setup.ts': code,
      'test/reporter.ts': code,
      'types/index.check.ts': code,
      'src/other.spec.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/__mocks__/fs.ts', '__mocks__ folder (vitest)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('src/sum.test.ts', 'test file (vitest)', false),
      entry('test/api.spec.ts', 'test file (vitest)', false),
      entry('test/global-setup.ts', 'vitest.config.ts test.globalSetup', false),
      entry('test/reporter.ts', 'vitest.config.ts test.reporters', false),
      entry('test/setup.ts', 'vitest.config.ts test.setupFiles', false),
      entry('types/index.check.ts', 'type test (vitest typecheck)', false),
      entry('vite.config.ts', 'config file (vite)', false),
      entry('vitest.config.ts', 'config file (vitest)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@testing-library/jest-dom', reason: 'vitest.config.ts test.setupFiles' },
      { workspaceDir: '', name: '@vitest/coverage-v8', reason: 'vitest.config.ts test.coverage.provider' },
      { workspaceDir: '', name: 'happy-dom', reason: 'vitest.config.ts test.environment' },
      { workspaceDir: '', name: 'vitest-sonar-reporter', reason: 'vitest.config.ts test.reporters' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('runs the defaults without a config, and the projects of a workspace file: inline, config files and bare folders', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'], scripts: { test: 'vitest' }, devDependencies: { vitest: '4' } }),
      'vitest.workspace.ts': "export default ['packages/*', { test: { name: 'e2e', include: ['e2e/**/*.e2e.ts'], environment: 'edge-runtime' } }];\n",
      'e2e/login.e2e.ts': code,
      'packages/web/package.json': json({ name: 'web', main: 'src/index.ts' }),
      'packages/web/vite.config.mts': "export default { test: { include: ['tests/**/*.ts'], environment: 'jsdom' } };\n",
      'packages/web/src/index.ts': code,
      'packages/web/tests/app.ts': code,
      'packages/core/package.json': json({ name: 'core', main: 'src/index.ts', devDependencies: { vitest: '4' } }),
      'packages/core/src/index.ts': code,
      'packages/core/src/math.test.ts': code,
      'packages/core/src/math.test-d.ts': code,
    });
    expect(result.entries).toEqual([
      entry('e2e/login.e2e.ts', 'test file (vitest)', false),
      entry('packages/core/src/index.ts', 'packages/core/package.json "main"'),
      entry('packages/core/src/math.test-d.ts', 'type test (vitest typecheck)', false),
      entry('packages/core/src/math.test.ts', 'test file (vitest)', false),
      entry('packages/web/src/index.ts', 'packages/web/package.json "main"'),
      entry('packages/web/tests/app.ts', 'test file (vitest)', false),
      // The workspace file reaches it first, as a project's config.
      entry('packages/web/vite.config.mts', 'config file (vitest)', false),
      entry('vitest.workspace.ts', 'config file (vitest)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@edge-runtime/vm', reason: 'vitest.workspace.ts projects test.environment' },
      { workspaceDir: '', name: 'jsdom', reason: 'packages/web/vite.config.mts test.environment' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('falls back to vite.config only when vitest runs, and reads test.projects', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/used/package.json': json({ name: 'used', main: 'index.ts', scripts: { test: 'vitest --run' } }),
      'apps/used/index.ts': code,
      'apps/used/vite.config.ts': "export default { test: { projects: [{ test: { name: 'unit', include: ['spec/**/*.ts'] } }, 'tools'] } };\n",
      'apps/used/spec/a.ts': code,
      'apps/used/tools/vitest.config.ts': "export default { test: { setupFiles: ['setup.ts'] } };\n",
      'apps/used/tools/setup.ts': code,
      'apps/used/tools/run.test.ts': code,
      'apps/unused/package.json': json({ name: 'unused', main: 'index.ts', devDependencies: { vite: '7' } }),
      'apps/unused/index.ts': code,
      'apps/unused/vite.config.ts': "export default { test: { include: ['spec/**/*.ts'] } };\n",
      'apps/unused/spec/b.ts': code,
      'apps/unused/src/c.test.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/unused/index.ts', 'apps/unused/package.json "main"'),
      entry('apps/unused/vite.config.ts', 'config file (vite)', false),
      entry('apps/used/index.ts', 'apps/used/package.json "main"'),
      entry('apps/used/spec/a.ts', 'test file (vitest)', false),
      entry('apps/used/tools/run.test.ts', 'test file (vitest)', false),
      entry('apps/used/tools/setup.ts', 'apps/used/tools/vitest.config.ts test.setupFiles', false),
      entry('apps/used/tools/vitest.config.ts', 'config file (vitest)', false),
      entry('apps/used/vite.config.ts', 'config file (vite)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
