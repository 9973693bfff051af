import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('astro', () => {
  it('makes endpoints in src/pages and its special files entries, leaving out names starting with _ and component files', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'blog', private: true, dependencies: { astro: '5' } }),
      'astro.config.mjs': "import { defineConfig } from 'astro/config';\nimport react from '@astrojs/react';\nexport default defineConfig({ integrations: [react()] });\n",
      'src/pages/rss.xml.js': code,
      'src/pages/api/posts/[slug].ts': code,
      'src/pages/_helpers.ts': code,
      'src/pages/_components/Card.ts': code,
      'src/pages/Counter.tsx': code,
      'src/middleware/index.ts': code,
      'src/middleware/auth.ts': code,
      'src/content.config.ts': code,
      'src/live.config.ts': code,
      'src/actions/index.ts': code,
      'src/lib/format.ts': code,
    });
    expect(result.entries).toEqual([
      entry('astro.config.mjs', 'config file (astro)', false),
      entry('src/actions/index.ts', 'Astro special file'),
      entry('src/content.config.ts', 'Astro special file'),
      entry('src/live.config.ts', 'Astro special file'),
      entry('src/middleware/index.ts', 'Astro special file'),
      entry('src/pages/api/posts/[slug].ts', 'Astro page (src/pages/)'),
      entry('src/pages/rss.xml.js', 'Astro page (src/pages/)'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("reads astro.config's srcDir, in a workspace whose script runs astro", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/docs/package.json': json({ name: 'docs', private: true, scripts: { build: 'astro build' } }),
      'apps/docs/astro.config.ts': "export default { srcDir: './www' };\n",
      'apps/docs/www/pages/search.json.ts': code,
      'apps/docs/www/middleware.js': code,
      'apps/docs/www/content/config.ts': code,
      'apps/docs/src/pages/old.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/docs/astro.config.ts', 'config file (astro)', false),
      entry('apps/docs/www/content/config.ts', 'Astro special file'),
      entry('apps/docs/www/middleware.js', 'Astro special file'),
      entry('apps/docs/www/pages/search.json.ts', 'Astro page (apps/docs/www/pages/)'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
