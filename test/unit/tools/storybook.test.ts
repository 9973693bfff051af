import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('storybook', () => {
  it('reads .storybook/main: stories globs and directories (from .storybook/), preview and manager, addons and the framework', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ui', main: 'src/index.ts', scripts: { storybook: 'storybook dev -p 6006' }, devDependencies: { storybook: '8' } }),
      'src/index.ts': code,
      '.storybook/main.ts': [
        "import { dirname, join } from 'node:path';",
        "import type { StorybookConfig } from '@storybook/react-vite';",
        "const getAbsolutePath = (value: string): string => dirname(require.resolve(join(value, 'package.json')));",
        'const config: StorybookConfig = {',
        "  stories: ['../src/**/*.mdx', '../src/**/*.stories.@(ts|tsx)', { directory: '../docs', files: '*.stories.tsx' }],",
        "  addons: [getAbsolutePath('@storybook/addon-essentials'), { name: '@storybook/addon-a11y', options: {} }, './addons/theme-preset.ts'],",
        "  framework: { name: getAbsolutePath('@storybook/react-vite'), options: {} },",
        '};',
        'export default config;',
      ].join('\n'),
      '.storybook/preview.tsx': code,
      '.storybook/manager.ts': code,
      '.storybook/addons/theme-preset.ts': code,
      '.storybook/decorators.tsx': code,
      'src/button.tsx': code,
      'src/button.stories.tsx': code,
      'src/intro.mdx': '# Intro\n',
      'docs/colors.stories.tsx': code,
      'docs/nested/ignored.stories.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('.storybook/addons/theme-preset.ts', '.storybook/main.ts addons', false),
      entry('.storybook/main.ts', 'config file (storybook)', false),
      entry('.storybook/manager.ts', 'config file (storybook)', false),
      entry('.storybook/preview.tsx', 'config file (storybook)', false),
      entry('docs/colors.stories.tsx', 'story (storybook)', false),
      entry('src/button.stories.tsx', 'story (storybook)', false),
      entry('src/index.ts', 'package.json "main"'),
    ]);
    expect(result.referencedPackages).toEqual([
      { workspaceDir: '', name: '@storybook/addon-a11y', reason: '.storybook/main.ts addons' },
      { workspaceDir: '', name: '@storybook/addon-essentials', reason: '.storybook/main.ts addons' },
      { workspaceDir: '', name: '@storybook/react-vite', reason: '.storybook/main.ts framework' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads the config folder `-c` names, and uses the default stories glob when the config names none', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'ui', main: 'src/index.ts', scripts: { 'build-storybook': 'storybook build -c .config/storybook -o storybook-static' } }),
      'src/index.ts': code,
      '.config/storybook/main.js': "module.exports = { framework: '@storybook/html-vite' };\n",
      '.config/storybook/preview.js': code,
      'src/card.stories.js': code,
      'lib/legacy.stories.jsx': code,
    });
    expect(result.entries).toEqual([
      entry('.config/storybook/main.js', 'config file (storybook)', false),
      entry('.config/storybook/preview.js', 'config file (storybook)', false),
      entry('lib/legacy.stories.jsx', 'story (storybook)', false),
      entry('src/card.stories.js', 'story (storybook)', false),
      entry('src/index.ts', 'package.json "main"'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@storybook/html-vite', reason: '.config/storybook/main.js framework' }]);
    expect(result.warnings).toEqual([]);
  });
});
