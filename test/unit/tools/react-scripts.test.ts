import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('reactScripts', () => {
  it('makes src/index the production entry and the setup files it loads by name test and dev entries', () => {
    const result = entryPointsOf({
      // Electron apps built with Create React App keep their main process in public/.
      'package.json': json({ name: 'app', private: true, main: 'public/electron.js', dependencies: { 'react-scripts': '5' } }),
      'public/electron.js': code,
      'src/index.tsx': code,
      'src/App.tsx': code,
      'src/setupTests.ts': code,
      'src/setupProxy.js': code,
      'src/components/index.ts': code,
      'index.js': code,
    });
    expect(result.entries).toEqual([
      entry('public/electron.js', 'package.json "main"'),
      entry('src/index.tsx', 'Create React App entry (src/index)'),
      entry('src/setupProxy.js', 'Create React App setup file', false),
      entry('src/setupTests.ts', 'Create React App setup file', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('applies in the folder of the workspace whose scripts run react-scripts', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['apps/*'] }),
      'apps/web/package.json': json({ name: 'web', private: true, bin: 'bin/serve.js', scripts: { start: 'react-scripts start', test: 'react-scripts test' } }),
      'apps/web/bin/serve.js': code,
      'apps/web/src/index.jsx': code,
      'apps/web/src/setupTests.js': code,
      'apps/api/package.json': json({ name: 'api', private: true, bin: 'bin/api.js' }),
      'apps/api/bin/api.js': code,
      'apps/api/src/setupTests.ts': code,
    });
    expect(result.entries).toEqual([
      entry('apps/api/bin/api.js', 'apps/api/package.json "bin"'),
      entry('apps/web/bin/serve.js', 'apps/web/package.json "bin"'),
      entry('apps/web/src/index.jsx', 'Create React App entry (src/index)'),
      entry('apps/web/src/setupTests.js', 'Create React App setup file', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
