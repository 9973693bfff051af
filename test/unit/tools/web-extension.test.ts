import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('web-extension', () => {
  it("makes the scripts a browser extension's manifest.json names entries, relative to the manifest", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'tools', private: true }),
      'extension/manifest.json': json({
        manifest_version: 3,
        name: 'Devtools',
        background: { service_worker: 'background.js' },
        content_scripts: [{ matches: ['<all_urls>'], js: ['content/inject.js', '/content/bridge.js'] }],
        action: { default_popup: 'popup.html' },
        devtools_page: 'devtools.html',
      }),
      'extension/background.js': code,
      'extension/content/inject.js': code,
      'extension/content/bridge.js': code,
      'extension/content/unused.js': code,
      'extension/popup.html': '<!doctype html><script type="module" src="./popup.ts"></script>\n',
      'extension/popup.ts': code,
    });
    expect(result.entries).toEqual([
      entry('extension/background.js', 'extension/manifest.json background.service_worker'),
      entry('extension/content/bridge.js', 'extension/manifest.json content_scripts.js'),
      entry('extension/content/inject.js', 'extension/manifest.json content_scripts.js'),
      entry('extension/popup.ts', '<script src> in extension/popup.html'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads Manifest V2 background scripts, and nothing from a web app manifest or a manifest naming build output', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true }),
      'app/manifest.json': json({ name: 'My PWA', short_name: 'pwa', start_url: '/', icons: [] }),
      'app/sw.js': code,
      'firefox/manifest.json': json({ manifest_version: 2, background: { scripts: ['lib/a.js', 'lib/b.js'] }, options_ui: { page: 'dist/options.js' } }),
      'firefox/lib/a.js': code,
      'firefox/lib/b.js': code,
    });
    expect(result.entries).toEqual([
      entry('firefox/lib/a.js', 'firefox/manifest.json background.scripts'),
      entry('firefox/lib/b.js', 'firefox/manifest.json background.scripts'),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
