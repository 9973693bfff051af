import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('vercel', () => {
  it('with a vercel.json, takes the files under api/ its Node.js runtime builds, but no _ or . names and no .d.ts', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'src/main.ts', devDependencies: { vite: '^6.0.0' } }),
      'vercel.json': json({ rewrites: [{ source: '/(.*)', destination: '/' }] }),
      'src/main.ts': code,
      'api/hello.ts': code,
      'api/users/[id].js': code,
      'api/edge.mjs': code,
      'api/og.tsx': code,
      'api/_lib/db.ts': code,
      'api/_util.ts': code,
      'api/.hidden.ts': code,
      'api/types.d.ts': code,
      'api/legacy.cjs': code,
      'lib/api/not-root.ts': code,
    });
    expect(result.entries).toEqual([
      entry('api/edge.mjs', 'Vercel function (api/)'),
      entry('api/hello.ts', 'Vercel function (api/)'),
      entry('api/og.tsx', 'Vercel function (api/)'),
      entry('api/users/[id].js', 'Vercel function (api/)'),
      entry('src/main.ts', 'package.json "main"'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('with the `vercel` package but no vercel.json, in the package’s own folder', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/web/package.json': json({ name: 'web', private: true, main: 'index.js', devDependencies: { vercel: '^39.0.0' } }),
      'apps/web/index.js': code,
      'apps/web/api/ping.ts': code,
      'apps/other/package.json': json({ name: 'other', private: true, main: 'index.js' }),
      'apps/other/index.js': code,
      'apps/other/api/ping.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/other/index.js', 'apps/other/package.json "main"'),
      entry('apps/web/api/ping.ts', 'Vercel function (api/)'),
      entry('apps/web/index.js', 'apps/web/package.json "main"'),
    ]);
  });

  it('leaves api/ to a framework that owns routing, and builds only what legacy `builds` names', () => {
    const next = entryPointsOf({
      'package.json': json({ name: 'app', private: true, dependencies: { next: '^15.0.0' } }),
      'vercel.json': json({ regions: ['iad1'] }),
      'api/stale.ts': code,
      'pages/index.tsx': code,
    });
    expect(next.entries).toEqual([entry('pages/index.tsx', 'Next.js page (pages/)')]);
    const builds = entryPointsOf({
      'package.json': json({ name: 'server', private: true }),
      'now.json': json({ version: 2, builds: [{ src: 'server/index.ts', use: '@vercel/node' }, { src: 'functions/*.js', use: '@now/node@1.0.0' }, { src: 'public/**', use: '@vercel/static' }, { src: 'gone.js', use: '@vercel/node' }] }),
      'server/index.ts': code,
      'functions/a.js': code,
      'api/not-built.ts': code,
    });
    expect(builds.entries).toEqual([
      entry('functions/a.js', 'now.json builds'),
      entry('server/index.ts', 'now.json builds'),
    ]);
    expect(builds.warnings).toEqual(['now.json builds names gone.js, which is not in the repository.']);
  });

  it('does nothing without a vercel.json or the `vercel` package', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'src/main.ts' }),
      'src/main.ts': code,
      'api/hello.ts': code,
    });
    expect(result.entries).toEqual([entry('src/main.ts', 'package.json "main"')]);
  });
});
