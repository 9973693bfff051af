import picomatch from 'picomatch/posix.js';
import { describe, expect, it } from 'vitest';
import { GlobError, compileGlob, globBase, isGlob } from '../../analyzers/patterns/glob.js';

/** Globs as repositories write them (tool configs, workspaces, steward.config.json). */
const patterns = [
  '*.ts', 'src/**', 'src/**/*.ts', '**/*.test.ts', '**', 'src/*', 'src/**/index.{ts,tsx}', 'packages/*', '!src/**', '**/__tests__/**',
  'a/**/b/**/c', '*.{js,mjs,cjs}', 'src/[abc]*.ts', '?.ts', 'test/**/*.spec.?(m)ts', 'src/@(a|b)/x.ts', '{src,lib}/**/*.js', 'file{1..3}.ts',
  'a/**', '**/.storybook/**', '.github/**', 'src/**/.*', './src/*.ts', 'src/**/*.d.ts', '**/*.config.*', 'e2e/**/*.{spec,test}.{js,ts}',
  'src/{a,b/{c,d}}/*.ts', 'x/**/y', 'src/\\*.ts', '**/node_modules/**', 'apps/*/src/**', 'src/[[:upper:]]*.ts',
  // Jest's default testMatch, and other extglobs.
  '**/?(*.)+(spec|test).[jt]s?(x)', '**/__tests__/**/*.[jt]s?(x)', '*.+(js|mjs)', 'src/*(a|b)x.ts', 'src/+(a|b).ts',
];
const paths = [
  'a.ts', 'src/a.ts', 'src/b/c.ts', 'src/a.test.ts', 'x.test.ts', 'src/__tests__/a.ts', 'a/b/c', 'a/x/b/y/c', 'a/b/b/c', 'a.js', 'a.mjs',
  'src/ab.ts', 'src/da.ts', 'b.ts', 'test/a.spec.ts', 'test/x/a.spec.mts', 'src/a/x.ts', 'src/b/x.ts', 'lib/x/y.js', 'file2.ts', 'file4.ts',
  'a', 'a/b', '.storybook/main.ts', 'x/.storybook/preview.ts', '.github/workflows/ci.yml', 'src/.hidden', 'src/x/.hidden', 'src/index.tsx',
  'src/x/index.ts', 'src/x.d.ts', 'vite.config.ts', 'e2e/a/b.spec.ts', 'src/c/x.ts', 'src/b/c/x.ts', 'src/b/d/x.ts', 'x/y', 'x/a/y',
  'src/*.ts', 'node_modules/x/y.js', 'a/node_modules/b', 'apps/web/src/main.ts', 'src', 'src/.x/a.ts', 'src/Ab.ts',
  'lib/format.spec.jsx', 'a.spectest.js', 'test.ts', 'src/abx.ts', 'src/x.ts', 'src/abab.ts', 'src/ba.ts', 'a.js.mjs',
];

describe('globs match as picomatch does', () => {
  it.each([true, false])('on every ordinary pattern and path (dot: %s)', (dot) => {
    const differences = patterns.flatMap((pattern) => {
      const reference = picomatch(pattern, { dot });
      const ours = compileGlob(pattern, { dot });
      return paths.filter((path) => reference(path) !== ours(path)).map((path) => `${pattern} ${path}`);
    });
    expect(differences).toEqual([]);
  });

  it('negates a class with [!…] as bash does (picomatch reads it otherwise)', () => {
    const matches = compileGlob('src/[!a]*.ts');
    expect(['src/a.ts', 'src/ab.ts', 'src/da.ts'].map(matches)).toEqual([false, false, true]);
  });

  it('tells globs from plain paths and finds their fixed base, as picomatch.scan does', () => {
    for (const pattern of patterns.filter((candidate) => !candidate.startsWith('!'))) {
      const scan = picomatch.scan(pattern);
      expect([pattern, isGlob(pattern), scan.isGlob ? globBase(pattern) : '']).toEqual([pattern, scan.isGlob, scan.isGlob ? scan.base.replace(/^\.\//, '') : '']);
    }
    expect(isGlob('src/index.ts')).toBe(false);
  });
});

describe('patterns that make regular-expression matchers explode are matched fast or refused', () => {
  const name = 'a'.repeat(4000);
  const deepPath = `${'a/'.repeat(2000)}c`;

  it('many stars, globstars and repetitions: matched without backtracking', () => {
    // picomatch takes minutes on the first and the last of these (catastrophic backtracking).
    for (const pattern of [`${'*a'.repeat(200)}b`, `${'**/a/'.repeat(100)}b`, '?'.repeat(1000), `${'*(a|aa)'.repeat(50)}b`]) {
      const matches = compileGlob(pattern, { dot: true });
      expect([matches(`${name}c`), matches(deepPath)]).toEqual([false, false]);
    }
  });

  it.each([
    ['a huge range', '{1..99999999}', /range of more than 256 values/],
    ['braces that multiply', '{a,b}'.repeat(30), /more than 256 alternatives/],
    ['a pattern too long', `{${Array.from({ length: 5000 }, (_, index) => `a${index}`).join(',')}}`, /longer than 1024 characters/],
    ['deep nesting', `${'{'.repeat(50)}a${'}'.repeat(50)}`, /nests groups more than 10 deep/],
    ['negation inside a name', '!(a|b).ts', /uses !\(…\)/],
    ['an empty pattern', '', /is empty/],
  ])('%s is refused with the reason', (_, pattern, reason) => {
    expect(() => compileGlob(pattern)).toThrow(GlobError);
    expect(() => compileGlob(pattern)).toThrow(reason);
  });
});
