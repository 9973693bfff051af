import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { git, gitEnv } from './git.js';
import { projectRoot } from './steward.js';

const benchAuthor = { name: 'Steward Bench', email: 'bench@example.com' };

/** The work tree root of `repo`, refusing the Steward checkout itself: the runner commits and resets. */
export function benchRepoRoot(repo: string): string {
  const root = realpathSync(git(repo, ['rev-parse', '--show-toplevel']));
  const fromProject = relative(realpathSync(projectRoot), root);
  if (fromProject === '' || !fromProject.startsWith('..')) throw new Error(`${root} is inside the Steward checkout; benchmark a clone instead`);
  return root;
}

/**
 * A TypeScript file the engine will analyse: tracked, unmodified, under a src/ folder and outside
 * tests, fixtures and examples when the repository has one; the middle one in path order, so the
 * choice is stable between runs.
 */
export function chooseEditFile(root: string): string | undefined {
  const dirty = new Set(git(root, ['status', '--porcelain', '--no-renames']).split('\n').map((line) => line.slice(3)));
  const typescript = git(root, ['ls-files', '--', '*.ts'])
    .split('\n')
    .filter((path) => path !== '' && !path.endsWith('.d.ts') && !dirty.has(path));
  const preferred = typescript.filter((path) => /(^|\/)src\//.test(path) && !/(test|spec|fixture|example|__|(^|\/)index\.ts$)/i.test(path));
  const pool = preferred.length > 0 ? preferred : typescript;
  return pool[Math.floor(pool.length / 2)];
}

/**
 * Appends one line to `path`, commits it with a fixed identity and date, runs `during`, then puts
 * HEAD, the index entry and the file back. The commit is built with plumbing on a temporary index
 * and only that path is touched: real clones can have local changes, and blobs missing from a
 * partial fetch make `git commit` and `git reset --hard` fail ("invalid object … Error building trees").
 */
export async function withOneFileEdited<T>(root: string, path: string, edit: number, during: () => Promise<T>): Promise<T> {
  const original = git(root, ['rev-parse', 'HEAD']);
  const [mode, originalBlob] = git(root, ['ls-files', '-s', '--', path]).split(/\s/);
  if (!mode || !originalBlob) throw new Error(`${path} is not tracked`);
  const file = join(root, ...path.split('/'));
  const before = readFileSync(file);
  const separator = before.length === 0 || before.at(-1) === 0x0a ? '' : '\n';
  writeFileSync(file, `${before.toString('utf8')}${separator}export const benchEdit${edit} = ${edit};\n`);
  try {
    const blob = git(root, ['hash-object', '-w', '--', path]);
    const commit = commitReplacing(root, original, path, `${mode},${blob},${path}`);
    git(root, ['update-ref', '-m', 'bench: edit one file', 'HEAD', commit, original]);
    git(root, ['update-index', '--cacheinfo', `${mode},${blob},${path}`]);
    return await during();
  } finally {
    git(root, ['update-ref', '-m', 'bench: restore', 'HEAD', original]);
    git(root, ['update-index', '--cacheinfo', `${mode},${originalBlob},${path}`]);
    writeFileSync(file, before);
  }
}

/** A child of `parent` whose tree differs in one entry, written without reading any other blob. */
function commitReplacing(root: string, parent: string, path: string, cacheInfo: string): string {
  const scratch = mkdtempSync(join(tmpdir(), 'steward-bench-index-'));
  try {
    const env = { ...gitEnv(), GIT_INDEX_FILE: join(scratch, 'index') };
    git(root, ['read-tree', parent], { env });
    git(root, ['update-index', '--cacheinfo', cacheInfo], { env });
    const tree = git(root, ['write-tree', '--missing-ok'], { env });
    // One minute after the parent: fixed for a given repository, and later than everything in it.
    const date = new Date((Number(git(root, ['log', '-1', '--format=%ct', parent])) + 60) * 1000);
    return git(root, ['commit-tree', tree, '-p', parent, '-m', `bench: edit ${path}`], { env: gitEnv(benchAuthor, date) });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
