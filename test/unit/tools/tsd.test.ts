import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('tsd', () => {
  it('checks the typings against every file of test-d when there is no .test-d.ts twin', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', types: 'index.d.ts', exports: './index.js', scripts: { test: 'tsd && ava' }, devDependencies: { tsd: '1' } }),
      'index.js': code,
      'index.d.ts': code,
      'test-d/options.ts': code,
      'test-d/nested/result.test-d.ts': code,
      'test-d/jsx.tsx': code,
      'lib/unused.ts': code,
    });
    expect(result.entries).toEqual([
      entry('index.d.ts', 'typings checked by tsd', false),
      entry('index.js', 'package.json "types" (index.d.ts → index.js)'),
      entry('test-d/jsx.tsx', 'type test (tsd)', false),
      entry('test-d/nested/result.test-d.ts', 'type test (tsd)', false),
      entry('test-d/options.ts', 'type test (tsd)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('uses the twin test file when there is one, the directory package.json names, and `--files`', () => {
    const twin = entryPointsOf({
      'package.json': json({ name: 'lib', typings: 'types/index.d.ts', devDependencies: { tsd: '1' }, tsd: { directory: 'type-tests' } }),
      'types/index.d.ts': code,
      'types/index.test-d.ts': code,
      'type-tests/ignored.ts': code,
    });
    expect(twin.entries).toEqual([
      entry('types/index.d.ts', 'package.json "typings"'),
      entry('types/index.test-d.ts', 'type test (tsd)', false),
    ]);
    const directory = entryPointsOf({
      'package.json': json({ name: 'lib', devDependencies: { tsd: '1' }, tsd: { directory: 'type-tests' } }),
      'index.d.ts': code,
      'type-tests/a.ts': code,
    });
    expect(directory.entries.map(({ path }) => path)).toEqual(['index.d.ts', 'type-tests/a.ts']);
    const files = entryPointsOf({
      'package.json': json({ name: 'lib', scripts: { 'test:types': 'tsd --files "checks/*.ts"' }, devDependencies: { tsd: '1' } }),
      'index.d.ts': code,
      'checks/a.ts': code,
    });
    expect(files.entries.filter(({ reason }) => reason === 'type test (tsd)').map(({ path }) => path)).toEqual(['checks/a.ts']);
  });
});
