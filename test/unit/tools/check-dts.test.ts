import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('checkDts', () => {
  it('runs every errors.ts, types.ts, *.errors.ts and *.types.ts below the folder it runs in as a type test', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', types: 'index.d.ts', main: 'index.js', scripts: { test: 'check-dts && vitest' }, devDependencies: { 'check-dts': '0.9' } }),
      'index.js': code,
      'index.d.ts': code,
      'test/errors.ts': code,
      'test/types.tsx': code,
      'test/index.errors.ts': code,
      'src/parse.types.ts': code,
      'src/helpers.ts': code,
    });
    expect(result.entries).toEqual([
      entry('index.js', 'package.json "main"'),
      entry('src/parse.types.ts', 'type test (check-dts)', false),
      entry('test/errors.ts', 'type test (check-dts)', false),
      entry('test/index.errors.ts', 'type test (check-dts)', false),
      entry('test/types.tsx', 'type test (check-dts)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('checks only the files its command line names, from the folder the command runs in', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'mono', private: true, workspaces: ['packages/*'] }),
      'packages/core/package.json': json({
        name: 'core',
        main: 'index.js',
        scripts: { 'test:types': 'check-dts "check/**/*.ts"' },
        devDependencies: { 'check-dts': '0.9' },
      }),
      'packages/core/index.js': code,
      'packages/core/check/api.types.ts': code,
      'packages/core/check/usage.ts': code,
      'packages/core/src/types.ts': code,
    });
    expect(result.entries).toEqual([
      entry('packages/core/check/api.types.ts', 'type test (check-dts)', false),
      entry('packages/core/check/usage.ts', 'type test (check-dts)', false),
      entry('packages/core/index.js', 'packages/core/package.json "main"'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('applies its defaults in a workspace that only declares it', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'index.js', devDependencies: { 'check-dts': '0.9' } }),
      'index.js': code,
      'test/types.ts': code,
    });
    expect(result.entries).toEqual([entry('index.js', 'package.json "main"'), entry('test/types.ts', 'type test (check-dts)', false)]);
    expect(result.warnings).toEqual([]);
  });
});
