import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('vueCli', () => {
  it('builds src/main by default when @vue/cli-service is in use, and the entry a command line gives', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'shop',
        private: true,
        main: 'src/kit/index.ts',
        scripts: { serve: 'vue-cli-service serve', demo: 'vue-cli-service serve --mode demo --port 8081 demo/entry', lint: 'vue-cli-service lint src/unused.ts' },
        devDependencies: { '@vue/cli-service': '5', '@vue/cli-plugin-typescript': '5' },
      }),
      'vue.config.js': "const { defineConfig } = require('@vue/cli-service');\nmodule.exports = defineConfig({ transpileDependencies: true, lintOnSave: false });\n",
      'src/main.ts': code,
      'src/kit/index.ts': code,
      'demo/entry.ts': code,
      'src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('demo/entry.ts', 'vue-cli-service serve entry (script "demo")'),
      entry('src/kit/index.ts', 'package.json "main"'),
      entry('src/main.ts', 'Vue CLI default entry (src/main)'),
      entry('src/unused.ts', 'script "lint": vue-cli-service lint src/unused.ts', false),
      entry('vue.config.js', 'config file (vue-cli)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the entries of `pages` (a path, a list, or `{ entry }`) instead, and package.json "vue" only without a vue.config (vue.config.js first)', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/admin/package.json': json({ name: 'admin', main: 'index.js', scripts: { build: 'vue-cli-service build' } }),
      'apps/admin/vue.config.cjs': [
        'module.exports = {',
        '  pages: {',
        "    index: { entry: 'src/pages/index/main.js', template: 'public/index.html', filename: 'index.html', title: 'Admin' },",
        "    login: 'src/pages/login/main.js',",
        "    report: ['src/polyfills.js', 'src/pages/report/main.js'],",
        "    help: { entry: 'src/pages/help/main.js' },",
        '  },',
        '};',
      ].join('\n'),
      'apps/admin/index.js': code,
      'apps/admin/src/main.js': code,
      'apps/admin/src/polyfills.js': code,
      'apps/admin/src/pages/index/main.js': code,
      'apps/admin/src/pages/login/main.js': code,
      'apps/admin/src/pages/report/main.js': code,
      'apps/site/package.json': json({ name: 'site', main: 'index.js', devDependencies: { '@vue/cli-service': '5' }, vue: { pages: { home: 'src/home.js' } } }),
      'apps/site/index.js': code,
      'apps/site/src/home.js': code,
      'apps/site/src/main.js': code,
      'apps/both/package.json': json({ name: 'both', main: 'index.js', devDependencies: { '@vue/cli-service': '5' }, vue: { pages: { ignored: 'src/ignored.js' } } }),
      'apps/both/vue.config.js': 'module.exports = { publicPath: "/both/" };\n',
      'apps/both/vue.config.mjs': "export default { pages: { shadowed: 'src/shadowed.js' } };\n",
      'apps/both/src/shadowed.js': code,
      'apps/both/index.js': code,
      'apps/both/src/main.js': code,
      'apps/both/src/ignored.js': code,
    });
    expect(result.entries).toEqual([
      entry('apps/admin/index.js', 'apps/admin/package.json "main"'),
      entry('apps/admin/src/pages/index/main.js', 'apps/admin/vue.config.cjs pages'),
      entry('apps/admin/src/pages/login/main.js', 'apps/admin/vue.config.cjs pages'),
      entry('apps/admin/src/pages/report/main.js', 'apps/admin/vue.config.cjs pages'),
      entry('apps/admin/src/polyfills.js', 'apps/admin/vue.config.cjs pages'),
      entry('apps/admin/vue.config.cjs', 'config file (vue-cli)', false),
      entry('apps/both/index.js', 'apps/both/package.json "main"'),
      entry('apps/both/src/main.js', 'Vue CLI default entry (src/main)'),
      entry('apps/both/vue.config.js', 'config file (vue-cli)', false),
      // Only the conventional reason: Vue CLI does not load it once vue.config.js is there.
      entry('apps/both/vue.config.mjs', 'config file', false),
      entry('apps/site/index.js', 'apps/site/package.json "main"'),
      entry('apps/site/src/home.js', 'apps/site/package.json "vue" pages'),
    ]);
    expect(result.warnings).toEqual(['apps/admin/vue.config.cjs pages names apps/admin/src/pages/help/main.js, which is not in the repository.']);
  });
});
