import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('nuxt', () => {
  it('makes its auto-imported folders, app config, server folder, shared utils and local modules entries, without a config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, dependencies: { nuxt: '^3.0.0' } }),
      'pages/index.ts': code,
      'layouts/default.ts': code,
      'middleware/auth.global.ts': code,
      'plugins/trpc.client.ts': code,
      'components/chart/options.ts': code,
      'composables/useCart.ts': code,
      'utils/format.ts': code,
      'app.config.ts': code,
      'server/api/hello.get.ts': code,
      'server/utils/db.ts': code,
      'shared/utils/money.ts': code,
      'shared/utils/nested/skip.ts': code,
      'modules/analytics.ts': code,
      'modules/i18n/index.ts': code,
      'modules/i18n/runtime/plugin.ts': code,
      'lib/unused.ts': code,
    });
    const folder = (path: string) => entry(path, 'Nuxt auto-imported folder');
    expect(result.entries).toEqual([
      entry('app.config.ts', 'Nuxt app config'),
      folder('components/chart/options.ts'),
      folder('composables/useCart.ts'),
      folder('layouts/default.ts'),
      folder('middleware/auth.global.ts'),
      entry('modules/analytics.ts', 'Nuxt local module (modules/)'),
      entry('modules/i18n/index.ts', 'Nuxt local module (modules/)'),
      folder('pages/index.ts'),
      folder('plugins/trpc.client.ts'),
      entry('server/api/hello.get.ts', 'Nuxt server folder'),
      entry('server/utils/db.ts', 'Nuxt server folder'),
      folder('shared/utils/money.ts'),
      folder('utils/format.ts'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads Nuxt 4 app/ folders, and nuxt.config modules, layers, plugins, css and server handlers', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, scripts: { build: 'nuxi build' } }),
      'nuxt.config.ts': [
        'export default defineNuxtConfig({',
        "  modules: ['@pinia/nuxt', ['@nuxtjs/i18n', { defaultLocale: 'en' }], './tooling/sitemap', './modules/seo', '~/modules/local'],",
        "  buildModules: ['@nuxtjs/eslint-module'],",
        "  extends: ['@acme/nuxt-layer', './base'],",
        "  plugins: [{ src: '~/plugins/chart.ts', mode: 'client' }, './tooling/sentry.client.ts'],",
        "  css: ['~/assets/main.css', '@fontsource/inter/index.css'],",
        "  serverHandlers: [{ route: '/health', handler: './tooling/health.ts' }],",
        '});',
        '',
      ].join('\n'),
      'app/pages/index.ts': code,
      'app/app.config.ts': code,
      'tooling/sitemap.ts': code,
      'modules/seo.ts': code,
      'tooling/sentry.client.ts': code,
      'tooling/health.ts': code,
      'base/nuxt.config.ts': code,
      'src/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('app/app.config.ts', 'Nuxt app config'),
      entry('app/pages/index.ts', 'Nuxt auto-imported folder'),
      // A local module the config also names says so.
      entry('modules/seo.ts', 'nuxt.config.ts modules'),
      entry('nuxt.config.ts', 'config file (nuxt)', false),
      entry('tooling/health.ts', 'nuxt.config.ts serverHandlers'),
      entry('tooling/sentry.client.ts', 'nuxt.config.ts plugins'),
      entry('tooling/sitemap.ts', 'nuxt.config.ts modules'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@acme/nuxt-layer', reason: 'nuxt.config.ts extends' },
      { workspaceDir: '', name: '@fontsource/inter', reason: 'nuxt.config.ts css' },
      { workspaceDir: '', name: '@nuxtjs/eslint-module', reason: 'nuxt.config.ts buildModules' },
      { workspaceDir: '', name: '@nuxtjs/i18n', reason: 'nuxt.config.ts modules' },
      { workspaceDir: '', name: '@pinia/nuxt', reason: 'nuxt.config.ts modules' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});
