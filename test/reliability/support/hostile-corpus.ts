import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRepository, git } from '../../support/git-fixture.js';
import { commitRaw, createHostileConfigRepository, type markerFolder } from '../../support/hostile-fixture.js';

type MarkerFolder = ReturnType<typeof markerFolder>;

/**
 * The hostile-repository corpus: broken or odd repositories, generated (no committed binaries), each
 * one entry of `corpus` below: its name, what it is, and how it is built. Adding a repository is one entry.
 */
export interface CorpusEntry {
  name: string;
  /** What is odd about it, for a failure message and RELIABILITY.md. */
  what: string;
  /** Very expensive to build and run: left out of the fast subset, run by the full one. */
  expensive?: true;
  build(folder: string, context: BuildContext): Built | void;
}

/** What the matrix runs commands on, when not the folder itself (whose bytes it checks). */
interface Built {
  path?: string;
}

interface BuildContext {
  markers: MarkerFolder;
  /** Deterministic bytes for this seed. */
  random: () => number;
}

const identity = { author: 'Ada Lovelace', email: 'ada@example.com', date: '2024-01-01T00:00:00Z' };
const gitEnv = (date = '2024-01-01T00:00:00Z'): NodeJS.ProcessEnv => ({
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_AUTHOR_DATE: date,
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_COMMITTER_DATE: date,
});

/** A small, valid project that odd entries add their oddity to. */
const baseProject: Record<string, string> = {
  'package.json': '{ "name": "corpus", "version": "1.0.0", "main": "src/index.ts" }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "esnext", "target": "es2022" }, "include": ["src"] }\n',
  'src/index.ts': 'import { helper } from "./helper";\nexport const run = (value: number): number => (value > 1 ? helper(value) : 0);\n',
  'src/helper.ts': 'export function helper(value: number): number {\n  if (value > 10) return value * 2;\n  return value;\n}\nexport const unused = 2;\n',
};

/** A repository of one commit holding the base project and `files`. */
function project(folder: string, files: Record<string, string | Uint8Array | { symlinkTo: string }>): void {
  createRepository(folder, [{ ...identity, files: { ...baseProject, ...files } }]);
}

/**
 * A shell command free of `/` (a file name cannot hold one) that leaves the marker `name` if a shell
 * ever evaluates it: the marker's path is spelled with printf's octal escape for `/`.
 */
function touchCommand(markers: MarkerFolder, name: string): string {
  return `touch "$(printf '${join(markers.folder, name).replaceAll('/', '\\057')}')"`;
}

/** `$(…)` and backtick forms of the command, to put in names. */
const dollar = (markers: MarkerFolder, name: string): string => `$(${touchCommand(markers, name)})`;
const backtick = (markers: MarkerFolder, name: string): string => `\`${touchCommand(markers, name)}\``;

/** Feeds a `git fast-import` stream to a new repository and checks `main` out: thousands of commits or files in seconds. */
function fastImport(folder: string, stream: string): void {
  mkdirSync(folder, { recursive: true });
  git(folder, ['init', '--quiet', '--initial-branch=main']);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: folder, input: stream, maxBuffer: 1 << 30, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
  git(folder, ['reset', '--quiet', '--hard', 'main']);
}

/** A fast-import `data` block. */
const data = (content: string): string => `data ${Buffer.byteLength(content)}\n${content}\n`;

const commitHeader = (mark: number, seconds: number, message: string): string =>
  `commit refs/heads/main\nmark :${mark}\nauthor Ada Lovelace <ada@example.com> ${seconds} +0000\ncommitter Ada Lovelace <ada@example.com> ${seconds} +0000\n${data(message)}`;

const start = Date.parse('2020-01-01T00:00:00Z') / 1000;

export const corpus: readonly CorpusEntry[] = [
  {
    name: 'syntax-errors',
    what: 'TypeScript and JavaScript files that do not parse: unclosed braces, stray tokens, broken JSX, a lone backslash',
    build: (folder) =>
      project(folder, {
        'src/unclosed.ts': 'export function open(value: number {\n  if (value > 1 {\n    return [1, 2\n',
        'src/tokens.ts': 'export const = = 3;;; }}} ))) @@@ #!\nclass { constructor( }\n',
        'src/broken.tsx': 'export const View = () => <div><span>{</div>;\n',
        'src/escape.js': 'const text = "unterminated\\\n',
        'src/imports.ts': 'import { from "./nowhere";\nimport * as from;\nexport * from;\n',
      }),
  },
  {
    name: 'tsconfig-invalid',
    what: 'a tsconfig.json that is not JSON, one with wrong types, and a jsconfig that is an array',
    build: (folder) =>
      project(folder, {
        'tsconfig.json': '{ "compilerOptions": { "strict": tru, "paths": { "@/*": "src" } ,,, \n',
        'packages/a/tsconfig.json': '{ "compilerOptions": 42, "include": "src", "references": [{ "path": 7 }], "files": null }\n',
        'packages/a/src/a.ts': 'export const a = 1;\n',
        'jsconfig.json': '[1, 2, 3]\n',
      }),
  },
  {
    name: 'tsconfig-extends-loop',
    what: 'tsconfig files that extend each other in a circle, one that extends itself, and project references in a circle',
    build: (folder) =>
      project(folder, {
        'tsconfig.json': '{ "extends": "./tsconfig.a.json", "include": ["src"], "references": [{ "path": "./packages/x" }] }\n',
        'tsconfig.a.json': '{ "extends": "./tsconfig.b.json" }\n',
        'tsconfig.b.json': '{ "extends": ["./tsconfig.json", "./tsconfig.self.json"] }\n',
        'tsconfig.self.json': '{ "extends": "./tsconfig.self.json" }\n',
        'packages/x/tsconfig.json': '{ "compilerOptions": { "composite": true }, "references": [{ "path": "../y" }] }\n',
        'packages/y/tsconfig.json': '{ "compilerOptions": { "composite": true }, "references": [{ "path": "../x" }] }\n',
        'packages/x/index.ts': 'export const x = 1;\n',
        'packages/y/index.ts': 'export const y = 1;\n',
      }),
  },
  {
    name: 'tsconfig-extends-missing',
    what: 'tsconfig extending a package that is not installed, a file outside the repository and a folder; paths mapping to nothing',
    build: (folder) =>
      project(folder, {
        'tsconfig.json':
          '{ "extends": ["@nowhere/tsconfig/base.json", "../../../../etc/passwd", "./src"], "compilerOptions": { "baseUrl": "/", "paths": { "*": ["/dev/zero"] }, "rootDirs": ["/"] }, "include": ["src", "/etc/**"] }\n',
      }),
  },
  {
    name: 'package-json-invalid',
    what: 'package.json files that are not JSON, one that is empty, one that is an array, at the root and in workspaces',
    build: (folder) =>
      project(folder, {
        'package.json': '{ "name": "broken", "dependencies": { "left-pad": "1.3.0", }\n',
        'packages/empty/package.json': '',
        'packages/array/package.json': '["not", "an", "object"]\n',
        'packages/null/package.json': 'null\n',
        'packages/array/index.ts': 'export const a = 1;\n',
      }),
  },
  {
    name: 'package-json-odd',
    what: 'valid JSON with wrong shapes: dependencies as a string, versions as numbers and objects, workspaces as a number, an exports loop, a 10,000-entry dependency list',
    build: (folder) =>
      project(folder, {
        'package.json': JSON.stringify({
          name: 42,
          version: { major: 1 },
          main: ['src/index.ts'],
          bin: 7,
          exports: { '.': { import: { default: { require: null } } }, './x': ['./a', './b', { node: './c' }] },
          workspaces: 3,
          dependencies: 'left-pad',
          devDependencies: { typescript: 5, 'weird name with spaces': 'git+ssh://git@example.invalid/x.git', '': '*', '../../escape': 'file:../../..' },
          peerDependencies: Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`pkg-${index}`, `^${index}.0.0`])),
          scripts: null,
        }),
      }),
  },
  {
    name: 'lockfiles-invalid',
    what: 'package-lock.json, yarn.lock, pnpm-lock.yaml, bun.lock and npm-shrinkwrap.json that are garbage, truncated or of unknown versions',
    build: (folder) =>
      project(folder, {
        'package.json': '{ "name": "locks", "version": "1.0.0", "dependencies": { "left-pad": "^1.3.0", "is-odd": "^3.0.0" } }\n',
        'package-lock.json': '{ "name": "locks", "lockfileVersion": 99, "packages": { "": { "dependencies": [] }, "node_modules/left-pad": "1.3.0", "node_modules/is-odd": { "version": {} } ',
        'npm-shrinkwrap.json': '{ "lockfileVersion": 3, "packages": null, "dependencies": 5 }\n',
        'yarn.lock': '# yarn lockfile v1\n\n"left-pad@^1.3.0":\n  version "\nresolved: [[[\n  ::: :: ::\n',
        'pnpm-lock.yaml': "lockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies: [*anchor]\npackages: !!binary |\n  not base64 at all\n",
        'bun.lock': '{ "lockfileVersion": "x", "workspaces": { "": 1 }, }}}\n',
      }),
  },
  {
    name: 'binary-ts',
    what: 'random bytes in files named .ts, .tsx, .js and package.json',
    build: (folder, { random }) => {
      const bytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => Math.floor(random() * 256));
      project(folder, { 'src/binary.ts': bytes(64 * 1024), 'src/image.tsx': bytes(4096), 'lib/blob.js': bytes(100_000), 'packages/bin/package.json': bytes(2048) });
    },
  },
  {
    name: 'nul-and-invalid-utf8',
    what: 'NUL bytes inside source, invalid UTF-8 sequences, a lone surrogate in UTF-8, a UTF-16 file with a BOM, and a file name that is not UTF-8',
    build: (folder) => {
      project(folder, {
        'src/nul.ts': 'export const a = "x\u0000y";\n\u0000\u0000export function b() { return 1; }\n',
        'src/invalid.ts': Buffer.concat([Buffer.from('export const s = "'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]), Buffer.from('";\nexport function f(x: number) { if (x) return 1; return 2; }\n')]),
        'src/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('export const wide = 1;\n', 'utf16le')]),
        'src/bom.ts': '\ufeffexport const bom = 1;\n',
      });
      // A name that is not UTF-8, straight from bytes (Linux file names are bytes).
      writeFileSync(Buffer.from([...Buffer.from(join(folder, 'src/')), 0xff, 0xfe, 0x2e, 0x74, 0x73]), 'export const latin = 1;\n');
      git(folder, ['add', '--all']);
      git(folder, ['commit', '--quiet', '-m', 'a name that is not UTF-8'], gitEnv('2024-01-02T00:00:00Z'));
    },
  },
  {
    name: 'minified-50mb',
    what: 'a 50 MB minified JavaScript file on one line, and a 5 MB one named .ts',
    expensive: true,
    build: (folder) => {
      const chunk = Array.from({ length: 100 }, (_, index) => `function a${index}(b,c){return b>c?b&&c||b:c??b}var v${index}=a${index}(${index},2);`).join('');
      const bytes = 50 * 1024 * 1024;
      project(folder, { 'dist/bundle.min.js': chunk.repeat(Math.ceil(bytes / chunk.length)).slice(0, bytes), 'src/bundle.min.ts': chunk.repeat(Math.ceil(bytes / 10 / chunk.length)) });
    },
  },
  {
    name: 'single-5mb-line',
    what: 'a TypeScript file that is one 5 MB line: an array literal of numbers, and a 5 MB string',
    build: (folder) =>
      project(folder, {
        'src/line.ts': `export const numbers = [${Array.from({ length: 700_000 }, (_, index) => index % 1000).join(',')}];`,
        'src/string.ts': `export const text = "${'x'.repeat(5 * 1024 * 1024)}";`,
      }),
  },
  {
    name: 'nested-parentheses',
    what: '10,000 nested parentheses, brackets and object literals in expressions (a recursive reader would overflow its stack)',
    build: (folder) =>
      project(folder, {
        'src/parens.ts': `export const deep = ${'('.repeat(10_000)}1${')'.repeat(10_000)};\n`,
        'src/arrays.ts': `export const arrays = ${'['.repeat(10_000)}${']'.repeat(10_000)};\n`,
        'src/calls.ts': `declare function f(x: unknown): unknown;\nexport const calls = ${'f('.repeat(10_000)}0${')'.repeat(10_000)};\n`,
        'src/objects.js': `export const objects = ${'{a:'.repeat(10_000)}1${'}'.repeat(10_000)};\n`,
        'src/ternary.ts': `export const t = (x: number) => ${'x ? '.repeat(5_000)}1${' : 0'.repeat(5_000)};\n`,
        'src/logic.ts': `export const l = (x: boolean) => ${Array.from({ length: 10_000 }, () => 'x').join(' && ')};\n`,
      }),
  },
  {
    name: 'nested-ifs',
    what: '5,000 nested ifs in one function, 2,000 nested arrow functions and 3,000 nested blocks',
    build: (folder) =>
      project(folder, {
        'src/ifs.ts': `export function deep(x: number): number {\n${'if (x > 0) {\n'.repeat(5_000)}return x;\n${'}\n'.repeat(5_000)}return 0;\n}\n`,
        'src/arrows.ts': `export const arrows = ${'() => '.repeat(2_000)}1;\n`,
        'src/blocks.js': `export function blocks() {\n${'{'.repeat(3_000)}${'}'.repeat(3_000)}\n}\n`,
      }),
  },
  {
    name: 'symlink-loops',
    what: 'symbolic links in circles: a link to itself, two links to each other, a folder link to its parent, and a dangling link named .ts',
    build: (folder) =>
      project(folder, {
        'src/self.ts': { symlinkTo: 'self.ts' },
        'src/ping.ts': { symlinkTo: 'pong.ts' },
        'src/pong.ts': { symlinkTo: 'ping.ts' },
        'src/loop': { symlinkTo: '..' },
        'src/root': { symlinkTo: '../..' },
        'src/dangling.ts': { symlinkTo: 'nowhere/at/all.ts' },
        'node_modules/pkg': { symlinkTo: '../node_modules' },
      }),
  },
  {
    name: 'symlinks-outside',
    what: 'links that leave the repository: to /etc/passwd, /dev/zero, /proc/self, the root folder and the parent folder, named like sources and manifests',
    build: (folder) =>
      project(folder, {
        'src/passwd.ts': { symlinkTo: '/etc/passwd' },
        'src/zero.ts': { symlinkTo: '/dev/zero' },
        'src/random.js': { symlinkTo: '/dev/urandom' },
        'src/proc': { symlinkTo: '/proc/self' },
        'src/everything': { symlinkTo: '/' },
        'src/up': { symlinkTo: '../..' },
        'packages/linked/package.json': { symlinkTo: '/etc/hostname' },
        'tsconfig.base.json': { symlinkTo: '/dev/zero' },
      }),
  },
  {
    name: 'untracked-fifo',
    what: 'named pipes (FIFOs) in the working tree named like sources and a manifest: reading one blocks forever',
    build: (folder) => {
      project(folder, {});
      for (const name of ['src/fifo.ts', 'src/pipe.js', 'packages/pipe/package.json']) {
        mkdirSync(dirname(join(folder, name)), { recursive: true });
        execFileSync('mkfifo', [join(folder, name)]);
      }
    },
  },
  {
    name: 'deep-folders',
    what: 'a file 200 folders deep (and its package.json and tsconfig), imported from the root',
    build: (folder) => {
      const deep = Array.from({ length: 200 }, (_, index) => `d${index}`).join('/');
      project(folder, {
        [`${deep}/deep.ts`]: 'export const deep = 1;\n',
        [`${deep}/package.json`]: '{ "name": "deep" }\n',
        [`${deep}/tsconfig.json`]: '{ "extends": "../tsconfig.json" }\n',
        'src/uses-deep.ts': `export { deep } from "../${deep}/deep";\n`,
      });
    },
  },
  {
    name: 'files-100k',
    what: '100,000 small TypeScript files in one commit, built with git fast-import',
    expensive: true,
    build: (folder) => {
      const count = 100_000;
      const parts = [commitHeader(1, start, 'many files')];
      for (let index = 0; index < count; index++) {
        parts.push(`M 100644 inline src/m${Math.floor(index / 1000)}/f${index}.ts\n${data(`export const v${index} = ${index};\n${index % 2 ? `import { v${index - 1} } from "./f${index - 1}";\nexport const w${index} = v${index - 1};\n` : ''}`)}`);
      }
      parts.push(`M 100644 inline package.json\n${data('{ "name": "many", "main": "src/m0/f0.ts" }\n')}`);
      fastImport(folder, parts.join(''));
    },
  },
  {
    name: 'path-spaces-quotes',
    what: 'paths with spaces, tabs, single and double quotes, a backslash, and a trailing space, imported from each other',
    build: (folder) =>
      project(folder, {
        'src/with space/file name.ts': 'export const spaced = 1;\n',
        "src/it's.ts": "export { spaced } from './with space/file name';\n",
        'src/"double".ts': 'export const double = 1;\n',
        'src/tab\there.ts': 'export const tab = 1;\n',
        'src/back\\slash.ts': 'export const back = 1;\n',
        'src/trailing .ts': 'export const trailing = 1;\n',
        'src with space/package.json': '{ "name": "spaced pkg" }\n',
      }),
  },
  {
    name: 'path-shell-injection',
    what: 'paths holding $(…) and backticks that would leave a marker if any shell evaluated them: files, folders, a package name and a script',
    build: (folder, { markers }) =>
      project(folder, {
        [`src/${dollar(markers, 'path-dollar-file')}.ts`]: 'export const d = 1;\n',
        [`src/${backtick(markers, 'path-backtick-file')}.ts`]: 'export const b = 1;\n',
        [`${dollar(markers, 'path-dollar-folder')}/index.ts`]: 'export const f = 1;\n',
        [`src/a;${touchCommand(markers, 'path-semicolon')};.ts`]: 'export const s = 1;\n',
        [`src/a|${touchCommand(markers, 'path-pipe')}.ts`]: 'export const p = 1;\n',
        'package.json': JSON.stringify({ name: dollar(markers, 'package-name'), version: '1.0.0', main: `src/${dollar(markers, 'path-dollar-file')}.ts`, dependencies: { [backtick(markers, 'dependency-name')]: '1.0.0' } }),
      }),
  },
  {
    name: 'path-newlines-dashes',
    what: 'paths with newlines and carriage returns, leading dashes (-rf.ts, --help.ts, a folder named -n) and a terminal escape',
    build: (folder) =>
      project(folder, {
        'src/new\nline.ts': 'export const newline = 1;\n',
        'src/carriage\rreturn.ts': 'export const cr = 1;\n',
        '-rf.ts': 'export const rf = 1;\n',
        '--help.ts': 'export const help = 1;\n',
        '-n/--version.ts': 'export const version = 1;\n',
        'src/\u001b]0;title\u0007.ts': 'export const title = 1;\n',
      }),
  },
  {
    name: 'path-non-ascii',
    what: 'non-ASCII paths: Japanese, emoji, right-to-left text, the same name in NFC and NFD, a zero-width joiner',
    build: (folder) =>
      project(folder, {
        'src/日本語/ファイル.ts': 'export const nihongo = 1;\n',
        'src/émoji-😀.ts': 'export const emoji = 1;\n',
        'src/עברית.ts': 'export const hebrew = 1;\n',
        'src/caf\u00e9.ts': 'export const nfc = 1;\n',
        'src/cafe\u0301.ts': 'export const nfd = 1;\n',
        'src/zero\u200dwidth.ts': 'export const zwj = 1;\n',
        'src/\u202eevil.ts': 'export const rlo = 1;\n',
      }),
  },
  {
    name: 'empty-repository',
    what: 'git init and nothing else: no commit, HEAD on an unborn branch',
    build: (folder) => {
      mkdirSync(folder, { recursive: true });
      git(folder, ['init', '--quiet', '--initial-branch=main']);
    },
  },
  {
    name: 'empty-repository-with-files',
    what: 'no commit, but files in the working tree, some staged',
    build: (folder) => {
      mkdirSync(join(folder, 'src'), { recursive: true });
      git(folder, ['init', '--quiet', '--initial-branch=main']);
      writeFileSync(join(folder, 'src/index.ts'), 'export const staged = 1;\n');
      writeFileSync(join(folder, 'src/untracked.ts'), 'export const untracked = 1;\n');
      git(folder, ['add', 'src/index.ts']);
    },
  },
  {
    name: 'one-empty-commit',
    what: 'a single commit with an empty tree',
    build: (folder) => {
      mkdirSync(folder, { recursive: true });
      git(folder, ['init', '--quiet', '--initial-branch=main']);
      git(folder, ['commit', '--quiet', '--allow-empty', '-m', 'empty'], gitEnv());
    },
  },
  {
    name: 'shallow-clone',
    what: 'a clone with --depth 1 of a five-commit history: its first commit has parents the repository does not have',
    build: (folder) => {
      const origin = `${folder}-origin`;
      createRepository(
        origin,
        Array.from({ length: 5 }, (_, index) => ({ ...identity, date: `2024-0${index + 1}-01T00:00:00Z`, files: { ...baseProject, 'src/index.ts': `export const version = ${index};\n` } })),
      );
      execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${origin}`, folder], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });
      rmSync(origin, { recursive: true, force: true });
    },
  },
  {
    name: 'missing-objects',
    what: 'a damaged clone: a blob of HEAD, a tree of an older commit and a parent commit missing from the object store',
    build: (folder) => {
      createRepository(folder, [
        { ...identity, files: { ...baseProject, 'src/old/a.ts': 'export const a = 1;\n' } },
        { ...identity, date: '2024-02-01T00:00:00Z', files: { 'src/index.ts': 'export const second = 2;\n', 'src/gone.ts': 'export const gone = 1;\n' } },
        { ...identity, date: '2024-03-01T00:00:00Z', files: { 'src/helper.ts': 'export function helper(v: number) { return v; }\n' } },
      ]);
      const loose = (sha: string): string => join(folder, '.git', 'objects', sha.slice(0, 2), sha.slice(2));
      const blob = git(folder, ['rev-parse', 'HEAD:src/gone.ts']).trim();
      const oldTree = git(folder, ['rev-parse', 'HEAD~2:src/old']).trim();
      const parent = git(folder, ['rev-parse', 'HEAD~1']).trim();
      for (const sha of [blob, oldTree, parent]) rmSync(loose(sha));
    },
  },
  {
    name: 'submodules',
    what: 'a submodule checked out, a gitlink with no .gitmodules entry, and a .gitmodules naming a path with ../ and a hostile URL',
    build: (folder, { markers }) => {
      const inner = `${folder}-inner`;
      project(inner, {});
      project(folder, {});
      git(folder, ['-c', 'protocol.file.allow=always', 'submodule', '--quiet', 'add', inner, 'vendor/inner'], gitEnv());
      git(folder, ['commit', '--quiet', '-m', 'add a submodule'], gitEnv('2024-01-02T00:00:00Z'));
      const innerHead = git(inner, ['rev-parse', 'HEAD']).trim();
      git(folder, ['update-index', '--add', '--cacheinfo', `160000,${innerHead},vendor/orphan`]);
      writeFileSync(join(folder, '.gitmodules'), `${git(folder, ['show', 'HEAD:.gitmodules'])}[submodule "evil"]\n\tpath = ../../escape\n\turl = ext::sh -c ${touchCommand(markers, 'submodule-url')}\n\tupdate = !${touchCommand(markers, 'submodule-update')}\n`);
      git(folder, ['add', '.gitmodules']);
      git(folder, ['commit', '--quiet', '-m', 'odd submodules'], gitEnv('2024-01-03T00:00:00Z'));
    },
  },
  {
    name: 'linked-worktree',
    what: 'a linked worktree (its .git is a file) on its own branch, scanned instead of the main one',
    build: (folder) => {
      const main = join(folder, 'main');
      project(main, {});
      git(main, ['worktree', 'add', '--quiet', '-b', 'feature', join(folder, 'linked')]);
      writeFileSync(join(folder, 'linked', 'src', 'feature.ts'), 'export const feature = 1;\n');
      git(join(folder, 'linked'), ['add', '--all']);
      git(join(folder, 'linked'), ['commit', '--quiet', '-m', 'feature'], gitEnv('2024-01-02T00:00:00Z'));
      return { path: join(folder, 'linked') };
    },
  },
  {
    name: 'detached-head',
    what: 'HEAD detached at an older commit',
    build: (folder) => {
      createRepository(folder, [
        { ...identity, files: baseProject },
        { ...identity, date: '2024-02-01T00:00:00Z', files: { 'src/later.ts': 'export const later = 1;\n' } },
      ]);
      git(folder, ['checkout', '--quiet', '--detach', 'HEAD~1']);
    },
  },
  {
    name: 'head-on-missing-branch',
    what: 'HEAD names a branch that does not exist, while other branches and files do',
    build: (folder) => {
      project(folder, {});
      git(folder, ['symbolic-ref', 'HEAD', 'refs/heads/nowhere']);
    },
  },
  {
    name: 'head-garbage',
    what: 'HEAD points at a ref holding a sha that no object has, and packed-refs lists a broken line',
    build: (folder) => {
      project(folder, {});
      git(folder, ['branch', 'other']);
      writeFileSync(join(folder, '.git', 'refs', 'heads', 'main'), `${'0123456789'.repeat(4)}\n`);
      writeFileSync(join(folder, '.git', 'packed-refs'), '# pack-refs with: peeled fully-peeled sorted\nnot-a-sha refs/heads/broken\n');
    },
  },
  {
    name: 'branch-named-help',
    what: 'the checked-out branch is named --help, with branches named -n, $(…) and a tag named --version',
    build: (folder, { markers }) => {
      project(folder, {});
      // `git branch` refuses names with a leading dash; update-ref writes them as a user could by hand.
      const head = git(folder, ['rev-parse', 'HEAD']).trim();
      git(folder, ['update-ref', 'refs/heads/--help', head]);
      git(folder, ['update-ref', 'refs/heads/-n', head]);
      git(folder, ['update-ref', 'refs/tags/--version', head]);
      git(folder, ['update-ref', `refs/heads/$(touch\${IFS}${join(markers.folder, 'branch-name')})`, head]);
      git(folder, ['symbolic-ref', 'HEAD', 'refs/heads/--help']);
      git(folder, ['branch', '--quiet', '-D', 'main']);
    },
  },
  {
    name: 'crlf-and-mixed-endings',
    what: 'CRLF files, mixed CRLF/LF, lone CRs, no newline at the end, and .gitattributes asking for eol=crlf and text=auto',
    build: (folder) =>
      project(folder, {
        '.gitattributes': '* text=auto\n*.ts text eol=crlf\n*.js -text\n',
        'src/crlf.ts': 'export function crlf(x: number) {\r\n  if (x) {\r\n    return 1;\r\n  }\r\n  return 2;\r\n}\r\n',
        'src/mixed.ts': 'export const a = 1;\r\nexport const b = 2;\nexport const c = 3;\rexport const d = 4;',
        'src/cr-only.js': 'export const a = 1;\rexport const b = 2;\r',
        'package.json': '{\r\n  "name": "crlf",\r\n  "main": "src/crlf.ts"\r\n}\r\n',
      }),
  },
  {
    name: 'case-only-renames',
    what: 'files renamed by case only (File.ts → file.ts → FILE.ts) over commits, and two files differing only in case at once',
    build: (folder) => {
      project(folder, { 'src/File.ts': 'export const f = 1;\n' });
      for (const [index, name] of ['file.ts', 'FILE.ts'].entries()) {
        git(folder, ['mv', '-f', index === 0 ? 'src/File.ts' : 'src/file.ts', `src/${name}`]);
        git(folder, ['commit', '--quiet', '-m', `rename to ${name}`], gitEnv(`2024-0${index + 2}-01T00:00:00Z`));
      }
      writeFileSync(join(folder, 'src/file.ts'), 'export const lower = 1;\n');
      writeFileSync(join(folder, 'src/Helper.ts'), 'export const upper = 1;\n');
      git(folder, ['add', '--all']);
      git(folder, ['commit', '--quiet', '-m', 'case twins'], gitEnv('2024-04-01T00:00:00Z'));
    },
  },
  {
    name: 'commit-3000-files',
    what: 'one commit that touches 3,000 files (added, then all changed, then all deleted in one commit)',
    build: (folder) => {
      const parts: string[] = [commitHeader(1, start, 'base'), `M 100644 inline package.json\n${data('{ "name": "wide" }\n')}`];
      for (const [mark, action] of [[2, 'add'], [3, 'change'], [4, 'delete']] as const) {
        parts.push(commitHeader(mark, start + mark * 86_400, `${action} 3000 files`), `from :${mark - 1}\n`);
        for (let index = 0; index < 3_000; index++) {
          const path = `src/w${index % 30}/file-${index}.ts`;
          parts.push(action === 'delete' ? `D ${path}\n` : `M 100644 inline ${path}\n${data(`export const v${index} = ${mark};\n`)}`);
        }
      }
      parts.push(commitHeader(5, start + 6 * 86_400, 'add them back'), 'from :4\n');
      for (let index = 0; index < 3_000; index++) parts.push(`M 100644 inline src/w${index % 30}/file-${index}.ts\n${data(`export const v${index} = 5;\n`)}`);
      fastImport(folder, parts.join(''));
    },
  },
  {
    name: 'commits-20000',
    what: '20,000 commits over three years by 50 authors, built with git fast-import',
    expensive: true,
    build: (folder) => {
      const count = 20_000;
      const parts: string[] = [];
      for (let index = 0; index < count; index++) {
        const seconds = start + Math.floor((index * 3 * 365 * 86_400) / count);
        const author = `Dev ${index % 50} <dev${index % 50}@example.com>`;
        parts.push(`commit refs/heads/main\nmark :${index + 1}\nauthor ${author} ${seconds} +0000\ncommitter ${author} ${seconds} +0000\n${data(`change ${index}`)}`);
        if (index > 0) parts.push(`from :${index}\n`);
        parts.push(`M 100644 inline src/f${index % 40}.ts\n${data(`export function f${index % 40}(x: number) {\n  if (x > ${index}) return ${index};\n  return x;\n}\n`)}`);
        if (index === 0) parts.push(`M 100644 inline package.json\n${data('{ "name": "long-history", "main": "src/f0.ts" }\n')}`);
      }
      fastImport(folder, parts.join(''));
    },
  },
  {
    name: 'merges-and-orphans',
    what: 'an octopus merge of three branches, an unrelated history merged in, and a commit with an empty message and an empty author email',
    build: (folder) => {
      project(folder, {});
      for (const branch of ['a', 'b', 'c']) {
        git(folder, ['checkout', '--quiet', '-b', branch, 'main']);
        writeFileSync(join(folder, `src/${branch}.ts`), `export const ${branch} = 1;\n`);
        git(folder, ['add', '--all']);
        git(folder, ['commit', '--quiet', '-m', branch], gitEnv('2024-01-02T00:00:00Z'));
      }
      git(folder, ['checkout', '--quiet', 'main']);
      git(folder, ['merge', '--quiet', '--no-edit', 'a', 'b', 'c'], gitEnv('2024-01-03T00:00:00Z'));
      git(folder, ['checkout', '--quiet', '--orphan', 'unrelated']);
      git(folder, ['rm', '--quiet', '-r', '--cached', '.']);
      writeFileSync(join(folder, 'other.ts'), 'export const other = 1;\n');
      git(folder, ['add', 'other.ts']);
      git(folder, ['commit', '--quiet', '-m', 'unrelated'], gitEnv('2024-01-04T00:00:00Z'));
      git(folder, ['checkout', '--quiet', '-f', 'main']);
      git(folder, ['clean', '--quiet', '-fd']);
      git(folder, ['merge', '--quiet', '--no-edit', '--allow-unrelated-histories', 'unrelated'], gitEnv('2024-01-05T00:00:00Z'));
      commitRaw(folder, { author: 'Nobody <>', timestamp: String(start + 400 * 86_400), message: '' });
    },
  },
  {
    name: 'hostile-git-config',
    what: 'a .git/config naming a program in fsmonitor, hooksPath, filters, diff drivers, textconv, sshCommand, gpg and a promisor remote (test/support/hostile-fixture.ts)',
    build: (folder, { markers }) => void createHostileConfigRepository(folder, markers),
  },
  {
    name: 'hostile-git-config-included',
    what: 'the same kinds of settings reached through include.path and includeIf, plus an ext:: remote URL, core.gitProxy, uploadpack.packObjectsHook, aliases and core.editor',
    build: (folder, { markers }) => {
      project(folder, { '.gitattributes': '*.ts filter=included diff=included\n' });
      const included = join(folder, '.git', 'included.config');
      writeFileSync(
        included,
        [
          '[core]',
          `\tfsmonitor = "${touchCommand(markers, 'included-fsmonitor').replaceAll('"', '\\"')}; false"`,
          `\tgitProxy = "${touchCommand(markers, 'git-proxy').replaceAll('"', '\\"')}"`,
          `\teditor = "${touchCommand(markers, 'editor').replaceAll('"', '\\"')}"`,
          '[filter "included"]',
          `\tclean = "sh -c '${touchCommand(markers, 'included-clean').replaceAll('"', '\\"')}; cat'"`,
          `\tsmudge = "sh -c '${touchCommand(markers, 'included-smudge').replaceAll('"', '\\"')}; cat'"`,
          '\trequired = true',
          '[diff "included"]',
          `\ttextconv = "sh -c '${touchCommand(markers, 'included-textconv').replaceAll('"', '\\"')}; cat'"`,
          '[uploadpack]',
          `\tpackObjectsHook = "${touchCommand(markers, 'pack-objects-hook').replaceAll('"', '\\"')}"`,
          '[alias]',
          `\tlog = "!${touchCommand(markers, 'alias').replaceAll('"', '\\"')}"`,
          '[remote "origin"]',
          `\turl = "ext::sh -c '${touchCommand(markers, 'ext-remote').replaceAll('"', '\\"')}'"`,
          '',
        ].join('\n'),
      );
      writeFileSync(join(folder, '.git', 'config'), `[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = false\n[include]\n\tpath = included.config\n[includeIf "gitdir:${folder}/"]\n\tpath = included.config\n`);
      // Rewritten with the same bytes: newer than the index, so `git status` must hash them again (through the filter, were it allowed).
      for (const file of ['src/index.ts', 'src/helper.ts']) writeFileSync(join(folder, file), baseProject[file]!);
    },
  },
  {
    name: 'hostile-npm-settings',
    what: 'install scripts, an .npmrc naming a script shell, node-options --require and a registry, and a .yarnrc/.pnpmfile that run code: only a consented draft may run them',
    build: (folder, { markers }) => {
      const evil = `require('fs').writeFileSync(${JSON.stringify(join(markers.folder, 'node-require'))}, 'ran');\n`;
      project(folder, {
        'package.json': JSON.stringify({
          name: 'scripts',
          version: '1.0.0',
          main: 'src/index.ts',
          scripts: Object.fromEntries(['preinstall', 'install', 'postinstall', 'prepare', 'prepack', 'lint', 'test', 'build', 'typecheck'].map((script) => [script, touchCommand(markers, `script-${script}`)])),
        }),
        '.npmrc': `script-shell=${join(folder, 'evil.sh')}\nnode-options=--require ${join(folder, 'evil.cjs')}\nregistry=http://127.0.0.1:9/\n_authToken=npm_secretTokenThatMustNotLeak0000\n`,
        '.yarnrc.yml': `yarnPath: ./evil.cjs\nnpmRegistryServer: "http://127.0.0.1:9/"\n`,
        '.pnpmfile.cjs': evil,
        'evil.cjs': evil,
        'evil.sh': `#!/bin/sh\n${touchCommand(markers, 'script-shell')}\n`,
        'src/orphan.ts': 'export const orphan = 1;\n',
      });
      chmodSync(join(folder, 'evil.sh'), 0o755);
      git(folder, ['add', '--all']);
      git(folder, ['commit', '--quiet', '-m', 'executable'], gitEnv('2024-01-02T00:00:00Z'));
    },
  },
  {
    name: 'hostile-commit-metadata',
    what: 'author names, emails, messages and tag names holding $(…), backticks, newlines, NULs escaped and 100 kB of text',
    build: (folder, { markers }) => {
      project(folder, {});
      commitRaw(folder, { author: `${dollar(markers, 'author-name')} <${backtick(markers, 'author-email')}@x>`, timestamp: String(start + 10 * 86_400), message: `${dollar(markers, 'message')}\n\n${'long '.repeat(20_000)}` });
      git(folder, ['tag', '-a', '-m', backtick(markers, 'tag-message'), 'v1'], gitEnv());
      git(folder, ['update-ref', `refs/tags/$(touch\${IFS}${join(markers.folder, 'tag-name')})`, 'HEAD']);
    },
  },
  {
    name: 'dirty-working-tree',
    what: 'uncommitted changes, a staged deletion, untracked and ignored files, and a merge conflict in progress',
    build: (folder) => {
      project(folder, { '.gitignore': 'ignored/\n', 'src/conflict.ts': 'export const v = 0;\n' });
      git(folder, ['checkout', '--quiet', '-b', 'theirs']);
      writeFileSync(join(folder, 'src/conflict.ts'), 'export const v = 1;\n');
      git(folder, ['commit', '--quiet', '-am', 'theirs'], gitEnv('2024-01-02T00:00:00Z'));
      git(folder, ['checkout', '--quiet', 'main']);
      writeFileSync(join(folder, 'src/conflict.ts'), 'export const v = 2;\n');
      git(folder, ['commit', '--quiet', '-am', 'ours'], gitEnv('2024-01-03T00:00:00Z'));
      try {
        git(folder, ['merge', '--quiet', 'theirs'], gitEnv('2024-01-04T00:00:00Z'));
      } catch {
        // The conflict is the point: the repository stays mid-merge.
      }
      writeFileSync(join(folder, 'src/index.ts'), 'export const changed = 1;\n');
      git(folder, ['rm', '--quiet', '--cached', 'src/helper.ts']);
      mkdirSync(join(folder, 'ignored'));
      writeFileSync(join(folder, 'ignored/secret.ts'), 'export const ignored = 1;\n');
      writeFileSync(join(folder, 'src/untracked.ts'), 'export const untracked = 1;\n');
    },
  },
  {
    name: 'sparse-and-deleted',
    what: 'a sparse checkout (tracked files absent from disk) and tracked files deleted from the working tree',
    build: (folder) => {
      project(folder, { 'packages/a/index.ts': 'export const a = 1;\n', 'packages/b/index.ts': 'export const b = 1;\n' });
      git(folder, ['sparse-checkout', 'set', '--no-cone', '/src/', '/package.json', '/tsconfig.json']);
      rmSync(join(folder, 'src/helper.ts'));
    },
  },
  {
    name: 'odd-file-kinds',
    what: 'a folder named folder.ts, empty and comment-only sources, a 0-byte package.json, an executable .ts, a .d.ts only project, and a Git LFS pointer named .ts',
    build: (folder) =>
      project(folder, {
        'src/folder.ts/inner.ts': 'export const inner = 1;\n',
        'src/empty.ts': '',
        'src/comments.ts': '// only\n/* comments */\n',
        'packages/zero/package.json': '',
        'types/only.d.ts': 'declare module "x" { export const x: number; }\n',
        'src/lfs.ts': 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n',
        '.gitattributes': 'src/lfs.ts filter=lfs diff=lfs merge=lfs -text\n',
      }),
  },
  {
    name: 'gitignore-everything',
    what: 'a .gitignore that ignores everything, with sources only untracked in the working tree',
    build: (folder) => {
      project(folder, { '.gitignore': '*\n!.gitignore\n' });
      writeFileSync(join(folder, 'src/untracked-only.ts'), 'export const u = 1;\n');
    },
  },
  {
    name: 'node-modules-committed',
    what: 'a committed node_modules with a package whose package.json is broken and a nested node_modules loop',
    build: (folder) =>
      project(folder, {
        'node_modules/left-pad/package.json': '{ "name": "left-pad", "version": ',
        'node_modules/left-pad/index.js': 'module.exports = () => 1;\n',
        'node_modules/a/node_modules/a/node_modules/a/package.json': '{ "name": "a", "version": "1.0.0" }\n',
        'node_modules/.package-lock.json': 'garbage',
        'package.json': '{ "name": "nm", "version": "1.0.0", "dependencies": { "left-pad": "1.3.0", "a": "1.0.0" } }\n',
      }),
  },
  {
    name: 'steward-config-hostile',
    what: 'a steward.config.json and knip.json that are invalid, huge or name patterns reaching outside the repository',
    build: (folder) =>
      project(folder, {
        'steward.config.json': '{ "deadCode": { "ignore": 5, "entry": ["../../**/*", "/etc/**"] }, "complexity": { "threshold": -1 }, "owners": null, ',
        'knip.json': JSON.stringify({ entry: ['../**/*.ts', '/**/*.ts'], project: 7, ignore: Array.from({ length: 5_000 }, (_, index) => `x${index}/**`) }),
        'CODEOWNERS': `${'* @owner\n'.repeat(10_000)}[\n`,
        '.github/CODEOWNERS': '**/[[[ @a\n',
      }),
  },
];
