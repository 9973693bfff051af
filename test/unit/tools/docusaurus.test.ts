import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('docusaurus', () => {
  it('makes pages, swizzled theme components and sidebars entries, but not `_` files, `_` folders and tests in src/pages', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'www', private: true, dependencies: { '@docusaurus/core': '3', '@docusaurus/preset-classic': '3' } }),
      'sidebars.ts': code,
      'src/pages/index.tsx': code,
      'src/pages/blog/[slug].jsx': code,
      'src/pages/_helpers.ts': code,
      'src/pages/_components/Hero.tsx': code,
      'src/pages/index.test.tsx': code,
      'src/pages/__tests__/render.tsx': code,
      'src/theme/Navbar/Logo/index.jsx': code,
      'src/components/Button.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('sidebars.ts', 'Docusaurus sidebars'),
      entry('src/pages/blog/[slug].jsx', 'Docusaurus page (src/pages/)'),
      entry('src/pages/index.tsx', 'Docusaurus page (src/pages/)'),
      entry('src/theme/Navbar/Logo/index.jsx', 'Docusaurus theme component (src/theme/)'),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('reads presets, themes and plugins by name with their shorthands, local plugins by path, and the faster bundler', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', scripts: { start: 'docusaurus start', build: 'docusaurus build --config docusaurus.prod.config.ts' } }),
      'docusaurus.config.js': [
        'module.exports = {',
        "  presets: [['classic', { docs: { sidebarPath: './sidebars.js' } }]],",
        "  themes: ['@docusaurus/theme-live-codeblock', '@acme/search'],",
        "  plugins: ['docusaurus-plugin-sass', 'ideal-image', ['./plugins/local-plugin', { verbose: true }], function inline() { return {}; }],",
        '  future: { experimental_faster: true },',
        '};',
      ].join('\n'),
      'docusaurus.prod.config.ts': "export default { plugins: ['@acme/docusaurus-plugin-analytics'] };\n",
      'plugins/local-plugin/index.js': code,
      'sidebars.js': code,
    });
    expect(result.entries).toEqual([
      entry('docusaurus.config.js', 'config file (docusaurus)', false),
      entry('docusaurus.prod.config.ts', 'config file (docusaurus)', false),
      entry('plugins/local-plugin/index.js', 'docusaurus.config.js plugins "./plugins/local-plugin"', false),
      entry('sidebars.js', 'Docusaurus sidebars'),
    ]);
    const reason = (kind: string, name: string) => `docusaurus.config.js ${kind} "${name}"`;
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@acme/docusaurus-plugin-analytics', reason: 'docusaurus.prod.config.ts plugins "@acme/docusaurus-plugin-analytics"' },
      { workspaceDir: '', name: '@acme/docusaurus-theme-search', reason: reason('themes', '@acme/search') },
      { workspaceDir: '', name: '@acme/search', reason: reason('themes', '@acme/search') },
      { workspaceDir: '', name: '@docusaurus/faster', reason: 'docusaurus.config.js future.experimental_faster' },
      { workspaceDir: '', name: '@docusaurus/plugin-ideal-image', reason: reason('plugins', 'ideal-image') },
      { workspaceDir: '', name: '@docusaurus/preset-classic', reason: reason('presets', 'classic') },
      { workspaceDir: '', name: '@docusaurus/theme-live-codeblock', reason: reason('themes', '@docusaurus/theme-live-codeblock') },
      { workspaceDir: '', name: 'classic', reason: reason('presets', 'classic') },
      { workspaceDir: '', name: 'docusaurus-plugin-ideal-image', reason: reason('plugins', 'ideal-image') },
      { workspaceDir: '', name: 'docusaurus-plugin-sass', reason: reason('plugins', 'docusaurus-plugin-sass') },
      { workspaceDir: '', name: 'docusaurus-preset-classic', reason: reason('presets', 'classic') },
      { workspaceDir: '', name: 'ideal-image', reason: reason('plugins', 'ideal-image') },
    ]);
    expect(result.warnings).toEqual([]);
  });
});
