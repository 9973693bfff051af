import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('vitepress', () => {
  it('makes the config and the theme entry of every .vitepress folder and the data loaders entries, but not the files they import', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.ts', devDependencies: { vitepress: '1' } }),
      'src/index.ts': code,
      'docs/.vitepress/config.mts': code,
      'docs/.vitepress/theme/index.ts': code,
      'docs/.vitepress/theme/Layout.ts': code,
      'docs/.vitepress/shared.ts': code,
      'site/guide/.vitepress/config.js': code,
      'site/guide/.vitepress/theme/index.mjs': code,
      'docs/guide/posts.data.ts': code,
      'docs/guide/posts.ts': code,
    });
    expect(result.entries).toEqual([
      entry('docs/.vitepress/config.mts', 'VitePress config or theme (.vitepress/)'),
      entry('docs/.vitepress/theme/index.ts', 'VitePress config or theme (.vitepress/)'),
      entry('docs/guide/posts.data.ts', 'VitePress data loader (*.data.js: VitePress calls its default export)'),
      entry('site/guide/.vitepress/config.js', 'VitePress config or theme (.vitepress/)'),
      entry('site/guide/.vitepress/theme/index.mjs', 'VitePress config or theme (.vitepress/)'),
      entry('src/index.ts', 'package.json "main"'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('applies when a script runs vitepress without the package being declared, and only in that workspace', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/docs/package.json': json({ name: 'docs', private: true, scripts: { build: 'npx vitepress build .' } }),
      'packages/docs/.vitepress/config.ts': code,
      'packages/app/package.json': json({ name: 'app', private: true, bin: 'cli.js' }),
      'packages/app/cli.js': code,
      'packages/app/.vitepress/config.ts': code,
    });
    expect(result.entries).toEqual([
      entry('packages/app/cli.js', 'packages/app/package.json "bin"'),
      entry('packages/docs/.vitepress/config.ts', 'VitePress config or theme (.vitepress/)'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
