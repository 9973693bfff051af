import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readGit } from '../../core/git/git-runner.js';
import { spawnSteward } from '../support/cli.js';
import { temporaryDirectory } from '../support/git-fixture.js';
import { markerFolder } from '../support/hostile-fixture.js';
import { full, recordFigures, scaled, seed } from './scale.js';
import { type CorpusEntry, corpus } from './support/hostile-corpus.js';

/**
 * Every command over every repository of the hostile corpus (support/hostile-corpus.ts), each
 * repository with a Steward home of its own: exit 0, or 2 with one `steward: …` line (the documented
 * contract; 3, an internal error, fails), no stack trace, no hang, the repository's bytes and
 * `git status` as before, and no marker left by a name or setting that a shell or git ran.
 * The fast subset (npm test) scans every repository but the very expensive ones and runs each other
 * command on a rotation of repositories chosen by the seed; the full run does every pair.
 */

interface Command {
  name: string;
  args(path: string, output: string): string[];
  /**
   * A draft writes into the repository's git folder by design: its own branch (refs/heads/steward/…
   * and its reflog), its worktree's record (.git/worktrees/) and the objects of its commits. Nothing
   * else, and nothing that was there before, may change.
   */
  draft?: true;
}

const commands: readonly Command[] = [
  { name: 'scan', args: (path) => ['scan', path, '--quiet'] },
  { name: 'complexity', args: (path) => ['complexity', path, '--quiet'] },
  { name: 'deadcode', args: (path) => ['deadcode', path, '--quiet'] },
  { name: 'hotspots', args: (path) => ['hotspots', path, '--quiet'] },
  { name: 'deps --offline', args: (path) => ['deps', path, '--offline', '--quiet'] },
  { name: 'inventory', args: (path) => ['inventory', path] },
  { name: 'score', args: (path) => ['score', path, '--explain'] },
  { name: 'backfill', args: (path) => ['backfill', path, '--count', '2', '--every', '1w', '--offline', '--quiet'] },
  { name: 'report', args: (path) => ['report', path] },
  { name: 'export json', args: (path, output) => ['export', path, '--format', 'json', '--out', join(output, 'items.json')] },
  { name: 'export csv', args: (path, output) => ['export', path, '--format', 'csv', '--out', join(output, 'items.csv')] },
  { name: 'draft deadcode', args: (path) => ['draft', 'deadcode', path, '--quiet'], draft: true },
];

/**
 * A command that has not ended after this long is hung: a hang detector, not a speed target (so,
 * generous on a loaded 2-core machine; for the full-size expensive repositories far more so: a first
 * scan of 100,000 files takes about 11 CPU minutes, and over an hour of wall time on a loaded machine).
 */
const hangMs = (entry: CorpusEntry): number => (entry.expensive && full ? 5_400_000 : 180_000);
/** How many repositories run at once. */
const concurrency = 2;
/** Each command other than scan runs on every `stride`-th repository (rotated by the seed): in the full run, on every one. */
const stride = scaled(22, 1);

function commandsFor(index: number): Command[] {
  return commands.filter((_, position) => position === 0 || (index + position + seed) % stride === 0);
}

const markers = markerFolder();
const corpusFolder = temporaryDirectory('steward-corpus-');
const started = Date.now();
let runs = 0;
/** How the runs ended, by command and exit code ("draft deadcode → 1": 3), for the report. */
const endings: Record<string, number> = {};

afterAll(() => {
  recordFigures('hostile-corpus', {
    repositories: corpus.length,
    commands: commands.length,
    runs,
    subset: full ? 'every repository × every command' : `scan on every repository but the ${corpus.length - corpus.filter((entry) => !entry.expensive).length} expensive ones, each other command on every ${stride}th (rotated by the seed)`,
    wallSeconds: Math.round((Date.now() - started) / 1000),
    ...endings,
  });
  rmSync(corpusFolder, { recursive: true, force: true });
  rmSync(markers.folder, { recursive: true, force: true });
});

describe.concurrent('the hostile-repository corpus', () => {
  const slot = limit(concurrency);
  it('has 40 repositories or more, each named once', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((entry) => entry.name)).size).toBe(corpus.length);
  });

  // The fast subset leaves the very expensive repositories (50 MB file, 100k files, 20,000 commits) to the full run.
  const runnable = corpus.filter((entry) => full || !entry.expensive);
  corpus.forEach((entry) => {
    const chosen = commandsFor(runnable.indexOf(entry));
    it.skipIf(!runnable.includes(entry))(`${entry.name}: ${chosen.map((command) => command.name).join(', ')}`, { timeout: (chosen.length + 2) * hangMs(entry) }, () =>
      slot(async () => {
        const problems = await runRepository(entry, chosen);
        expect(problems, `${entry.name} (${entry.what}); seed ${seed}`).toEqual([]);
      }),
    );
  });
});

async function runRepository(entry: CorpusEntry, chosen: readonly Command[]): Promise<string[]> {
  const folder = join(corpusFolder, entry.name);
  const random = mulberry32(seed + entry.name.length);
  const path = entry.build(folder, { markers, random })?.path ?? folder;
  const home = temporaryDirectory('steward-corpus-home-');
  const problems: string[] = [];
  try {
    let bytes = fingerprint(folder);
    const status = await gitStatus(path);
    for (const command of chosen) {
      runs++;
      const args = command.args(path, home);
      const result = await runUntilHang(home, args, hangMs(entry));
      const what = `steward ${command.name}`;
      const ending = `${command.name} → ${result.hung === null ? result.status : 'hung'}`;
      endings[ending] = (endings[ending] ?? 0) + 1;
      problems.push(...contractProblems(what, result, command.draft === true));
      const after = fingerprint(folder);
      problems.push(...changes(bytes, after, command.draft === true).map((change) => `${what} changed the repository: ${change}`));
      bytes = after;
      const statusAfter = await gitStatus(path);
      if (statusAfter !== status) problems.push(`${what} changed git status:\n${status}\n→\n${statusAfter}`);
      const left = markers.markers();
      if (left.length > 0) problems.push(`${what}: markers left (something ran): ${left.join(', ')}`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
  }
  return problems;
}

interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The hang detector's limit, when it killed the command. */
  hung: number | null;
}

function runUntilHang(home: string, args: string[], hangMs: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawnSteward(home, args);
    let stdout = '';
    let stderr = '';
    let hung = false;
    const detector = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, hangMs);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(detector);
      resolve({ status, stdout, stderr, hung: hung ? hangMs : null });
    });
  });
}

const stackTrace = /\bat .*\.(js|ts|mjs|cjs):\d+|^\s+at /m;

/** The documented contract: 0, or 2 with one `steward: …` line; a draft that failed its gates may also end with 1. */
function contractProblems(what: string, { status, stdout, stderr, hung }: Outcome, draft: boolean): string[] {
  const shown = (text: string): string => (text.length > 2000 ? `${text.slice(0, 2000)}…` : text);
  if (hung !== null) return [`${what} hung (no end after ${hung / 1000} s; killed)`];
  const problems: string[] = [];
  if (stackTrace.test(stderr) || stackTrace.test(stdout)) problems.push(`${what} printed a stack trace:\n${shown(stderr)}${shown(stdout)}`);
  const lines = stderr.split('\n').filter((line) => line !== '');
  if (status === 2) {
    if (lines.length !== 1 || !lines[0]!.startsWith('steward: ')) problems.push(`${what} exited 2 without exactly one "steward: " line on stderr:\n${shown(stderr)}`);
  } else if (!(status === 0 || (draft && status === 1))) {
    problems.push(`${what} exited ${status}:\n${shown(stderr)}`);
  }
  return problems;
}

/** Every file, folder and link under `folder` (the .git folder too): its kind, mode and a hash of its bytes or target. */
function fingerprint(folder: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (absolute: Buffer, relative: string): void => {
    for (const name of readdirSync(absolute, { encoding: 'buffer' })) {
      const path = Buffer.concat([absolute, Buffer.from('/'), name]);
      const key = relative === '' ? name.toString('latin1') : `${relative}/${name.toString('latin1')}`;
      const stat = lstatSync(path);
      const mode = (stat.mode & 0o7777).toString(8);
      if (stat.isDirectory()) {
        entries.set(key, `folder ${mode}`);
        walk(path, key);
      } else if (stat.isSymbolicLink()) entries.set(key, `link → ${readlinkSync(path, { encoding: 'buffer' }).toString('latin1')}`);
      // A FIFO is never opened: reading one would block.
      else if (stat.isFile()) entries.set(key, `file ${mode} ${createHash('sha1').update(readFileSync(path)).digest('hex')}`);
      else entries.set(key, `special ${mode}`);
    }
  };
  walk(Buffer.from(folder), '');
  return entries;
}

/** What a draft's own branch and worktree add (deleting its branch when it fails leaves git's packed-refs file, empty of refs). */
const draftOwned = /^(.*\/)?\.git\/(packed-refs$|objects\/|worktrees(\/|$)|refs\/heads\/steward(\/|$)|logs\/refs\/heads\/steward(\/|$)|logs\/refs\/heads$|logs$|logs\/refs$)/;

function changes(before: Map<string, string>, after: Map<string, string>, draft: boolean): string[] {
  const found: string[] = [];
  for (const [path, kind] of before) {
    const now = after.get(path);
    if (now === undefined) found.push(`${path} removed`);
    else if (now !== kind) found.push(`${path} changed (${kind} → ${now})`);
  }
  for (const path of after.keys()) if (!before.has(path) && !(draft && draftOwned.test(path))) found.push(`${path} added`);
  return found.slice(0, 20);
}

/** `git status` as Steward runs git (the repository's programs neutralised, the index never refreshed), or git's refusal. */
async function gitStatus(path: string): Promise<string> {
  try {
    return await readGit(path, ['status', '--porcelain=v1', '-z', '--untracked-files=all']);
  } catch (error) {
    return `git status failed: ${(error as Error).message}`;
  }
}

/** At most `size` tasks at once. */
function limit(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    while (active >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** A small seeded generator of numbers in [0, 1). */
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
