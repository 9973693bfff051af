import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('gatsby', () => {
  it('takes the API files, pages, functions, templates and local plugins, and the plugins gatsby-config loads by name', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'blog', private: true, scripts: { build: 'gatsby build' }, dependencies: { gatsby: '^5.0.0' } }),
      'gatsby-config.ts': [
        'const config = {',
        "  plugins: [",
        "    'gatsby-plugin-image',",
        "    { resolve: 'gatsby-source-filesystem', options: { path: './content' } },",
        "    { resolve: 'gatsby-transformer-remark', options: { plugins: ['gatsby-remark-prismjs', { resolve: 'gatsby-remark-images' }] } },",
        "    { resolve: 'gatsby-plugin-mdx', options: { gatsbyRemarkPlugins: [{ resolve: 'gatsby-remark-autolink-headers' }] } },",
        "    'gatsby-plugin-local-search',",
        "    './src/plugins/inline',",
        '  ],',
        '};',
        'export default config;',
      ].join('\n'),
      'gatsby-node.ts': code,
      'gatsby-browser.tsx': code,
      'gatsby-ssr.js': code,
      'src/html.jsx': code,
      'src/pages/index.tsx': code,
      'src/pages/{mdx.frontmatter__slug}.tsx': code,
      'src/api/subscribe.ts': code,
      'src/templates/post.tsx': code,
      'src/components/unused.tsx': code,
      'src/plugins/inline.ts': code,
      'plugins/gatsby-plugin-local-search/gatsby-node.js': code,
      'plugins/gatsby-plugin-local-search/package.json': json({ name: 'gatsby-plugin-local-search' }),
      'plugins/gatsby-plugin-local-search/lib/helper.js': code,
    });
    expect(result.entries).toEqual([
      entry('gatsby-browser.tsx', 'Gatsby API file'),
      entry('gatsby-config.ts', 'config file (gatsby)', false),
      entry('gatsby-node.ts', 'Gatsby API file'),
      entry('gatsby-ssr.js', 'Gatsby API file'),
      entry('plugins/gatsby-plugin-local-search/gatsby-node.js', 'Gatsby local plugin (plugins/)'),
      entry('src/api/subscribe.ts', 'Gatsby page, function or template (src/)'),
      entry('src/html.jsx', 'Gatsby html component'),
      entry('src/pages/index.tsx', 'Gatsby page, function or template (src/)'),
      entry('src/pages/{mdx.frontmatter__slug}.tsx', 'Gatsby page, function or template (src/)'),
      entry('src/plugins/inline.ts', 'gatsby-config.ts plugins', false),
      entry('src/templates/post.tsx', 'Gatsby page, function or template (src/)'),
    ]);
    expect(result.referencedPackages.map(({ name, reason }) => `${name} ← ${reason}`)).toEqual([
      'gatsby-plugin-image ← gatsby-config.ts plugins',
      'gatsby-plugin-mdx ← gatsby-config.ts plugins',
      'gatsby-remark-autolink-headers ← gatsby-config.ts plugins',
      'gatsby-remark-images ← gatsby-config.ts plugins',
      'gatsby-remark-prismjs ← gatsby-config.ts plugins',
      'gatsby-source-filesystem ← gatsby-config.ts plugins',
      'gatsby-transformer-remark ← gatsby-config.ts plugins',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('applies its file conventions with the gatsby package and no gatsby-config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, dependencies: { gatsby: '^5.0.0' } }),
      'src/pages/404.js': code,
      'gatsby-node.js': code,
    });
    expect(result.entries).toEqual([
      entry('gatsby-node.js', 'Gatsby API file'),
      entry('src/pages/404.js', 'Gatsby page, function or template (src/)'),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
