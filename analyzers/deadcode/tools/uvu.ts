import { isWithin, joinPath } from '../../discover/repo-paths.js';
import type { EntryContext } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addModule } from './run-targets.js';
import type { ToolSpec } from './tool-spec.js';
import { RepositoryPattern } from '../../patterns/repository-pattern.js';

/** uvu's own patterns (RegExp) or the repository's (matched in linear time). */
type Matcher = Pick<RepositoryPattern, 'test'>;

/** The files uvu runs without a `dir`: test folders, `*.test.*`, `*.spec.*` and top-level `test.*` files. */
const defaultPattern = /((\/|^)(tests?|__tests?__)\/.*|\.(tests?|spec)|^\/?tests?)\.([mc]js|[jt]sx?)$/i;
/** With a `dir` but no `pattern`: every script in it. */
const dirPattern = /\w+\.([mc]js|[jt]sx?)$/;
/** Names it always skips, as `-i` patterns. */
const alwaysIgnored = [/^.git/i, /node_modules/i];

/**
 * uvu: `uvu [dir] [pattern]` runs the files below `dir` (the folder it runs in, or `-C`/`--cwd`)
 * whose path from there matches `pattern` (a case-insensitive regex; by default every script with a
 * `dir`, its test-file pattern without), skipping what an `-i` regex matches; `-r` modules preload.
 */
export const uvu: ToolSpec = {
  binaries: ['uvu'],
  packages: ['uvu'],
  // It has no config; its `-c` is --color.
  configFlags: [],
  run(context, workspace, run) {
    const { positional, options } = readArgs(run.args, ['-r', '--require', '-i', '--ignore', '-C', '--cwd']);
    const [dir, pattern] = positional;
    const cwd = joinPath(run.cwd, optionValues(options, ['-C', '--cwd']).at(-1) ?? '');
    const base = joinPath(cwd, dir ?? '');
    const matches = pattern === undefined ? (dir === undefined ? defaultPattern : dirPattern) : regexOf(context, pattern, run.origin);
    const ignored = [...alwaysIgnored, ...optionValues(options, ['-i', '--ignore']).flatMap((value) => regexOf(context, value, run.origin) ?? [])];
    if (matches) addTests(context, base, matches, ignored, `test file (uvu, ${run.origin})`);
    for (const value of optionValues(options, ['-r', '--require'])) addModule(context, workspace, cwd, value, run.origin);
  },
};

function regexOf(context: EntryContext, source: string, origin: string): RepositoryPattern | undefined {
  const compiled = RepositoryPattern.of(source, 'i');
  if (compiled === null) context.warn(`${origin} pattern "${source}" is not a regular expression Steward can match safely (ignored).`);
  return compiled ?? undefined;
}

/** uvu walks `base`, testing each folder's and file's path from there against the ignore patterns, and each file's against `pattern`. */
function addTests(context: EntryContext, base: string, pattern: Matcher, ignored: readonly Matcher[], reason: string): void {
  for (const path of context.discovery.codeFiles) {
    if (!isWithin(path, base) || path === base) continue;
    const name = base === '' ? path : path.slice(base.length + 1);
    const segments = name.split('/');
    const isIgnored = segments.some((_, index) => ignored.some((regex) => regex.test(segments.slice(0, index + 1).join('/'))));
    if (!isIgnored && pattern.test(name)) context.addEntry(path, reason, false);
  }
}
