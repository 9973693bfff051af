import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('typescript', () => {
  it('takes the files a type-test project in a test folder includes, from its own folder, less its exclude', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.ts', scripts: { 'test:types': 'tsc -p test/types --noEmit', 'test:vue': 'vue-tsc --project=__typetests__/tsconfig.json' } }),
      'tsconfig.json': json({ include: ['src'] }),
      'src/index.ts': code,
      'src/other.ts': code,
      'test/types/tsconfig.json': json({ extends: '../../tsconfig.json', files: ['setup.ts'], include: ['**/*.ts', '../../src/**/*.ts'], exclude: ['fixtures/**'] }),
      'test/types/setup.ts': code,
      'test/types/options.ts': code,
      'test/types/fixtures/broken.ts': code,
      '__typetests__/tsconfig.json': json({ include: ['*.test-d.ts'] }),
      '__typetests__/props.test-d.ts': code,
    });
    expect(result.entries).toEqual([
      entry('__typetests__/props.test-d.ts', 'type test (tsc -p __typetests__/tsconfig.json)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('test/types/options.ts', 'type test (tsc -p test/types/tsconfig.json)', false),
      entry('test/types/setup.ts', 'type test (tsc -p test/types/tsconfig.json)', false),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('takes only the tests a project named for tests outside a test folder includes, not the code under test', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', main: 'src/index.ts', scripts: { typecheck: 'tsc --noEmit -p tsconfig.test.json && tsc -p tsconfig.spec.json' } }),
      'tsconfig.test.json': json({ include: ['src', 'test/**/*.ts'] }),
      'tsconfig.spec.json': json({ include: ['src/**/*.spec.ts', 'src/**/*.d.ts'] }),
      'src/index.ts': code,
      'src/dead.ts': code,
      'src/env.d.ts': code,
      'src/app.spec.ts': code,
      'test/api.ts': code,
    });
    expect(result.entries).toEqual([
      entry('src/app.spec.ts', 'type test (tsc -p tsconfig.spec.json)', false),
      entry('src/index.ts', 'package.json "main"'),
      entry('test/api.ts', 'type test (tsc -p tsconfig.test.json)', false),
    ]);
  });

  it('does not read a project of source code, nor one that is not in the repository', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, scripts: { build: 'tsc -p tsconfig.build.json', check: 'tsc -p test/missing.json' } }),
      'tsconfig.build.json': json({ include: ['src'] }),
      'src/index.ts': code,
      'src/dead.ts': code,
    });
    expect(result.entries).toEqual([entry('src/index.ts', 'default entry (package.json declares no "main", "module", "exports" or "bin")')]);
    expect(result.warnings).toEqual([]);
  });
});

describe('typescript on a command line naming files', () => {
  it('takes the test files a glob on its command line names, but not the projects of --build', () => {
    const result = entryPointsOf({
      'package.json': json({
        name: 'lib',
        main: 'index.mjs',
        scripts: {
          'type-check': 'tsc --noEmit --strict --module node20 --moduleResolution node16 test/build/*.[cm]ts',
          build: 'tsc -b test/project',
        },
      }),
      'index.mjs': code,
      'test/build/types.cts': code,
      'test/build/types.mts': code,
      'test/build/helper.js': code,
      'test/project/tsconfig.json': json({ files: [] }),
      'test/project/ignored.ts': code,
    });
    expect(result.entries).toEqual([
      entry('index.mjs', 'package.json "main"'),
      entry('test/build/types.cts', 'type test (tsc, script "type-check")', false),
      entry('test/build/types.mts', 'type test (tsc, script "type-check")', false),
    ]);
    expect(result.warnings).toEqual([]);
  });
});
