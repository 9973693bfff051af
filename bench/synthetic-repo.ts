import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Identity, git, gitDate, gitEnv } from './git.js';
import { Random, deriveSeed } from './prng.js';
import { type Layout, type Shape, moduleName, planLayout } from './synthetic-graph.js';
import { renderBarrel, renderCodeFile, renderEntry } from './synthetic-source.js';

export interface RepoParameters {
  /** TypeScript files in total: the entry, one barrel per module and the code files. */
  readonly files: number;
  /** Commits after the initial import, each changing a few files. */
  readonly commits: number;
  readonly shape: Shape;
  readonly seed: number;
}

/** Written inside .git/ (not the work tree, which must stay clean) to recognise a finished repository. */
export const parametersFile = 'steward-bench.json';
/** Bump whenever the generated content changes, so cached repositories are regenerated. */
const generatorVersion = 1;

const mainAuthor: Identity = { name: 'Ada Byron', email: 'ada@example.com' };
/** Skewed like real teams: one main developer, a long tail (one entry per ticket in a draw). */
const authorTickets: readonly Identity[] = [
  ...Array<Identity>(40).fill(mainAuthor),
  ...Array<Identity>(25).fill({ name: 'Grace Hopper', email: 'grace@example.com' }),
  ...Array<Identity>(15).fill({ name: 'Alan Turing', email: 'alan@example.com' }),
  ...Array<Identity>(12).fill({ name: 'Barbara Liskov', email: 'barbara@example.com' }),
  ...Array<Identity>(8).fill({ name: 'Edsger Dijkstra', email: 'edsger@example.com' }),
];
const firstCommitAt = new Date('2023-01-02T09:00:00Z');
const hour = 3_600_000;

/** Writes the repository at `out` (which must be absent or empty) and returns its HEAD commit. */
export function generateRepo(parameters: RepoParameters, out: string): string {
  if (parameters.files < 10) throw new Error('--files must be at least 10');
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty`);
  const layout = planLayout(parameters.files, parameters.shape, parameters.seed);
  mkdirSync(out, { recursive: true });
  writeProject(layout, parameters, out);
  git(out, ['init', '-q', '-b', 'main']);
  git(out, ['add', '-A']);
  git(out, ['commit', '-q', '--no-verify', '-m', 'Initial import'], { env: gitEnv(mainAuthor, firstCommitAt) });
  if (parameters.commits > 0) writeHistory(layout, parameters, out);
  // Real clones are packed; thousands of loose objects would make every git read slower than in real life.
  git(out, ['repack', '-a', '-d', '-q']);
  writeFileSync(join(out, '.git', parametersFile), parametersText(parameters));
  return git(out, ['rev-parse', 'HEAD']);
}

/** What a finished repository records about itself; equal text means the same content. */
export function parametersText(parameters: RepoParameters): string {
  const { files, commits, shape, seed } = parameters;
  return `${JSON.stringify({ generatorVersion, files, commits, shape, seed })}\n`;
}

function writeProject(layout: Layout, parameters: RepoParameters, out: string): void {
  const name = `synthetic-${parameters.shape}-${parameters.files}`;
  const files = new Map<string, string>([
    ['package.json', json({ name, version: '1.0.0', private: true, type: 'module', main: 'src/index.ts' })],
    ['tsconfig.json', json({ compilerOptions: tsconfigOptions, include: ['src'] })],
    ['.gitignore', 'node_modules/\n'],
    ['src/index.ts', renderEntry(layout)],
  ]);
  for (let module = 0; module < layout.moduleCount; module += 1) files.set(`src/${moduleName(module)}/index.ts`, renderBarrel(layout, module));
  for (const file of layout.files) files.set(file.path, renderCodeFile(layout, file, 0, parameters.seed));
  const made = new Set<string>();
  for (const [path, text] of files) {
    const folder = dirname(join(out, path));
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(join(out, path), text);
  }
}

const tsconfigOptions = {
  target: 'ES2022',
  lib: ['ES2022'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * All later commits in one `git fast-import` stream: thousands of `git commit` processes would take
 * minutes. Afterwards one `reset --hard` brings the work tree to the new HEAD.
 */
function writeHistory(layout: Layout, parameters: RepoParameters, out: string): void {
  const random = new Random(deriveSeed(parameters.seed, 3));
  const hotness = shuffled(layout.files.length, random);
  const revisions = new Array<number>(layout.files.length).fill(0);
  const stream: string[] = [];
  let parent: string | undefined = git(out, ['rev-parse', 'HEAD']);
  let at = firstCommitAt.getTime();
  for (let commit = 0; commit < parameters.commits; commit += 1) {
    at += random.int(1, 30) * hour;
    const touched = new Set(Array.from({ length: random.int(1, 4) }, () => hotness[Math.floor(hotness.length * random.next() ** 3)] ?? 0));
    const changes = [...touched].map((index) => {
      const file = layout.files[index];
      if (!file) throw new Error(`no generated file ${index}`);
      revisions[index] = (revisions[index] ?? 0) + 1;
      return { path: file.path, text: renderCodeFile(layout, file, revisions[index] ?? 0, parameters.seed) };
    });
    const message = `${random.pick(['Fix an edge case in', 'Refactor', 'Tidy', 'Handle empty input in', 'Speed up'])} ${changes[0]?.path ?? ''}`;
    stream.push(commitCommand(random.pick(authorTickets), new Date(at), message, parent, changes));
    // Only the first commit names its parent; fast-import chains the rest on the branch it is building.
    parent = undefined;
  }
  git(out, ['fast-import', '--quiet', '--date-format=raw'], { input: stream.join('') });
  git(out, ['reset', '-q', '--hard']);
}

function commitCommand(author: Identity, date: Date, message: string, parent: string | undefined, changes: readonly { path: string; text: string }[]): string {
  const person = `${author.name} <${author.email}> ${gitDate(date)}`;
  const lines = [`commit refs/heads/main`, `author ${person}`, `committer ${person}`, data(message)];
  if (parent) lines.push(`from ${parent}`);
  for (const change of changes) lines.push(`M 100644 inline ${change.path}`, data(change.text));
  return `${lines.join('\n')}\n`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}`;
}

/** A permutation of 0..count-1, so the most-changed files are spread over the repository. */
function shuffled(count: number, random: Random): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  return order;
}
