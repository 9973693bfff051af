import { appendFileSync, chmodSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRepository, git } from '../../support/git-fixture.js';
import type { markerFolder } from '../../support/hostile-fixture.js';

type Markers = ReturnType<typeof markerFolder>;

/**
 * Strings that run `touch <marker>` if any shell ever sees them, and options that write a marker if
 * git or another program ever takes them as an option: `$()`, backticks, `;`, `|`, `&&`, a line
 * break, a leading `--upload-pack=` and `--output=` (git writes its output to the file named).
 */
function injections(markers: Markers, vector: string): string[] {
  const touch = (kind: string): string => markers.command(`${vector}-${kind}`);
  return [
    `$(${touch('dollar')})`,
    `\`${touch('backtick')}\``,
    `x;${touch('semicolon')}`,
    `x|${touch('pipe')}`,
    `x&&${touch('and')}`,
    `x\n${touch('newline')}\n`,
    `--upload-pack=${touch('upload-pack')}`,
    `--output=${join(markers.folder, `${vector}-output`)}`,
  ];
}

/** The same without spaces, quotes or line breaks (git refuses them in branch and tag names): `${IFS}` splits the words. */
function compactInjections(markers: Markers, vector: string): string[] {
  const touch = (kind: string): string => `touch\${IFS}${join(markers.folder, `${vector}-${kind}`)}`;
  return [`$(${touch('dollar')})`, `x;${touch('semicolon')}`, `x|${touch('pipe')}`, `x&&${touch('and')}`, `--upload-pack=${touch('upload-pack')}`, `--output=${join(markers.folder, `${vector}-output`)}`, `-o${join(markers.folder, `${vector}-o`)}`];
}

/** The secrets the user's and the repository's .npmrc hold: none may appear in any output or file. */
interface NpmSecrets {
  /** The registry's token, in the repository's .npmrc. */
  repositoryToken: string;
  /** In the environment, expanded from `${STEWARD_TEST_SECRET}` in the user's .npmrc. */
  environmentToken: string;
  /** `_auth` (base64 of user:password) and its password. */
  basicAuth: string;
  basicPassword: string;
  /** `_password` (base64) and what it decodes to. */
  password: string;
  passwordDecoded: string;
  /** The password in a registry URL (`http://user:password@host/`), and in one that is not http(s) (`ftp://…`). */
  urlPassword: string;
  ftpPassword: string;
}

export function npmSecrets(): NpmSecrets {
  const basicPassword = 'basic-password-9f8e7d';
  const passwordDecoded = 'decoded-password-6c5b4a';
  return {
    repositoryToken: 'npm_repositoryToken0123456789abcdef',
    environmentToken: 'npm_environmentToken9876543210fedcba',
    basicAuth: Buffer.from(`basic-user:${basicPassword}`).toString('base64'),
    basicPassword,
    password: Buffer.from(passwordDecoded).toString('base64'),
    passwordDecoded,
    urlPassword: 'url-password-3e2d1c',
    ftpPassword: 'ftp-password-0b9a8f',
  };
}

/** Every form a secret could leak in: itself, and a Basic header's base64 of user and password. */
export function secretForms(secrets: NpmSecrets): string[] {
  return [...Object.values(secrets), Buffer.from(`pw-user:${secrets.passwordDecoded}`).toString('base64'), Buffer.from(`url-user:${secrets.urlPassword}`).toString('base64')];
}

/** The user's .npmrc: credentials for scopes served under paths of the fixture registry, one through the environment. */
export function userNpmrc(registryUrl: string, secrets: NpmSecrets): string {
  const registry = new URL(registryUrl);
  const nerf = `//${registry.host}`;
  return [
    `@user:registry=${registryUrl}user/`,
    `${nerf}/user/:_authToken=\${STEWARD_TEST_SECRET}`,
    `@basic:registry=${registryUrl}basic/`,
    `${nerf}/basic/:_auth=${secrets.basicAuth}`,
    `@pw:registry=${registryUrl}pw/`,
    `${nerf}/pw/:username=pw-user`,
    `${nerf}/pw/:_password=${secrets.password}`,
    `@url:registry=http://url-user:${secrets.urlPassword}@${registry.host}/url/`,
    `@ftp:registry=ftp://ftp-user:${secrets.ftpPassword}@${registry.host}/ftp/`,
    '',
  ].join('\n');
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const shell = (markers: Markers, name: string): string => `#!/bin/sh\n${markers.command(name)}\n`;
const touchModule = (markers: Markers, name: string): string => `require('fs').writeFileSync(${JSON.stringify(join(markers.folder, name))}, 'imported');\nmodule.exports = {};\n`;

/**
 * Everything that would run if Steward ever ran the repository's code: package.json lifecycle scripts,
 * tool configs that touch a marker when imported or required (Steward must read them as text), a
 * tsconfig plugin, husky hooks, `node_modules/.bin` shims, a committed TypeScript whose tsc touches a
 * marker, and `git`, `npm` and `node` programs in the root and in `bin/` (found first on a search
 * path that names relative folders).
 */
function repositoryCode(markers: Markers): { files: Record<string, string>; scripts: Record<string, string>; planted: number; makeExecutable(repository: string): void } {
  const files: Record<string, string> = {};
  const touchScript = (name: string): string => `node -e "require('fs').writeFileSync('${join(markers.folder, name)}', 'ran')"`;
  const touchEsm = (name: string): string => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(markers.folder, name))}, 'imported');\nexport default {};\n`;
  const lifecycle = ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish', 'preprepare', 'test', 'pretest', 'lint', 'build', 'prebuild', 'typecheck', 'dependencies'];
  const scripts = Object.fromEntries(lifecycle.map((name) => [name, touchScript(`script-${name}`)]));
  const esmConfigs = ['vite.config.ts', 'vitest.config.ts', 'knip.config.ts', 'playwright.config.ts', 'nuxt.config.ts', 'astro.config.mjs', 'svelte.config.js', 'eslint.config.js', 'webpack.config.js', 'rollup.config.mjs'];
  const commonJsConfigs = ['jest.config.js', '.eslintrc.js', 'babel.config.js', 'postcss.config.js', 'tailwind.config.js', 'next.config.js', 'prettier.config.js', '.mocharc.js', 'knip.js', 'stryker.conf.js'];
  for (const config of esmConfigs) files[config] = touchEsm(`config-${config}`);
  for (const config of commonJsConfigs) files[config] = touchModule(markers, `config-${config}`);
  files['tsconfig.json'] = json({ compilerOptions: { strict: true, plugins: [{ name: 'evil-plugin' }], types: ['evil-types'] }, include: ['src'] });
  files['node_modules/evil-plugin/package.json'] = json({ name: 'evil-plugin', version: '1.0.0', main: 'index.js' });
  files['node_modules/evil-plugin/index.js'] = touchModule(markers, 'tsconfig-plugin');
  files['node_modules/evil-types/package.json'] = json({ name: 'evil-types', version: '1.0.0', main: 'index.js', types: 'index.d.ts' });
  files['node_modules/evil-types/index.js'] = touchModule(markers, 'tsconfig-types');
  files['node_modules/evil-types/index.d.ts'] = 'export {};\n';
  // A committed TypeScript whose compiler touches a marker: a draft's typecheck must not run it without consent.
  files['node_modules/typescript/package.json'] = json({ name: 'typescript', version: '5.0.0', bin: { tsc: 'bin/tsc' } });
  files['node_modules/typescript/bin/tsc'] = touchModule(markers, 'committed-tsc');
  const hooks = ['.husky/pre-commit', '.husky/post-checkout', '.husky/_/husky.sh'];
  const programs = ['node_modules/.bin/tsc', 'node_modules/.bin/eslint', 'node_modules/.bin/vitest', 'node_modules/.bin/jest', 'node_modules/.bin/knip', 'node_modules/.bin/git', 'node_modules/.bin/npm', 'node_modules/.bin/node', 'git', 'npm', 'node', 'bin/git', 'bin/npm', 'bin/node', '.bin/git'];
  for (const program of [...hooks, ...programs]) files[program] = shell(markers, `program-${program.replaceAll('/', '_')}`);
  return {
    files,
    scripts,
    planted: lifecycle.length + esmConfigs.length + commonJsConfigs.length + 3 + hooks.length + programs.length,
    makeExecutable: (repository) => {
      for (const program of [...hooks, ...programs, 'node_modules/typescript/bin/tsc']) chmodSync(join(repository, program), 0o755);
    },
  };
}

/** Hooks in the repository's own hooks folder (git runs them on commit, checkout, index changes…). */
function plantHooks(repository: string, markers: Markers): number {
  const hooks = ['pre-commit', 'post-checkout', 'post-commit', 'reference-transaction', 'post-index-change', 'pre-auto-gc', 'post-rewrite', 'fsmonitor-watchman'];
  for (const hook of hooks) {
    writeFileSync(join(repository, '.git', 'hooks', hook), shell(markers, `git-hook-${hook}`));
    chmodSync(join(repository, '.git', 'hooks', hook), 0o755);
  }
  return hooks.length;
}

/** The repository's .npmrc: its registry with a token, and settings that name programs (npm's git, its script shell, modules it would load). */
function repositoryNpmrc(registryUrl: string, secrets: NpmSecrets, markers: Markers, evilModule: string): string {
  return [
    `registry=${registryUrl}`,
    `//${new URL(registryUrl).host}/:_authToken=${secrets.repositoryToken}`,
    `//evil.example/:_authToken=\${STEWARD_TEST_SECRET}`,
    `git=${markers.command('npmrc-git')}`,
    `script-shell=${join(markers.folder, 'npmrc-script-shell')}`,
    `node-options=--require ${evilModule}`,
    'ignore-scripts=false',
    `onload-script=${evilModule}`,
    `@evil:registry=${injections(markers, 'npmrc-registry')[0]}`,
    `init-module=${evilModule}`,
    '',
  ].join('\n');
}

interface InjectionRepository {
  repository: string;
  /** How many hostile values were planted (names, values, settings, programs). */
  planted: number;
}

const author = { author: 'Ada Lovelace', email: 'ada@example.com' };

/**
 * One repository that names hostile strings everywhere Steward reads a name or a value: its own path,
 * file names, branch and tag names, remote URLs, commit authors and messages, package.json and
 * lockfile names and versions, .npmrc and steward.config.json values, git config values. It also
 * carries everything that would run if Steward ever ran the repository's code: package.json
 * lifecycle scripts, husky and git hooks, `node_modules/.bin` shims, a committed TypeScript whose tsc
 * touches a marker, a `git` program in its root and `bin/` (found first on a PATH that names relative
 * folders), and tool configs (vite, eslint, jest, knip, …) that touch a marker when imported.
 */
export function createInjectionRepository(base: string, markers: Markers, registryUrl: string, secrets: NpmSecrets): InjectionRepository {
  let planted = 0;
  const plant = <T>(values: T[]): T[] => {
    planted += values.length;
    return values;
  };
  // The repository's own path: nested folders whose names together spell each injection.
  const repository = join(base, ...plant(injections(markers, 'path').slice(0, 5)).map((value, index) => `${index}${value}`), 'shop');

  const traps = repositoryCode(markers);
  planted += traps.planted;
  const files: Record<string, string> = {
    ...traps.files,
    'src/index.ts': "import { used } from './used';\n\nexport function main(): number {\n  return used(2);\n}\n",
    'src/used.ts': 'export function used(n: number): number {\n  return n * 2;\n}\n\nexport function unusedHelper(n: number): number {\n  return n + 1;\n}\n',
  };
  // File names (nested folders where the injection holds a slash), each an unused module: in reports, SARIF, exports and the dead-code draft.
  for (const [index, name] of plant([...injections(markers, 'file'), '-rf', '--help', `--output=${join(markers.folder, 'file-root-output')}`]).entries()) {
    files[`src/${name}.ts`] = `export const unused${index} = ${index};\n`;
  }
  const names = injections(markers, 'package');
  const versions = injections(markers, 'version');
  plant([...names, ...versions]);
  files['package.json'] = json({
    name: 'shop',
    version: '1.0.0',
    description: names[0],
    scripts: traps.scripts,
    bin: { [names[1]!]: names[2] },
    dependencies: {
      'left-pad-lite': '1.0.0',
      '@user/private': '1.0.0',
      '@basic/private': '1.0.0',
      '@pw/private': '1.0.0',
      '@url/private': '1.0.0',
      '@ftp/private': '1.0.0',
      ...Object.fromEntries(names.map((name, index) => [name, versions[index]!])),
      'git-dependency': `git+ssh://git@example.invalid/${names[6]}.git`,
      'ext-dependency': `git+ext::sh -c ${markers.command('package-ext').replaceAll(' ', '% ')}`,
      'file-dependency': `file:${names[0]}`,
    },
    devDependencies: { typescript: '5.0.0' },
  });
  files['package-lock.json'] = json({
    name: 'shop',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'shop', version: '1.0.0', dependencies: { 'left-pad-lite': '1.0.0' } },
      'node_modules/left-pad-lite': { version: '1.0.0', resolved: `${registryUrl}left-pad-lite/-/left-pad-lite-1.0.0.tgz` },
      ...Object.fromEntries(names.map((name, index) => [`node_modules/${name}`, { version: versions[index], resolved: `git+ssh://${names[6]}/x.git`, hasInstallScript: true }])),
    },
  });
  files['.npmrc'] = repositoryNpmrc(registryUrl, secrets, markers, join(dirname(repository), 'evil.cjs'));
  planted += 7;
  files['steward.config.json'] = json({
    drafts: { gates: Object.fromEntries(plant(['install', 'typecheck', 'lint', 'test', 'build']).map((gate) => [gate, ['sh', '-c', markers.command(`config-gate-${gate}`)]])) },
    boundaries: plant(injections(markers, 'config-boundary')).map((message) => ({ from: 'src/**', disallow: 'nothing/**', message })),
  });
  createRepository(repository, [
    { ...author, date: '2024-01-01T00:00:00Z', files, message: `start ${injections(markers, 'message')[0]}` },
    { author: plant(injections(markers, 'author'))[0]!, email: 'x@example.com', date: '2024-02-01T00:00:00Z', files: { 'src/used.ts': `${files['src/used.ts']}// touched\n` }, message: plant(injections(markers, 'message')).join(' ') },
  ]);
  traps.makeExecutable(repository);
  writeFileSync(join(dirname(repository), 'evil.cjs'), touchModule(markers, 'npmrc-required-module'));

  // Branches and tags named as injections; HEAD on one that starts with `--output=`.
  const refNames = compactInjections(markers, 'ref');
  for (const name of refNames) {
    for (const kind of ['heads', 'tags']) {
      try {
        git(repository, ['update-ref', `refs/${kind}/${name}`, 'HEAD']);
        planted++;
      } catch {
        // git refuses this name as a ref: nobody can have it.
      }
    }
  }
  git(repository, ['symbolic-ref', 'HEAD', `refs/heads/${refNames.find((name) => name.startsWith('--output='))}`]);
  planted += plantHooks(repository, markers);
  // Git settings whose values are injections or programs.
  planted += plantGitConfig(repository, markers);
  return { repository, planted };
}

/** Git settings whose values are injections or name programs, one through an included file. */
function plantGitConfig(repository: string, markers: Markers): number {
  const included = join(repository, '.git', 'evil-include');
  writeFileSync(included, `[core]\n\tfsmonitor = "${markers.command('include-fsmonitor')}"\n`);
  const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const settings = [
    ['core', 'editor', markers.command('git-editor')],
    ['sequence', 'editor', markers.command('git-sequence-editor')],
    ['core', 'gitProxy', markers.command('git-proxy')],
    ['core', 'pager', markers.command('git-pager')],
    ['core', 'sshCommand', markers.command('git-ssh')],
    ['core', 'askPass', markers.command('git-askpass')],
    ['core', 'alternateRefsCommand', markers.command('git-alternate-refs')],
    ['uploadpack', 'packObjectsHook', markers.command('git-pack-objects-hook')],
    ['credential', 'helper', `!${markers.command('git-credential')}`],
    ['alias', 'log', `!${markers.command('git-alias-log')}`],
    ['alias', 'status', `!${markers.command('git-alias-status')}`],
    ['diff', 'external', markers.command('git-diff-external')],
    ['gpg', 'program', markers.command('git-gpg')],
    ['log', 'showSignature', 'true'],
    ['core', 'fsmonitor', markers.command('git-fsmonitor')],
    ['include', 'path', included],
    ['remote "origin"', 'url', `ext::sh -c ${markers.command('git-remote-ext').replaceAll(' ', '% ')}`],
    ['remote "origin"', 'uploadpack', markers.command('git-remote-uploadpack')],
    ['remote "evil"', 'url', injections(markers, 'git-remote-url')[6]!],
    ['remote "evil"', 'fetch', '+refs/heads/*:refs/remotes/evil/*'],
    ['branch "main"', 'remote', 'evil'],
  ] as const;
  appendFileSync(join(repository, '.git', 'config'), `${settings.map(([section, key, value]) => `[${section}]\n\t${key} = ${quote(value)}`).join('\n')}\n`);
  const values = injections(markers, 'git-config-value');
  for (const [index, value] of values.entries()) appendFileSync(join(repository, '.git', 'config'), `[steward "probe${index}"]\n\tvalue = ${quote(value)}\n`);
  return settings.length + values.length;
}

/**
 * A repository whose install succeeds without running anything (its one dependency is on the fixture
 * registry), so that a draft without consent gets past the install: its lifecycle scripts, husky and
 * git hooks, shims, committed tsc, tool configs, .npmrc settings and git settings must still not run.
 */
export function createInstallableRepository(base: string, markers: Markers, registryUrl: string, secrets: NpmSecrets): InjectionRepository {
  const repository = join(base, `installable ${injections(markers, 'installable-path')[0]!}`);
  const traps = repositoryCode(markers);
  const files: Record<string, string> = {
    ...traps.files,
    'src/index.ts': "import { used } from './used';\n\nexport function main(): number {\n  return used(2);\n}\n",
    'src/used.ts': 'export function used(n: number): number {\n  return n * 2;\n}\n\nexport function unusedHelper(n: number): number {\n  return n + 1;\n}\n',
    'src/unused.ts': 'export const unused = 1;\n',
    'package.json': json({ name: 'installable', version: '1.0.0', main: 'src/index.ts', scripts: traps.scripts, dependencies: { 'left-pad-lite': '1.0.0' } }),
    'package-lock.json': json({
      name: 'installable',
      version: '1.0.0',
      lockfileVersion: 3,
      requires: true,
      packages: { '': { name: 'installable', version: '1.0.0', dependencies: { 'left-pad-lite': '1.0.0' } }, 'node_modules/left-pad-lite': { version: '1.0.0', resolved: `${registryUrl}left-pad-lite/-/left-pad-lite-1.0.0.tgz` } },
    }),
    '.npmrc': repositoryNpmrc(registryUrl, secrets, markers, join(base, 'evil.cjs')),
  };
  createRepository(repository, [{ ...author, date: '2024-01-01T00:00:00Z', files }]);
  traps.makeExecutable(repository);
  writeFileSync(join(base, 'evil.cjs'), touchModule(markers, 'npmrc-required-module'));
  const planted = traps.planted + 8 + plantHooks(repository, markers) + plantGitConfig(repository, markers);
  return { repository, planted };
}
