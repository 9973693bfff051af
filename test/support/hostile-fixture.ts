import { appendFileSync, chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRepository, git, temporaryDirectory } from './git-fixture.js';

/** A folder that hostile settings write into when (and only when) they manage to run something. */
interface MarkerFolder {
  folder: string;
  /** A shell command that leaves a marker named `name` in the folder. */
  command(name: string): string;
  /** The markers left so far. */
  markers(): string[];
}

export function markerFolder(): MarkerFolder {
  const folder = temporaryDirectory('steward-markers-');
  return {
    folder,
    command: (name) => `touch '${join(folder, name)}'`,
    markers: () => readdirSync(folder),
  };
}

/**
 * A repository whose own `.git/config` names a program in every setting git may run one from while
 * reading: fsmonitor, a clean/smudge/process filter applied by `.gitattributes`, a diff driver and
 * textconv, hooks, ssh for a partial clone's missing object, and gpg for a signed commit shown with
 * log.showSignature. Its working-tree files are touched after committing, so `git status` re-hashes
 * them (through the filter, were it allowed to run).
 */
export function createHostileConfigRepository(folder: string, markers: MarkerFolder): { repository: string; commitWithMissingBlob: string } {
  createRepository(folder, [
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-01-01T00:00:00Z',
      files: {
        '.gitattributes': '* filter=evil diff=evil\n',
        'package.json': '{ "name": "hostile", "main": "src/index.ts", "dependencies": { "left-pad": "1.3.0" } }\n',
        'src/index.ts': 'import { helper } from "./helper";\nexport const run = () => helper();\n',
        'src/helper.ts': 'export function helper() {\n  return 1;\n}\nexport const unused = 2;\n',
      },
    },
    {
      author: 'Grace Hopper',
      email: 'grace@example.com',
      date: '2024-02-01T00:00:00Z',
      files: { 'src/helper.ts': 'export function helper() {\n  return 2;\n}\nexport const unused = 2;\n' },
    },
  ]);
  signHead(folder);
  // A commit naming a blob that only a promisor remote could supply: reading it would fetch over ssh.
  const missing = git(folder, ['hash-object', '-w', '--stdin'], {}, 'fetched on demand\n').trim();
  const tree = git(folder, ['mktree'], {}, `${git(folder, ['ls-tree', 'HEAD']).trim()}\n100644 blob ${missing}\tfetched.txt\n`).trim();
  const commit = git(folder, ['commit-tree', tree, '-p', 'HEAD', '-m', 'names a blob only the promisor has'], fixedIdentity).trim();
  git(folder, ['update-ref', 'HEAD', commit]);
  const contents = Object.fromEntries(['src/index.ts', 'src/helper.ts', 'package.json'].map((file) => [file, git(folder, ['show', `HEAD:${file}`])]));

  // From here on, git itself would run the programs: the fixture uses the file system only.
  rmSync(join(folder, '.git', 'objects', missing.slice(0, 2), missing.slice(2)));
  const hooks = join(folder, '.git', 'evil-hooks');
  mkdirSync(hooks);
  for (const hook of ['pre-commit', 'post-checkout', 'post-index-change', 'reference-transaction', 'fsmonitor-watchman']) {
    writeFileSync(join(hooks, hook), `#!/bin/sh\n${markers.command(`hook-${hook}`)}\n`);
    chmodSync(join(hooks, hook), 0o755);
  }
  const gpg = join(folder, '.git', 'evil-gpg');
  writeFileSync(gpg, `#!/bin/sh\n${markers.command('gpg')}\nexit 1\n`);
  chmodSync(gpg, 0o755);
  const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const settings = [
    '[core]',
    `\tfsmonitor = ${quote(`${markers.command('fsmonitor')}; false`)}`,
    `\thooksPath = ${quote(hooks)}`,
    `\tsshCommand = ${quote(markers.command('ssh'))}`,
    `\tpager = ${quote(markers.command('pager'))}`,
    '[filter "evil"]',
    `\tclean = ${quote(`sh -c "${markers.command('filter-clean')}; cat"`)}`,
    `\tsmudge = ${quote(`sh -c "${markers.command('filter-smudge')}; cat"`)}`,
    `\tprocess = ${quote(`sh -c "${markers.command('filter-process')}"`)}`,
    '\trequired = true',
    '[diff "evil"]',
    `\tcommand = ${quote(markers.command('diff-command'))}`,
    `\ttextconv = ${quote(`sh -c "${markers.command('textconv')}; cat"`)}`,
    '[diff]',
    `\texternal = ${quote(markers.command('diff-external'))}`,
    '[log]',
    '\tshowSignature = true',
    '[gpg]',
    `\tprogram = ${quote(gpg)}`,
    '[remote "origin"]',
    '\turl = ssh://git.example.invalid/hostile.git',
    '\tpromisor = true',
    '\tpartialclonefilter = blob:none',
    '[extensions]',
    '\tpartialClone = origin',
  ];
  appendFileSync(join(folder, '.git', 'config'), `${settings.join('\n')}\n`);
  // Rewritten with the same bytes: newer than the index, so `git status` must hash them again.
  for (const [file, content] of Object.entries(contents)) writeFileSync(join(folder, file), content);
  return { repository: folder, commitWithMissingBlob: commit };
}

const fixedIdentity = {
  GIT_AUTHOR_NAME: 'Ada Lovelace',
  GIT_AUTHOR_EMAIL: 'ada@example.com',
  GIT_AUTHOR_DATE: '2024-03-01T00:00:00Z',
  GIT_COMMITTER_NAME: 'Ada Lovelace',
  GIT_COMMITTER_EMAIL: 'ada@example.com',
  GIT_COMMITTER_DATE: '2024-03-01T00:00:00Z',
};

/** Rewrites HEAD as a commit carrying a (bogus) signature, which `log.showSignature` would hand to gpg. */
function signHead(folder: string): void {
  const body = git(folder, ['cat-file', 'commit', 'HEAD']);
  const headerEnd = body.indexOf('\n\n');
  const signed = `${body.slice(0, headerEnd)}\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----${body.slice(headerEnd)}`;
  const sha = git(folder, ['hash-object', '-t', 'commit', '-w', '--stdin'], {}, signed).trim();
  git(folder, ['update-ref', 'HEAD', sha]);
}

/** Writes a raw commit object (any author line, any date) on top of HEAD and moves HEAD to it. */
export function commitRaw(folder: string, { author, timestamp, message, tree }: { author: string; timestamp: string; message: string; tree?: string }): string {
  const parent = git(folder, ['rev-parse', 'HEAD']).trim();
  const treeSha = tree ?? git(folder, ['rev-parse', 'HEAD^{tree}']).trim();
  const body = `tree ${treeSha}\nparent ${parent}\nauthor ${author} ${timestamp} +0000\ncommitter ${author} ${timestamp} +0000\n\n${message}\n`;
  const sha = git(folder, ['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'], {}, body).trim();
  git(folder, ['update-ref', 'HEAD', sha]);
  return sha;
}
