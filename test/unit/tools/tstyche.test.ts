import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

const typeTest = (path: string) => entry(path, 'type test (TSTyche)', false);

describe('tstyche', () => {
  it('runs its default testFileMatch below the folder it runs in when there is no config', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', types: 'index.d.ts', scripts: { 'test:types': 'tstyche' } }),
      'index.d.ts': code,
      'src/parse.tst.ts': code,
      '__typetests__/options.test.ts': code,
      'typetests/nested/deep.test.ts': code,
      'tests/typetests/result.test.mts': code,
      'src/helpers.ts': code,
    });
    expect(result.entries).toEqual([
      typeTest('__typetests__/options.test.ts'),
      entry('index.d.ts', 'package.json "types"'),
      typeTest('src/parse.tst.ts'),
      typeTest('tests/typetests/result.test.mts'),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads testFileMatch and custom reporters from tstyche.json, and rootPath relative to tstyche.config.json', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', private: true, workspaces: ['packages/*'], devDependencies: { tstyche: '^4.0.0' } }),
      'tstyche.json': json({ testFileMatch: ['types/**/*.check.ts'], reporters: ['list', './tooling/reporter.js', 'tstyche-reporter-github'] }),
      'types/a.check.ts': code,
      'types/b.tst.ts': code,
      'tooling/reporter.js': code,
      'packages/core/package.json': json({ name: 'core', types: 'index.d.ts', scripts: { 'test:types': 'tstyche' } }),
      'packages/core/index.d.ts': code,
      'packages/core/tstyche.config.json': json({ rootPath: './type-tests' }),
      'packages/core/type-tests/core.tst.ts': code,
      'packages/core/src/other.tst.ts': code,
    });
    expect(result.entries).toEqual([
      entry('packages/core/index.d.ts', 'packages/core/package.json "types"'),
      typeTest('packages/core/type-tests/core.tst.ts'),
      entry('tooling/reporter.js', 'tstyche.json reporters', false),
      typeTest('types/a.check.ts'),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'tstyche-reporter-github', reason: 'tstyche.json reporters' }]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a config --config names from the folder the command runs in, but its rootPath from the config\'s folder', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'lib', types: 'index.d.ts', scripts: { 'test:types': 'tstyche --config config/tstyche.json' } }),
      'index.d.ts': code,
      'config/tstyche.json': json({ testFileMatch: ['typetests/*.ts'] }),
      'typetests/a.ts': code,
      'config/typetests/b.ts': code,
    });
    expect(result.entries).toEqual([entry('index.d.ts', 'package.json "types"'), typeTest('typetests/a.ts')]);
    expect(result.warnings).toEqual([]);

    const rooted = entryPointsOf({
      'package.json': json({ name: 'lib', types: 'index.d.ts', scripts: { 'test:types': 'tstyche --config config/tstyche.config.json' } }),
      'index.d.ts': code,
      'config/tstyche.config.json': json({ rootPath: '../types' }),
      'types/index.tst.ts': code,
      'config/types/ignored.tst.ts': code,
    });
    expect(rooted.entries).toEqual([entry('index.d.ts', 'package.json "types"'), typeTest('types/index.tst.ts')]);
    expect(rooted.warnings).toEqual([]);
  });
});
