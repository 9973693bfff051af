import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface FixtureCommit {
  author: string;
  email: string;
  /** ISO date; used as both author and committer date so that results are reproducible. */
  date: string;
  files: Record<string, FixtureContent>;
  message?: string;
}

/** A file's bytes, or a symbolic link to the given (relative) target. */
export type FixtureContent = string | Uint8Array | { symlinkTo: string };

export function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, input?: string): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    ...(input === undefined ? {} : { input }),
  });
}

export function temporaryDirectory(prefix = 'steward-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real git repository with the given commits, on branch main. */
export function createRepository(folder: string, commits: readonly FixtureCommit[]): string {
  mkdirSync(folder, { recursive: true });
  git(folder, ['init', '--quiet', '--initial-branch=main']);
  for (const [index, commit] of commits.entries()) {
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      if (typeof content === 'object' && 'symlinkTo' in content) symlinkSync(content.symlinkTo, join(folder, path));
      else writeFileSync(join(folder, path), content);
    }
    git(folder, ['add', '--all']);
    git(folder, ['commit', '--quiet', '--message', commit.message ?? `commit ${index + 1}`], {
      GIT_AUTHOR_NAME: commit.author,
      GIT_AUTHOR_EMAIL: commit.email,
      GIT_AUTHOR_DATE: commit.date,
      GIT_COMMITTER_NAME: commit.author,
      GIT_COMMITTER_EMAIL: commit.email,
      GIT_COMMITTER_DATE: commit.date,
    });
  }
  return folder;
}

/** A repository with many generated files, so that scanning it takes a noticeable moment. */
export function createLargeRepository(folder: string, fileCount: number): string {
  const files: Record<string, string> = {};
  const body = Array.from({ length: 200 }, (_, line) => `export const value${line} = ${line}; // line ${line}`).join('\n');
  for (let index = 0; index < fileCount; index++) files[`src/module-${Math.floor(index / 500)}/file-${index}.ts`] = `${body}\n// ${index}\n`;
  return createRepository(folder, [{ author: 'Bulk', email: 'bulk@example.com', date: '2024-01-01T00:00:00Z', files }]);
}

/**
 * The three-commit, two-author repository whose numbers the tests know by hand. Its README names its
 * folder, so that repositories made in different folders are different repositories (a repository is
 * known by its first commit when it has no remote); a clone of one is made with git clone.
 */
export function createKnownRepository(folder: string): string {
  return createRepository(folder, [
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2023-03-01T09:00:00+01:00',
      files: {
        'README.md': `# Known: ${basename(folder)}\n\nA fixture.\n`,
        // 3 code, 2 comment, 1 blank
        'src/index.ts': '// entry\nimport { helper } from "./helper";\n\n/* says\n hello */\nexport const run = () => helper("//");\nexport default run;\n',
      },
    },
    {
      author: 'Grace Hopper',
      email: 'grace@example.com',
      date: '2023-06-15T12:30:00Z',
      files: {
        // 2 code, 0 comment, 0 blank
        'src/helper.ts': 'export const helper = (text: string) =>\n  text.length;\n',
        'assets/logo.bin': '\u0000\u0001binary',
      },
    },
    {
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-02-29T18:45:00Z',
      files: {
        // 2 code, 1 comment, 1 blank
        'scripts/build.js': '#!/usr/bin/env node\n// build\n\nconsole.log("built");\n',
      },
    },
  ]);
}
