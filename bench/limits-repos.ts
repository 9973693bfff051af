import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { type Identity, git, gitDate, gitEnv } from './git.js';
import { Random, deriveSeed } from './prng.js';
import { moduleName, planLayout } from './synthetic-graph.js';
import { renderBarrel, renderCodeFile, renderEntry } from './synthetic-source.js';

/**
 * The two repositories of the resource-limits bench, each built by ONE streamed `git fast-import`
 * (no work-tree writes and no `git add` of 100,000 files; the stream is written as it is made, so a
 * 200,000-commit history never sits in the generator's memory).
 */
export interface LimitsRepo {
  readonly kind: 'files' | 'commits';
  /** TypeScript files at HEAD. */
  readonly files: number;
  /** Commits in all, the initial import included. */
  readonly commits: number;
  readonly seed: number;
}

const recordFile = 'steward-limits-bench.json';
const generatorVersion = 1;
const authors: readonly Identity[] = [
  { name: 'Ada Byron', email: 'ada@example.com' },
  { name: 'Grace Hopper', email: 'grace@example.com' },
  { name: 'Alan Turing', email: 'alan@example.com' },
  { name: 'Barbara Liskov', email: 'barbara@example.com' },
  { name: 'Edsger Dijkstra', email: 'edsger@example.com' },
  { name: 'Margaret Hamilton', email: 'margaret@example.com' },
  { name: 'Ken Thompson', email: 'ken@example.com' },
];
/** Skewed like real teams: the first authors commit far more often than the last. */
const authorWeights = [40, 25, 12, 9, 6, 5, 3];
const firstCommitAt = Date.parse('2016-01-04T09:00:00Z');
const minute = 60_000;

/** The repository at `<cache>/<kind>…`, generated unless a finished one with the same parameters is there. */
export async function limitsRepo(parameters: LimitsRepo, cache: string): Promise<string> {
  const path = join(cache, `limits-${parameters.kind}-files${parameters.files}-commits${parameters.commits}-seed${parameters.seed}`);
  const recorded = join(path, '.git', recordFile);
  const text = `${JSON.stringify({ generatorVersion, ...parameters })}\n`;
  if (existsSync(recorded) && readFileSync(recorded, 'utf8') === text) return path;
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  console.error(`generating ${path} …`);
  git(path, ['init', '-q', '-b', 'main']);
  await fastImport(path, streamOf(parameters));
  // The work tree a user would have: a scan reads git, but the repository must look like a checkout.
  git(path, ['reset', '-q', '--hard']);
  git(path, ['repack', '-a', '-d', '-q']);
  writeFileSync(recorded, text);
  return path;
}

async function fastImport(cwd: string, stream: Iterable<string>): Promise<void> {
  const child = spawn('git', ['fast-import', '--quiet', '--date-format=raw'], { cwd, env: gitEnv(), stdio: ['pipe', 'ignore', 'inherit'] });
  const exited = once(child, 'exit');
  // Written in pieces of about a megabyte: one write per file would cost more than git's work.
  let pending: string[] = [];
  let pendingLength = 0;
  for (const chunk of stream) {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength < 1 << 20) continue;
    const written = child.stdin.write(pending.join(''));
    pending = [];
    pendingLength = 0;
    if (!written) await once(child.stdin, 'drain');
  }
  child.stdin.end(pending.join(''));
  const [code] = (await exited) as [number | null];
  if (code !== 0) throw new Error(`git fast-import in ${cwd} exited with ${String(code)}`);
}

/**
 * The initial import holds every file; then `commits − 1` commits each change 1–4 files (a few files
 * change often, most rarely), 1 to 50 minutes apart (200,000 commits span about ten years), by authors drawn with the weights above.
 */
function* streamOf(parameters: LimitsRepo): Generator<string> {
  const layout = planLayout(parameters.files, 'layered', parameters.seed);
  const random = new Random(deriveSeed(parameters.seed, 21));
  let at = firstCommitAt;
  const initial: [string, string][] = [
    ['package.json', `${JSON.stringify({ name: `limits-${parameters.kind}`, version: '1.0.0', private: true, type: 'module', main: 'src/index.ts' }, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true }, include: ['src'] }, null, 2)}\n`],
    ['src/index.ts', renderEntry(layout)],
  ];
  yield commitHeader(authors[0] ?? { name: 'a', email: 'a@example.com' }, at, 'Initial import');
  for (const [path, text] of initial) yield change(path, text);
  for (let module = 0; module < layout.moduleCount; module += 1) yield change(`src/${moduleName(module)}/index.ts`, renderBarrel(layout, module));
  for (const file of layout.files) yield change(file.path, renderCodeFile(layout, file, 0, parameters.seed));
  yield '\n';
  const revisions = new Array<number>(layout.files.length).fill(0);
  for (let commit = 1; commit < parameters.commits; commit += 1) {
    at += random.int(1, 50) * minute;
    const touched = new Set(Array.from({ length: random.int(1, 4) }, () => Math.floor(layout.files.length * random.next() ** 3)));
    const author = weightedAuthor(random);
    const first = layout.files[[...touched][0] ?? 0];
    yield commitHeader(author, at, `${random.pick(['Fix an edge case in', 'Refactor', 'Tidy', 'Handle empty input in', 'Speed up'])} ${first?.path ?? ''}`);
    for (const index of touched) {
      const file = layout.files[index];
      if (!file) continue;
      revisions[index] = (revisions[index] ?? 0) + 1;
      yield change(file.path, renderCodeFile(layout, file, revisions[index] ?? 0, parameters.seed));
    }
    yield '\n';
  }
}

function weightedAuthor(random: Random): Identity {
  let ticket = random.int(0, authorWeights.reduce((sum, weight) => sum + weight, 0) - 1);
  for (const [index, weight] of authorWeights.entries()) {
    if (ticket < weight) return authors[index] ?? authors[0] ?? { name: 'a', email: 'a@example.com' };
    ticket -= weight;
  }
  return authors[0] ?? { name: 'a', email: 'a@example.com' };
}

function commitHeader(author: Identity, at: number, message: string): string {
  const person = `${author.name} <${author.email}> ${gitDate(new Date(at))}`;
  return `commit refs/heads/main\nauthor ${person}\ncommitter ${person}\n${data(message)}\n`;
}

function change(path: string, text: string): string {
  return `M 100644 inline ${path}\n${data(text)}\n`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}`;
}
