import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('expoRouter', () => {
  it('makes every script under app/ a route, and takes "main": "expo-router/entry" for the package', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mobile', main: 'expo-router/entry', dependencies: { expo: '53', 'expo-router': '5' } }),
      'app.config.ts': 'export default { name: "mobile" };\n',
      'app/_layout.tsx': code,
      'app/(tabs)/index.tsx': code,
      'app/user/[id].ios.tsx': code,
      'app/api/hello+api.ts': code,
      'app/+html.tsx': code,
      'app/+not-found.jsx': code,
      'app/notes.mjs': code,
      'components/Button.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('app.config.ts', 'config file', false),
      entry('app/(tabs)/index.tsx', 'Expo Router route (app/)'),
      entry('app/+html.tsx', 'Expo Router route (app/)'),
      entry('app/+not-found.jsx', 'Expo Router route (app/)'),
      entry('app/_layout.tsx', 'Expo Router route (app/)'),
      entry('app/api/hello+api.ts', 'Expo Router route (app/)'),
      entry('app/user/[id].ios.tsx', 'Expo Router route (app/)'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'expo-router', reason: 'package.json "main"' }]);
    // The package's own entry rules still look for a file (analyzers/deadcode/package-entries.ts).
    expect(result.warnings).toEqual(['package.json "main" points to expo-router/entry, which has no source file.']);
  });

  it('uses src/app instead of app when it exists', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mobile', main: 'index.ts', dependencies: { 'expo-router': '5' } }),
      'index.ts': code,
      'src/app/_layout.tsx': code,
      'src/app/settings.tsx': code,
      'app/old.tsx': code,
    });
    expect(result.entries).toEqual([
      entry('index.ts', 'package.json "main"'),
      entry('src/app/_layout.tsx', 'Expo Router route (src/app/)'),
      entry('src/app/settings.tsx', 'Expo Router route (src/app/)'),
    ]);
    expect(result.referencedPackages).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
