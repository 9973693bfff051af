import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('sveltekit', () => {
  it('makes route files, hooks, the service worker, param matchers and instrumentation under src/ entries', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', private: true, type: 'module', devDependencies: { '@sveltejs/kit': '2' } }),
      'svelte.config.js': "import adapter from '@sveltejs/adapter-auto';\nexport default { kit: { adapter: adapter() } };\n",
      'src/routes/+layout.ts': code,
      'src/routes/blog/[slug]/+page.server.ts': code,
      'src/routes/api/+server.js': code,
      'src/routes/blog/helpers.ts': code,
      'src/hooks.server.ts': code,
      'src/hooks.client.js': code,
      'src/hooks.ts': code,
      'src/service-worker/index.ts': code,
      'src/service-worker/cache.ts': code,
      'src/params/integer.ts': code,
      'src/instrumentation.server.ts': code,
      'src/lib/db.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/hooks.client.js', 'SvelteKit hooks'),
      entry('src/hooks.server.ts', 'SvelteKit hooks'),
      entry('src/hooks.ts', 'SvelteKit hooks'),
      entry('src/instrumentation.server.ts', 'SvelteKit server instrumentation'),
      entry('src/params/integer.ts', 'SvelteKit param matcher'),
      entry('src/routes/+layout.ts', 'SvelteKit route file'),
      entry('src/routes/api/+server.js', 'SvelteKit route file'),
      entry('src/routes/blog/[slug]/+page.server.ts', 'SvelteKit route file'),
      entry('src/service-worker/index.ts', 'SvelteKit service worker'),
      entry('svelte.config.js', 'config file (sveltekit)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("follows svelte.config's kit.files, paths computed from the config's folder included", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'docs', private: true, devDependencies: { '@sveltejs/kit': '2' } }),
      'svelte.config.js': [
        "import path from 'node:path';",
        'export default {',
        '  kit: {',
        '    files: {',
        "      routes: path.join(import.meta.dirname, 'site/routes'),",
        "      hooks: { server: 'site/hooks/server', client: 'site/hooks/client' },",
        "      params: 'site/matchers',",
        "      serviceWorker: 'site/sw',",
        '    },',
        '  },',
        '};',
        '',
      ].join('\n'),
      'site/routes/+page.ts': code,
      'site/hooks/server.ts': code,
      'site/hooks/client.ts': code,
      'site/matchers/slug.js': code,
      'site/sw.js': code,
      'src/routes/+page.ts': code,
      'src/hooks.server.ts': code,
    });
    expect(result.entries).toEqual([
      entry('site/hooks/client.ts', 'SvelteKit hooks'),
      entry('site/hooks/server.ts', 'SvelteKit hooks'),
      entry('site/matchers/slug.js', 'SvelteKit param matcher'),
      entry('site/routes/+page.ts', 'SvelteKit route file'),
      entry('site/sw.js', 'SvelteKit service worker'),
      entry('svelte.config.js', 'config file (sveltekit)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
