import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('next', () => {
  it('makes pages, app route files, middleware, instrumentation and mdx-components entries, at the root or under src/', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, dependencies: { next: '15' } }),
      'next.config.mjs': 'export default { reactStrictMode: true };\n',
      'pages/_app.tsx': code,
      'pages/api/hello.ts': code,
      'src/app/layout.tsx': code,
      'src/app/page.tsx': code,
      'src/app/(shop)/cart/[id]/page.jsx': code,
      'src/app/api/route.ts': code,
      'src/app/opengraph-image.tsx': code,
      'src/app/cart-summary.tsx': code,
      'src/app/page.test.mjs': code,
      'src/middleware.ts': code,
      'instrumentation.ts': code,
      'instrumentation-client.js': code,
      'mdx-components.tsx': code,
      'src/lib/db.ts': code,
    });
    expect(result.entries).toEqual([
      entry('instrumentation-client.js', 'Next.js instrumentation'),
      entry('instrumentation.ts', 'Next.js instrumentation'),
      entry('mdx-components.tsx', 'Next.js MDX components (@next/mdx)'),
      entry('next.config.mjs', 'config file (next)', false),
      entry('pages/_app.tsx', 'Next.js page (pages/)'),
      entry('pages/api/hello.ts', 'Next.js page (pages/)'),
      entry('src/app/(shop)/cart/[id]/page.jsx', 'Next.js route file (app/)'),
      entry('src/app/api/route.ts', 'Next.js route file (app/)'),
      entry('src/app/layout.tsx', 'Next.js route file (app/)'),
      entry('src/app/opengraph-image.tsx', 'Next.js route file (app/)'),
      entry('src/app/page.tsx', 'Next.js route file (app/)'),
      entry('src/middleware.ts', 'Next.js middleware'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("takes only files with next.config's pageExtensions, through a wrapper, when a script runs next", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'web', private: true, scripts: { build: 'next build' } }),
      'next.config.js': "const withMDX = require('@next/mdx')();\nmodule.exports = withMDX({ pageExtensions: ['page.tsx', 'page.ts', 'mdx'] });\n",
      'pages/index.page.tsx': code,
      'pages/api/users.page.ts': code,
      'pages/index.test.tsx': code,
      'pages/components/Hero.tsx': code,
      'proxy.page.ts': code,
      'middleware.ts': code,
    });
    expect(result.entries).toEqual([
      entry('next.config.js', 'config file (next)', false),
      entry('pages/api/users.page.ts', 'Next.js page (pages/)'),
      entry('pages/index.page.tsx', 'Next.js page (pages/)'),
      entry('proxy.page.ts', 'Next.js middleware'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
