import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('netlify', () => {
  it('with a netlify.toml, takes each function of the default folders: files, and a folder’s <name>.* or else index.*', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'src/main.ts' }),
      'netlify.toml': '[build]\ncommand = "npm run build"\npublish = "dist"\n',
      'src/main.ts': code,
      'netlify/functions/hello.mts': code,
      'netlify/functions/legacy.js': code,
      'netlify/functions/notes.md': '# not code\n',
      'netlify/functions/checkout/checkout.ts': code,
      'netlify/functions/checkout/index.ts': code,
      'netlify/functions/checkout/stripe.ts': code,
      'netlify/functions/search/index.js': code,
      'netlify/functions/search/deep/nested.ts': code,
      'netlify/edge-functions/geo.tsx': code,
      'netlify/edge-functions/auth/index.ts': code,
      'netlify/edge-functions/old.mjs': code,
    });
    expect(result.entries).toEqual([
      entry('netlify/edge-functions/auth/index.ts', 'Netlify edge function (netlify/edge-functions)'),
      entry('netlify/edge-functions/geo.tsx', 'Netlify edge function (netlify/edge-functions)'),
      entry('netlify/functions/checkout/checkout.ts', 'Netlify function (netlify/functions)'),
      entry('netlify/functions/hello.mts', 'Netlify function (netlify/functions)'),
      entry('netlify/functions/legacy.js', 'Netlify function (netlify/functions)'),
      entry('netlify/functions/search/index.js', 'Netlify function (netlify/functions)'),
      entry('src/main.ts', 'package.json "main"'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the folders netlify.toml names from its base directory, and the build plugins it loads', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['site'] }),
      'netlify.toml': [
        '[build]',
        'base = "site"',
        'edge_functions = "edge"',
        '',
        '[functions]',
        'directory = "lambda"',
        'node_bundler = "esbuild"',
        '',
        '[functions."slow"]',
        'timeout = 26',
        '',
        '[[plugins]]',
        'package = "@netlify/plugin-lighthouse"',
        '',
        '[[plugins]]',
        'package = "/plugins/cache-things"',
        '',
        '[[plugins]]',
        '  package = "netlify-plugin-cypress"',
        '  [plugins.inputs]',
        '  enable = true',
        '',
      ].join('\n'),
      'site/package.json': json({ name: 'site', private: true, main: 'app.ts' }),
      'site/app.ts': code,
      'site/lambda/slow.ts': code,
      'site/edge/rewrite.js': code,
      'site/netlify/functions/ignored.ts': code,
      'site/plugins/cache-things/index.js': code,
      'site/plugins/cache-things/manifest.yml': 'name: cache-things\n',
    });
    expect(result.entries).toEqual([
      entry('site/app.ts', 'site/package.json "main"'),
      entry('site/edge/rewrite.js', 'Netlify edge function (site/edge)'),
      entry('site/lambda/slow.ts', 'Netlify function (site/lambda)'),
      entry('site/plugins/cache-things/index.js', 'netlify.toml plugins', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@netlify/plugin-lighthouse', reason: 'netlify.toml plugins' },
      { workspaceDir: '', name: 'netlify-plugin-cypress', reason: 'netlify.toml plugins' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes the legacy `[build] functions` folder, and the defaults with @netlify/functions but no netlify.toml', () => {
    const legacy = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'src/main.ts' }),
      'netlify.toml': '[build]\nfunctions = "functions"\n',
      'src/main.ts': code,
      'functions/subscribe.js': code,
    });
    expect(legacy.entries).toEqual([
      entry('functions/subscribe.js', 'Netlify function (functions)'),
      entry('src/main.ts', 'package.json "main"'),
    ]);
    const byDependency = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'src/main.ts', dependencies: { '@netlify/functions': '^2.0.0' } }),
      'src/main.ts': code,
      'netlify/functions/hello.ts': code,
    });
    expect(byDependency.entries).toEqual([
      entry('netlify/functions/hello.ts', 'Netlify function (netlify/functions)'),
      entry('src/main.ts', 'package.json "main"'),
    ]);
    const neither = entryPointsOf({
      'package.json': json({ name: 'site', private: true, main: 'src/main.ts' }),
      'src/main.ts': code,
      'netlify/functions/hello.ts': code,
    });
    expect(neither.entries).toEqual([entry('src/main.ts', 'package.json "main"')]);
  });
});
