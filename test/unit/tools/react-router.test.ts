import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('reactRouter', () => {
  it("makes app/'s root, route config and routes/ entries, and names the packages the default entry.server loads", () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'shop',
        private: true,
        scripts: { build: 'react-router build', start: 'react-router-serve ./build/server/index.js' },
        dependencies: { '@react-router/node': '7', '@react-router/serve': '7', isbot: '5', react: '19', 'react-router': '7' },
        devDependencies: { '@react-router/dev': '7' },
      }),
      'react-router.config.ts': "import type { Config } from '@react-router/dev/config';\nexport default { ssr: true } satisfies Config;\n",
      'app/root.tsx': code,
      'app/routes.ts': code,
      'app/routes/_index.tsx': code,
      'app/routes/products.$id.tsx': code,
      'app/routes/account/route.tsx': code,
      'app/routes/account/form.tsx': code,
      'app/routes/.draft.tsx': code,
      'app/welcome/welcome.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('app/root.tsx', 'React Router root, route config or entry (app/)'),
      entry('app/routes.ts', 'React Router root, route config or entry (app/)'),
      entry('app/routes/_index.tsx', 'React Router route module (app/routes/)'),
      entry('app/routes/account/form.tsx', 'React Router route module (app/routes/)'),
      entry('app/routes/account/route.tsx', 'React Router route module (app/routes/)'),
      entry('app/routes/products.$id.tsx', 'React Router route module (app/routes/)'),
      entry('react-router.config.ts', 'config file (react-router)', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@react-router/node', reason: "React Router's default entry.server (app/ has none)" },
      { workspaceDir: '', name: 'isbot', reason: "React Router's default entry.server (app/ has none)" },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('follows appDirectory, finds the client and server entries, and does not take the Vite config --config names for its own', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'web', private: true, scripts: { dev: 'react-router dev --config vite.dev.config.ts' } }),
      'react-router.config.ts': "export default { appDirectory: 'src' };\n",
      'vite.dev.config.ts': 'export default {};\n',
      'src/root.tsx': code,
      'src/routes.ts': code,
      'src/entry.client.tsx': code,
      'src/entry.server.tsx': code,
      'src/routes/home.tsx': code,
      'app/root.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('react-router.config.ts', 'config file (react-router)', false),
      entry('src/entry.client.tsx', 'React Router root, route config or entry (src/)'),
      entry('src/entry.server.tsx', 'React Router root, route config or entry (src/)'),
      entry('src/root.tsx', 'React Router root, route config or entry (src/)'),
      entry('src/routes.ts', 'React Router root, route config or entry (src/)'),
      entry('src/routes/home.tsx', 'React Router route module (src/routes/)'),
      entry('vite.dev.config.ts', 'config file', false),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it("reads remix.config's appDirectory, ignoredRouteFiles and custom server, and a routes function as unreadable", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'remix-app', private: true, scripts: { build: 'remix build' }, dependencies: { '@remix-run/node': '2', isbot: '4' }, devDependencies: { '@remix-run/dev': '2' } }),
      'remix.config.js': [
        '/** @type {import("@remix-run/dev").AppConfig} */',
        'module.exports = {',
        "  appDirectory: 'web',",
        "  ignoredRouteFiles: ['**/*.test.*', '**/*.css'],",
        "  server: './server.ts',",
        '  routes(defineRoutes) {',
        "    return defineRoutes((route) => route('/legacy', 'legacy/page.tsx'));",
        '  },',
        '};',
        '',
      ].join('\n'),
      'server.ts': code,
      'web/root.tsx': code,
      'web/entry.client.tsx': code,
      'web/routes/_index.tsx': code,
      'web/routes/_index.test.tsx': code,
      'web/legacy/page.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('remix.config.js', 'config file (react-router)', false),
      entry('server.ts', 'remix.config.js server'),
      entry('web/entry.client.tsx', 'Remix root, route config or entry (web/)'),
      entry('web/root.tsx', 'Remix root, route config or entry (web/)'),
      entry('web/routes/_index.tsx', 'Remix route module (web/routes/)'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@remix-run/node', reason: "Remix's default entry.server (web/ has none)" },
      { workspaceDir: '', name: 'isbot', reason: "Remix's default entry.server (web/ has none)" },
    ]);
    expect(result.unreadableEntries).toEqual([{ workspaceDir: '', origin: 'remix.config.js routes' }]);
    expect(result.warnings).toEqual([]);
  });
});
