import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('stylelint', () => {
  it('loads what its config extends, its plugins and custom syntaxes, also in overrides', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'site', main: 'index.js', scripts: { 'lint:css': 'stylelint "src/**/*.css"' } }),
      'index.js': code,
      '.stylelintrc.yml': [
        'extends:',
        '  - stylelint-config-standard',
        '  - ./stylelint/base.cjs',
        'plugins: [stylelint-order, "@stylistic/stylelint-plugin"]',
        'overrides:',
        '  - files: ["**/*.scss"]',
        '    customSyntax: postcss-scss',
        '    extends: stylelint-config-standard-scss',
        '  - files: ["**/*.vue"]',
        '    customSyntax: postcss-html',
        '',
      ].join('\n'),
      'stylelint/base.cjs': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('stylelint/base.cjs', '.stylelintrc.yml "./stylelint/base.cjs"', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@stylistic/stylelint-plugin', reason: '.stylelintrc.yml "@stylistic/stylelint-plugin"' },
      { workspaceDir: '', name: 'postcss-html', reason: '.stylelintrc.yml "postcss-html"' },
      { workspaceDir: '', name: 'postcss-scss', reason: '.stylelintrc.yml "postcss-scss"' },
      { workspaceDir: '', name: 'stylelint-config-standard', reason: '.stylelintrc.yml "stylelint-config-standard"' },
      { workspaceDir: '', name: 'stylelint-config-standard-scss', reason: '.stylelintrc.yml "stylelint-config-standard-scss"' },
      { workspaceDir: '', name: 'stylelint-order', reason: '.stylelintrc.yml "stylelint-order"' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads package.json "stylelint", a config a script names with --config, and --custom-syntax and --custom-formatter', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'app',
        main: 'index.js',
        stylelint: { extends: 'stylelint-config-recommended' },
        scripts: {
          'lint:scss': 'stylelint --config config/stylelint.scss.mjs --custom-syntax postcss-scss "**/*.scss"',
          'lint:ci': 'stylelint --custom-formatter=./scripts/stylelint-formatter "**/*.css"',
        },
      }),
      'index.js': code,
      'config/stylelint.scss.mjs': "export default { extends: ['stylelint-config-standard-scss'], plugins: ['./plugins/no-magic.mjs'] };\n",
      'config/plugins/no-magic.mjs': code,
      'scripts/stylelint-formatter.js': code,
    });
    expect(result.entries).toEqual([
      entry('config/plugins/no-magic.mjs', 'config/stylelint.scss.mjs "./plugins/no-magic.mjs"', false),
      entry('config/stylelint.scss.mjs', 'config file (stylelint)', false),
      entry('index.js', 'package.json "main"'),
      entry('scripts/stylelint-formatter.js', 'script "lint:ci" "./scripts/stylelint-formatter"', false),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: 'postcss-scss', reason: 'script "lint:scss" "postcss-scss"' },
      { workspaceDir: '', name: 'stylelint-config-recommended', reason: 'package.json "stylelint" "stylelint-config-recommended"' },
      { workspaceDir: '', name: 'stylelint-config-standard-scss', reason: 'config/stylelint.scss.mjs "stylelint-config-standard-scss"' },
    ]);
    expect(result.warnings).toEqual([]);
  });
});
