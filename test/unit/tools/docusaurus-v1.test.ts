import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const reason = 'Docusaurus 1 site file (siteConfig.js, core/, pages/, static/)';

describe('docusaurus-v1', () => {
  it("makes a Docusaurus 1 website's siteConfig.js, core/, pages/ and static/ files entries", () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.js' }),
      'src/index.js': code,
      'website/package.json': json({ name: 'website', private: true, scripts: { start: 'docusaurus-start', build: 'docusaurus-build' }, devDependencies: { docusaurus: '1.14.7' } }),
      'website/siteConfig.js': code,
      'website/core/Footer.js': code,
      'website/pages/en/index.js': code,
      'website/static/js/scripts.js': code,
      'website/lib/unused.js': code,
    });
    expect(result.entries).toEqual([
      entry('src/index.js', 'package.json "main"'),
      entry('website/core/Footer.js', reason),
      entry('website/pages/en/index.js', reason),
      entry('website/siteConfig.js', reason),
      entry('website/static/js/scripts.js', reason),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a website/ folder of a package that depends on docusaurus 1 itself, and nothing where it does not', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', private: true, devDependencies: { docusaurus: '1' } }),
      'website/siteConfig.js': code,
      'website/core/Footer.js': code,
      'other/package.json': json({ name: 'other', private: true }),
      'other/siteConfig.js': code,
    });
    expect(result.entries).toEqual([entry('website/core/Footer.js', reason), entry('website/siteConfig.js', reason)]);
    expect(result.warnings).toEqual([]);
  });
});
