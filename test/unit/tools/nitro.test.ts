import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('nitro', () => {
  it('makes the file-based routes and handlers at the package root and under server/ entries, with its config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, scripts: { build: 'nitro build' }, devDependencies: { nitropack: '2' } }),
      'nitro.config.ts': "import { defineNitroConfig } from 'nitropack/config';\n\nexport default defineNitroConfig({ compatibilityDate: '2025-01-01' });\n",
      'routes/index.ts': code,
      'routes/users/[id].get.ts': code,
      'api/health.ts': code,
      'middleware/auth.ts': code,
      'plugins/database.ts': code,
      'tasks/db/migrate.ts': code,
      'server/api/hello.ts': code,
      'server/routes/_ws.ts': code,
      'server/middleware/log.ts': code,
      'server/plugins/sentry.ts': code,
      'server/tasks/cleanup.ts': code,
      'server/utils/format.ts': code,
      'utils/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('api/health.ts', 'Nitro route or handler (file-based)'),
      entry('middleware/auth.ts', 'Nitro route or handler (file-based)'),
      entry('nitro.config.ts', 'config file (nitro)', false),
      entry('plugins/database.ts', 'Nitro route or handler (file-based)'),
      entry('routes/index.ts', 'Nitro route or handler (file-based)'),
      entry('routes/users/[id].get.ts', 'Nitro route or handler (file-based)'),
      entry('server/api/hello.ts', 'Nitro route or handler (file-based)'),
      entry('server/middleware/log.ts', 'Nitro route or handler (file-based)'),
      entry('server/plugins/sentry.ts', 'Nitro route or handler (file-based)'),
      entry('server/routes/_ws.ts', 'Nitro route or handler (file-based)'),
      entry('server/tasks/cleanup.ts', 'Nitro route or handler (file-based)'),
      entry('tasks/db/migrate.ts', 'Nitro route or handler (file-based)'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('also scans the folders the config moves the handlers to: srcDir, serverDir, scanDirs, routesDir and apiDir', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, bin: 'bin/api.js', devDependencies: { nitropack: '2' } }),
      'bin/api.js': code,
      'nitro.config.ts': [
        "import { defineNitroConfig } from 'nitropack/config';",
        "export default defineNitroConfig({ srcDir: 'src', serverDir: './backend', scanDirs: ['extra'], routesDir: 'pages', apiDir: 'endpoints' });",
      ].join('\n'),
      'src/routes/index.ts': code,
      'src/pages/about.ts': code,
      'src/endpoints/users.ts': code,
      'src/utils/db.ts': code,
      'backend/middleware/cors.ts': code,
      'extra/plugins/metrics.ts': code,
      'extra/lib/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('backend/middleware/cors.ts', 'Nitro route or handler (file-based)'),
      entry('bin/api.js', 'package.json "bin"'),
      entry('extra/plugins/metrics.ts', 'Nitro route or handler (file-based)'),
      entry('nitro.config.ts', 'config file (nitro)', false),
      entry('src/endpoints/users.ts', 'Nitro route or handler (file-based)'),
      entry('src/pages/about.ts', 'Nitro route or handler (file-based)'),
      entry('src/routes/index.ts', 'Nitro route or handler (file-based)'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('applies the conventions in each workspace that depends on nitro or runs it, and nowhere else', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/edge/package.json': json({ name: 'edge', private: true, dependencies: { nitro: '3' } }),
      'apps/edge/server/routes/index.ts': code,
      'apps/cli/package.json': json({ name: 'cli', private: true, bin: 'bin/cli.js', scripts: { dev: 'nitropack dev' } }),
      'apps/cli/bin/cli.js': code,
      'apps/cli/api/ping.ts': code,
      'apps/web/package.json': json({ name: 'web', private: true, bin: 'bin/web.js' }),
      'apps/web/bin/web.js': code,
      'apps/web/routes/page.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/cli/api/ping.ts', 'Nitro route or handler (file-based)'),
      entry('apps/cli/bin/cli.js', 'apps/cli/package.json "bin"'),
      entry('apps/edge/server/routes/index.ts', 'Nitro route or handler (file-based)'),
      entry('apps/web/bin/web.js', 'apps/web/package.json "bin"'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
