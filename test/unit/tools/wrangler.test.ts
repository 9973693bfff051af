import { describe, expect, it } from 'vitest';
import { readConfigText } from '../../../analyzers/deadcode/static-config.js';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('wrangler', () => {
  it('takes the Worker of wrangler.toml `main` and of each `env.<name>.main`, from the config folder', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'worker', private: true, devDependencies: { wrangler: '^4.0.0' } }),
      'wrangler.toml': ['name = "api"', 'main = "src/worker.ts"', 'compatibility_date = "2025-01-01"', '', '[env.staging]', 'main = "src/staging.ts"', '', '[env.preview]', 'name = "api-preview"', ''].join('\n'),
      'src/worker.ts': code,
      'src/staging.ts': code,
      'src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/staging.ts', 'wrangler.toml env.staging.main'),
      entry('src/worker.ts', 'wrangler.toml main'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads wrangler.jsonc with comments, maps a built `main` to its source, and reports a missing one', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['workers/*'] }),
      'workers/edge/package.json': json({ name: 'edge', private: true }),
      'workers/edge/wrangler.jsonc': '{\n  // the Worker\n  "main": "./dist/worker.js",\n  "env": { "eu": { "main": "src/eu.ts" } },\n}\n',
      'workers/edge/src/worker.ts': code,
      'workers/api/package.json': json({ name: 'api', private: true }),
      'workers/api/wrangler.json': json({ main: 'src/missing.ts' }),
    });
    expect(result.entries).toEqual([entry('workers/edge/src/worker.ts', 'workers/edge/wrangler.jsonc main')]);
    expect(result.warnings).toEqual([
      'workers/api/wrangler.json main names workers/api/src/missing.ts, which is not in the repository.',
      'workers/edge/wrangler.jsonc env.eu.main names workers/edge/src/eu.ts, which is not in the repository.',
    ]);
  });

  it('makes the script `wrangler deploy <script>` is given production code, past the options that take a value, and reads the config `-c` names', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'worker',
        private: true,
        scripts: {
          dev: 'wrangler dev --port 8787 --ip 0.0.0.0 src/dev.ts',
          deploy: 'wrangler deploy --env production src/worker.mjs',
          'deploy:eu': 'wrangler deploy -c wrangler.eu.toml',
          types: 'wrangler types',
          pages: 'wrangler pages dev public',
        },
      }),
      'wrangler.eu.toml': 'main = "src/eu.ts"\n',
      'src/dev.ts': code,
      'src/worker.ts': code,
      'src/eu.ts': code,
    });
    // A script's file arguments are entries already (script-entries.ts), for their reason; wrangler makes the deployed one production code.
    expect(result.entries).toEqual([
      entry('src/dev.ts', 'script "dev": wrangler dev --port 8787 --ip 0.0.0.0 src/dev.ts', false),
      entry('src/eu.ts', 'wrangler.eu.toml main'),
      entry('src/worker.ts', 'script "deploy": wrangler deploy --env production src/worker.mjs'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reports a wrangler.toml that is not valid TOML', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'worker', private: true }),
      'wrangler.toml': 'main = \n',
      'src/worker.ts': code,
    });
    expect(result.entries).toEqual([]);
    expect(result.warnings).toEqual(['wrangler.toml could not be read statically (invalid value on line 1); its entry points are missing.']);
  });
});

describe('readConfigText on TOML', () => {
  it('reads tables, arrays of tables and inline values as plain data', () => {
    const text = ['main = "src/index.ts"', 'compatibility_flags = ["nodejs_compat"]', '', '[env.staging]', 'vars = { MODE = "staging" }', '', '[[plugins]]', 'package = "@netlify/plugin-lighthouse"', ''].join('\n');
    expect(readConfigText('wrangler.toml', text)).toEqual({
      ok: true,
      value: { main: 'src/index.ts', compatibility_flags: ['nodejs_compat'], env: { staging: { vars: { MODE: 'staging' } } }, plugins: [{ package: '@netlify/plugin-lighthouse' }] },
    });
  });

  it('reports syntax errors, redefinitions and nesting past the limit as the other formats do', () => {
    expect(readConfigText('netlify.toml', '[build]\ncommand = "a"\n[build]\n')).toEqual({ ok: false, error: 'trying to redefine an already defined table or value on line 3' });
    expect(readConfigText('netlify.toml', 'x = "unterminated\n')).toMatchObject({ ok: false, error: expect.stringMatching(/ on line 1$/) });
    expect(readConfigText('a/b.toml', `x = ${'['.repeat(100)}${']'.repeat(100)}\n`)).toEqual({ ok: false, error: 'document contains excessively nested structures. aborting. on line 1' });
    expect(readConfigText('a/b.toml', `${Array.from({ length: 80 }, (_, index) => `k${index}`).join('.')} = 1\n`)).toEqual({ ok: false, error: 'nested too deeply' });
  });
});
