import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('postcss', () => {
  it('reads the plugins of postcss.config.* by name: object keys, names, [name, options] pairs and required names', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', devDependencies: { postcss: '8' } }),
      'postcss.config.cjs': "module.exports = { plugins: [require('postcss-import'), 'postcss-nested', ['postcss-preset-env', { stage: 2 }], './postcss/local-plugin.cjs'] };\n",
      'postcss/local-plugin.cjs': code,
      'packages/ui/package.json': json({ name: 'ui', main: 'src/index.ts' }),
      'packages/ui/src/index.ts': code,
      'packages/ui/postcss.config.mjs': "export default { plugins: { '@tailwindcss/postcss': {}, autoprefixer: {} } };\n",
    });
    expect(result.entries).toEqual([
      entry('packages/ui/postcss.config.mjs', 'config file (postcss)', false),
      entry('packages/ui/src/index.ts', 'packages/ui/package.json "main"'),
      entry('postcss.config.cjs', 'config file (postcss)', false),
      entry('postcss/local-plugin.cjs', 'postcss.config.cjs plugins "./postcss/local-plugin.cjs"', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'postcss-import', reason: 'postcss.config.cjs plugins "postcss-import"' },
      { workspaceDir: '', name: 'postcss-nested', reason: 'postcss.config.cjs plugins "postcss-nested"' },
      { workspaceDir: '', name: 'postcss-preset-env', reason: 'postcss.config.cjs plugins "postcss-preset-env"' },
      { workspaceDir: 'packages/ui', name: '@tailwindcss/postcss', reason: 'packages/ui/postcss.config.mjs plugins "@tailwindcss/postcss"' },
      { workspaceDir: 'packages/ui', name: 'autoprefixer', reason: 'packages/ui/postcss.config.mjs plugins "autoprefixer"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads .postcssrc (JSON or YAML), .postcssrc.json, .postcssrc.yml and the package.json "postcss" field', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'app', postcss: { plugins: { cssnano: { preset: 'default' } } }, workspaces: ['web', 'admin', 'docs'] }),
      'docs/package.json': json({ name: 'docs' }),
      'docs/.postcssrc': 'plugins:\n  tailwindcss: {}\n',
      'web/package.json': json({ name: 'web' }),
      'web/.postcssrc.json': json({ plugins: { '@tailwindcss/postcss': {} } }),
      'admin/package.json': json({ name: 'admin' }),
      'admin/.postcssrc.yml': 'plugins:\n  postcss-nesting: {}\n',
    });
    expect(result.entries).toEqual([]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'cssnano', reason: 'package.json "postcss" plugins "cssnano"' },
      { workspaceDir: 'admin', name: 'postcss-nesting', reason: 'admin/.postcssrc.yml plugins "postcss-nesting"' },
      { workspaceDir: 'docs', name: 'tailwindcss', reason: 'docs/.postcssrc plugins "tailwindcss"' },
      { workspaceDir: 'web', name: '@tailwindcss/postcss', reason: 'web/.postcssrc.json plugins "@tailwindcss/postcss"' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});
