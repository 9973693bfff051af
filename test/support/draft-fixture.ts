import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { FixtureAdvisory, FixturePackage } from './fixture-registry.js';
import { createRepository, git } from './git-fixture.js';

const dayMs = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * dayMs).toISOString();
const module = (body: string) => ({ 'index.js': body });
/** A script that leaves a file behind: proof that it ran. */
const marker = (file: string): string => `node -e "require('fs').writeFileSync('${file}', 'ran')"`;

/**
 * Packages for dependency drafts, each with a real tarball: versions in use two years old, their
 * upgrades over a year old (so each is a stale item, and older than any cooldown). Of the patch and
 * minor group, tiny-math 1.2.0 breaks `add`; fmt-date 2.0.0 (a major) breaks the repository's test;
 * str-utils 2.0.0 (a major) breaks only what the repository does not use; ui-dom 1.1.0 names
 * ui-core ^1.1.0 as a peer, so the two move together.
 */
export function draftPackages(markerFolder: string): FixturePackage[] {
  const old = daysAgo(800);
  const newer = daysAgo(400);
  return [
    { name: 'left-pad-lite', versions: [{ version: '1.0.0', time: old, files: module('exports.pad = (s, n) => String(s).padStart(n);') }, { version: '1.1.0', time: newer, files: module('exports.pad = (s, n, c = " ") => String(s).padStart(n, c);') }] },
    { name: 'tiny-math', versions: [{ version: '1.0.0', time: old, files: module('exports.add = (a, b) => a + b;') }, { version: '1.2.0', time: newer, files: module('exports.add = (a, b) => a - b; // a regression') }] },
    {
      name: 'ui-core',
      versions: [
        { version: '1.0.0', time: old, files: module('exports.version = 1;') },
        // Its install script would leave a marker: it must not run without consent.
        { version: '1.1.0', time: newer, scripts: { postinstall: marker(join(markerFolder, 'ui-core-postinstall')) }, files: module('exports.version = 2;') },
      ],
    },
    { name: 'ui-dom', versions: [{ version: '1.0.0', time: old, peerDependencies: { 'ui-core': '^1.0.0' }, files: module('exports.render = () => "dom";') }, { version: '1.1.0', time: newer, peerDependencies: { 'ui-core': '^1.1.0' }, files: module('exports.render = () => "dom";') }] },
    {
      name: 'fmt-date',
      versions: [
        { version: '1.0.0', time: old, publisher: 'alice', files: module('exports.format = (d) => d.toISOString().slice(0, 10);') },
        {
          version: '2.0.0',
          time: newer,
          publisher: 'mallory',
          files: {
            ...module('exports.format = (d, options) => options.pattern.replace("YYYY", String(d.getUTCFullYear()));'),
            'CHANGELOG.md': '# Changelog\n\n## 2.0.0 (2024-05-01)\n\n### BREAKING CHANGES\n\n- `format(date)` now requires an options object with a `pattern`.\n\n### Features\n\n- Patterns.\n\n## 1.0.0\n\n- First release.\n',
          },
        },
      ],
    },
    {
      name: 'str-utils',
      versions: [
        { version: '1.0.0', time: old, files: module('exports.upper = (s) => s.toUpperCase(); exports.legacy = () => "x";') },
        {
          version: '2.0.0',
          time: newer,
          files: { ...module('exports.upper = (s) => s.toUpperCase();'), 'CHANGELOG.md': '# str-utils\n\n## [2.0.0](https://example.invalid/compare/v1.0.0...v2.0.0) (2024-06-01)\n\n### ⚠ BREAKING CHANGES\n\n* `legacy()` is removed.\n\n## [1.0.0] (2023-01-01)\n\n* First.\n' },
        },
      ],
    },
  ];
}

/**
 * Vulnerable packages for security drafts: qs-lite, a direct dependency fixed in 1.0.2 (not its
 * latest, 2.0.0); parse-url-lite, pulled in by http-helper, whose 1.1.0 asks for the fixed 1.0.1;
 * glob-lite, pulled in by fs-tools, of which no release asks for the fixed version (an override).
 */
export function securityPackages(): FixturePackage[] {
  const at = (days: number) => daysAgo(days);
  return [
    { name: 'qs-lite', versions: ['1.0.0', '1.0.1', '1.0.2', '2.0.0'].map((version, index) => ({ version, time: at(900 - index * 100), files: module(`exports.v = '${version}';`) })) },
    { name: 'parse-url-lite', versions: ['1.0.0', '1.0.1'].map((version, index) => ({ version, time: at(900 - index * 100), files: module(`exports.v = '${version}';`) })) },
    { name: 'glob-lite', versions: ['1.0.0', '1.0.1'].map((version, index) => ({ version, time: at(900 - index * 100), files: module(`exports.v = '${version}';`) })) },
    {
      name: 'http-helper',
      versions: [
        { version: '1.0.0', time: at(900), dependencies: { 'parse-url-lite': '1.0.0' }, files: module("require('parse-url-lite');") },
        { version: '1.1.0', time: at(700), dependencies: { 'parse-url-lite': '1.0.1' }, files: module("require('parse-url-lite');") },
      ],
    },
    { name: 'fs-tools', versions: [{ version: '1.0.0', time: at(900), dependencies: { 'glob-lite': '1.0.0' }, files: module("require('glob-lite');") }] },
  ];
}

export const securityAdvisories: FixtureAdvisory[] = [
  { id: 2001, name: 'qs-lite', title: 'Prototype pollution in qs-lite', severity: 'high', vulnerable_versions: '<1.0.2', url: 'https://example.invalid/advisories/2001' },
  { id: 2002, name: 'parse-url-lite', title: 'SSRF in parse-url-lite', severity: 'moderate', vulnerable_versions: '<1.0.1', url: 'https://example.invalid/advisories/2002' },
  { id: 2003, name: 'glob-lite', title: 'ReDoS in glob-lite', severity: 'low', vulnerable_versions: '<1.0.1', url: 'https://example.invalid/advisories/2003' },
];

/** A repository with one vulnerable package of each kind, and a lockfile npm made. */
export function buildSecurityRepository(folder: string, registryUrl: string, env: NodeJS.ProcessEnv): Promise<string> {
  return npmRepository(folder, registryUrl, env, {
    'package.json': `${JSON.stringify({ name: 'security-fixture', version: '1.0.0', private: true, dependencies: { 'qs-lite': '1.0.0', 'http-helper': '1.0.0', 'fs-tools': '1.0.0' } }, null, 2)}\n`,
    'index.js': "require('qs-lite');\nrequire('http-helper');\nrequire('fs-tools');\n",
  });
}

/**
 * A repository using those packages, with a test (`npm test`) that checks what it uses, a lockfile
 * made by npm against the registry, and a postinstall script of its own that leaves a marker.
 */
export async function buildDraftRepository(folder: string, registryUrl: string, markerFolder: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const packageJson = {
    name: 'draft-fixture',
    version: '1.0.0',
    private: true,
    scripts: { test: 'node test.js', postinstall: marker(join(markerFolder, 'repository-postinstall')) },
    // Pinned, as many applications do: the lockfile holds exactly these, and a draft moves the pins.
    dependencies: { 'left-pad-lite': '1.0.0', 'tiny-math': '1.0.0', 'ui-core': '1.0.0', 'ui-dom': '1.0.0', 'fmt-date': '1.0.0', 'str-utils': '~1.0.0' },
  };
  return npmRepository(folder, registryUrl, env, {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'src/index.js': "const { pad } = require('left-pad-lite');\nconst { add } = require('tiny-math');\nconst { format } = require('fmt-date');\nconst { upper } = require('str-utils');\nrequire('ui-dom');\nmodule.exports = { label: (n) => upper(pad(add(n, 1), 3)), day: format };\n",
    'test.js': "const assert = require('assert');\nconst { label, day } = require('./src/index.js');\nassert.strictEqual(label(1), '  2');\nassert.strictEqual(day(new Date(Date.UTC(2024, 0, 2))), '2024-01-02');\nconsole.log('ok');\n",
  });
}

/** A repository installed from the fixture registry (its .npmrc names it), with the lockfile npm makes committed. */
async function npmRepository(folder: string, registryUrl: string, env: NodeJS.ProcessEnv, files: Record<string, string>): Promise<string> {
  createRepository(folder, [{ author: 'Dev', email: 'dev@example.com', date: '2024-06-01T00:00:00Z', files: { '.npmrc': `registry=${registryUrl}\n`, '.gitignore': 'node_modules/\n', ...files } }]);
  return commitLockfile(folder, registryUrl, env);
}

/**
 * Commits the lockfile as npm writes it against the fixture registry (scripts never run here). Not a
 * sync call: the registry answers from this very process.
 */
async function commitLockfile(folder: string, registryUrl: string, env: NodeJS.ProcessEnv): Promise<string> {
  await promisify(execFile)('npm', ['install', '--package-lock-only', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: folder, env: { ...process.env, npm_config_registry: registryUrl, ...env } });
  git(folder, ['add', 'package-lock.json']);
  git(folder, ['commit', '--quiet', '-m', 'lockfile'], { GIT_AUTHOR_NAME: 'Dev', GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_COMMITTER_NAME: 'Dev', GIT_COMMITTER_EMAIL: 'dev@example.com' });
  return folder;
}

/**
 * A TypeScript package with dead code of every kind a dead-code draft removes, and what it must keep:
 * an unused file, an unused export whose declaration goes with the import only it needed (which then
 * leaves a whole file unused), an export used inside its file (only `export` goes), an unused
 * dependency; a test file nothing imports and a file a document names by path (both kept). Its test
 * compiles the package with tsc (strict, noUnusedLocals) and runs it.
 */
export function buildDeadCodeRepository(folder: string, registryUrl: string, tsc: string): string {
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  return createRepository(folder, [
    {
      author: 'Dev',
      email: 'dev@example.com',
      date: '2024-06-01T00:00:00Z',
      files: {
        '.npmrc': `registry=${registryUrl}\n`,
        '.gitignore': 'node_modules/\n.out/\n',
        'package.json': json({ name: 'dead-code-fixture', version: '1.0.0', private: true, main: 'src/index.ts', scripts: { test: `node ${tsc} -p tsconfig.json && node .out/src/check.js` }, dependencies: { 'left-pad-lite': '1.0.0' } }),
        'package-lock.json': json({
          name: 'dead-code-fixture',
          version: '1.0.0',
          lockfileVersion: 3,
          requires: true,
          packages: { '': { name: 'dead-code-fixture', version: '1.0.0', dependencies: { 'left-pad-lite': '1.0.0' } }, 'node_modules/left-pad-lite': { version: '1.0.0', resolved: `${registryUrl}left-pad-lite/-/left-pad-lite-1.0.0.tgz` } },
        }),
        'tsconfig.json': json({ compilerOptions: { strict: true, noUnusedLocals: true, module: 'commonjs', target: 'es2020', outDir: '.out', rootDir: '.', types: [] }, include: ['src'] }),
        'steward.config.json': json({ drafts: { gates: { typecheck: ['node', tsc, '--noEmit', '-p', 'tsconfig.json'] } } }),
        'README.md': '# Fixture\n\nThe old widget lives in src/documented.ts until the docs move.\n',
        'src/index.ts': "import { usedHelper } from './helpers';\n\nexport function main(): number {\n  return usedHelper(2);\n}\n",
        'src/helpers.ts': [
          "import { double } from './math';",
          '',
          '/** Used by the entry. */',
          'export function usedHelper(n: number): number {',
          '  return internalOnly(n) + 1;',
          '}',
          '',
          '// Nothing imports it and nothing here uses it: it goes, and the import only it needed.',
          'export function unusedHelper(n: number): number {',
          '  return double(n);',
          '}',
          '',
          '// Nothing imports it, but usedHelper uses it: only `export` goes.',
          'export function internalOnly(n: number): number {',
          '  return n * 10;',
          '}',
          '',
        ].join('\n'),
        'src/math.ts': 'export function double(n: number): number {\n  return n * 2;\n}\n',
        'src/unused-file.ts': "export const nobody = 'nobody imports this file';\n",
        'src/documented.ts': "export const widget = 'named by path in README.md';\n",
        'src/widget.test.ts': "import { main } from './index';\n\nif (main() !== 21) throw new Error('widget');\n",
        'src/check.ts': "import { main } from './index';\n\nif (main() !== 21) {\n  throw new Error(`main() is ${main()}`);\n}\nconsole.log('ok');\n",
      },
    },
  ]);
}

/**
 * Deprecated functions of the repository's own: `oldTotal`, whose message names `total`, a plain
 * rename with the same signature (drafted); `computeV1`, whose `computeV2` takes another parameter
 * (a manual step); `legacyFormat`, whose message names nothing (a manual step).
 */
export function buildDeprecationRepository(folder: string): string {
  return createRepository(folder, [
    {
      author: 'Dev',
      email: 'dev@example.com',
      date: '2024-06-01T00:00:00Z',
      files: {
        'package.json': `${JSON.stringify({ name: 'deprecation-fixture', version: '1.0.0', private: true, main: 'src/app.ts' }, null, 2)}\n`,
        'src/lib.ts': [
          '/** @deprecated Use `total` instead. */',
          'export function oldTotal(values: number[]): number {',
          '  return total(values);',
          '}',
          '',
          'export function total(values: number[]): number {',
          '  return values.reduce((sum, value) => sum + value, 0);',
          '}',
          '',
          '/** @deprecated Use computeV2 instead. */',
          'export function computeV1(a: number): number {',
          '  return computeV2(a, 1);',
          '}',
          '',
          'export function computeV2(a: number, b: number): number {',
          '  return a * b;',
          '}',
          '',
          '/** @deprecated It will go in the next major. */',
          'export function legacyFormat(value: number): string {',
          '  return String(value);',
          '}',
          '',
        ].join('\n'),
        'src/app.ts': [
          "import { computeV1, legacyFormat, oldTotal } from './lib';",
          '',
          'export function report(values: number[]): string {',
          '  const sum = oldTotal(values);',
          '  return legacyFormat(computeV1(sum)) + String(oldTotal([sum]));',
          '}',
          '',
        ].join('\n'),
      },
    },
  ]);
}
