import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('wxt', () => {
  it('makes entrypoints, auto-imported folders, the app config and local modules entries, with the defaults', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'extension', private: true, type: 'module', scripts: { dev: 'wxt', build: 'wxt build' }, devDependencies: { wxt: '0.20' } }),
      'entrypoints/background.ts': code,
      'entrypoints/youtube.content.ts': code,
      'entrypoints/overlay.content/index.tsx': code,
      'entrypoints/overlay.content/style.ts': code,
      'entrypoints/popup/index.html': '<!doctype html><script type="module" src="./main.tsx"></script>\n',
      'entrypoints/popup/main.tsx': code,
      'entrypoints/popup/index.ts': code,
      'utils/storage.ts': code,
      'utils/nested/deep.ts': code,
      'components/Button.tsx': code,
      'hooks/useTabs.ts': code,
      'app.config.ts': code,
      'modules/analytics.ts': code,
      'modules/i18n/index.ts': code,
      'modules/i18n/messages.ts': code,
      'lib/api.ts': code,
    });
    expect(result.entries).toEqual([
      entry('app.config.ts', 'WXT app config'),
      entry('entrypoints/background.ts', 'WXT entrypoint (entrypoints/)'),
      entry('entrypoints/overlay.content/index.tsx', 'WXT entrypoint (entrypoints/)'),
      entry('entrypoints/popup/main.tsx', '<script src> in entrypoints/popup/index.html'),
      entry('entrypoints/youtube.content.ts', 'WXT entrypoint (entrypoints/)'),
      entry('hooks/useTabs.ts', 'auto-imported by WXT'),
      entry('modules/analytics.ts', 'WXT local module', false),
      entry('modules/i18n/index.ts', 'WXT local module', false),
      entry('utils/storage.ts', 'auto-imported by WXT'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it("follows wxt.config's srcDir, entrypointsDir and modulesDir, names its module packages, and skips auto-imports turned off", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'extension', private: true, devDependencies: { wxt: '0.20', '@wxt-dev/module-react': '1' } }),
      'wxt.config.ts': [
        "import { defineConfig } from 'wxt';",
        'export default defineConfig({',
        "  srcDir: 'src',",
        "  entrypointsDir: 'extension',",
        "  modulesDir: 'wxt-modules',",
        "  modules: ['@wxt-dev/module-react'],",
        '  imports: false,',
        '});',
        '',
      ].join('\n'),
      'src/extension/background/index.ts': code,
      'src/extension/sidepanel.tsx': code,
      'src/entrypoints/old.ts': code,
      'src/utils/format.ts': code,
      'src/app.config.ts': code,
      'wxt-modules/icons.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/app.config.ts', 'WXT app config'),
      entry('src/extension/background/index.ts', 'WXT entrypoint (src/extension/)'),
      entry('src/extension/sidepanel.tsx', 'WXT entrypoint (src/extension/)'),
      entry('wxt-modules/icons.ts', 'WXT local module', false),
      entry('wxt.config.ts', 'config file (wxt)', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@wxt-dev/module-react', reason: 'wxt.config.ts modules' }]);
    expect(result.warnings).toEqual([]);
  });
});
