import { describe, expect, it } from 'vitest';
import { code, entry, entryPointsOf, json } from '../../support/entry-fixture.js';

describe('lab', () => {
  it('runs the scripts under test/ recursively, type-checks test/**/*.ts with -Y, and loads the assertion library by name', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'server', main: 'lib/index.js', scripts: { test: 'lab -a @hapi/code -t 100 -L -m 5000 -Y' }, devDependencies: { '@hapi/lab': '26', '@hapi/code': '9' } }),
      'lib/index.js': code,
      'test/core.js': code,
      'test/common.js': code,
      // An index file does not make test/ a module to lab: it runs every script in the folder.
      'test/index.js': code,
      'test/plugins/auth.js': code,
      'test/types/index.ts': code,
      'test/.hidden/skip.txt': 'x',
      'spec/other.js': code,
    });
    expect(result.entries).toEqual([
      entry('lib/index.js', 'package.json "main"'),
      entry('test/common.js', 'test file (lab, script "test")', false),
      entry('test/core.js', 'test file (lab, script "test")', false),
      entry('test/index.js', 'test file (lab, script "test")', false),
      entry('test/plugins/auth.js', 'test file (lab, script "test")', false),
      entry('test/types/index.ts', 'type test (lab, script "test")', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: '@hapi/code', reason: 'script "test"' }]);
    expect(result.warnings).toEqual([]);
  });

  it('takes the paths, --flat, --typescript and a transform from the command line and .labrc.js, and the reporters it names', () => {
    const result = entryPointsOf({
      'package.json': json({ name: 'api', private: true, scripts: { test: 'lab --flat --typescript spec', 'test:ci': 'lab -r junit -r lab-reporter-x -o stdout -o out.xml' }, devDependencies: { '@hapi/lab': '26', typescript: '5' } }),
      '.labrc.js': "module.exports = { paths: ['unit'], transform: './tools/transform.js', reporter: 'console' };\n",
      'spec/a.ts': code,
      'spec/nested/b.ts': code,
      'unit/c.ts': code,
      'unit/deep/d.js': code,
      'tools/transform.js': code,
    });
    expect(result.entries).toEqual([
      entry('.labrc.js', 'config file (lab)', false),
      entry('spec/a.ts', 'test file (lab, script "test")', false),
      entry('tools/transform.js', '.labrc.js', false),
      entry('unit/c.ts', 'test file (lab, script "test:ci")', false),
      entry('unit/deep/d.js', 'test file (lab, script "test:ci")', false),
    ]);
    expect(result.referencedPackages).toEqual([{ workspaceDir: '', name: 'lab-reporter-x', reason: 'script "test:ci"' }]);
    expect(result.warnings).toEqual([]);
  });
});
