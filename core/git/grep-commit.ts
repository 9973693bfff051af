import { GitError, runGit } from './git-runner.js';

/** A line of a commit's text file holding one of the strings searched for. */
interface GrepHit {
  readonly path: string;
  /** 1-based. */
  readonly line: number;
  readonly text: string;
}

/** Of git's answer, what is read at most: a repository of minified bundles cannot fill the memory. */
const outputLimit = 32 * 1024 * 1024;
/** A longer line (minified code) is cut to this many characters: a name is searched in what is kept. */
const lineLimit = 4096;

/** Of the paths left out of a search, how many are named to git (the rest are searched: slower, not wrong). */
const exclusionLimit = 200;

/**
 * The lines of a commit's text files holding any of `strings` (fixed strings, case-sensitive), from
 * one `git grep` over the commit's objects: the working tree is never read, binary files and the
 * `exclude`d paths are skipped, and no textconv filter runs. Strings holding a line break cannot be
 * searched for and are left out. A blob the repository lacks (a partial clone) is skipped by git.
 */
export async function grepCommit(
  root: string,
  commit: string,
  strings: readonly string[],
  { exclude = [], signal }: { exclude?: readonly string[]; signal?: AbortSignal | undefined } = {},
): Promise<GrepHit[]> {
  const patterns = [...new Set(strings.filter((text) => text !== '' && !/[\n\r\0]/.test(text)))];
  if (patterns.length === 0) return [];
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    await runGit(root, ['grep', '-I', '-n', '-z', '-F', '--no-color', '--no-column', '--no-textconv', '-f', '-', commit, '--', ...exclude.slice(0, exclusionLimit).map((path) => `:(exclude,literal)${path}`)], {
      signal,
      input: `${patterns.join('\n')}\n`,
      onOutput(chunk) {
        chunks.push(chunk);
        size += chunk.length;
        return size >= outputLimit ? 'stop' : undefined;
      },
    });
  } catch (error) {
    // Exit code 1: nothing matched (git may also have said which blobs it could not read).
    if (error instanceof GitError && error.exitCode === 1) return [];
    throw error;
  }
  return parseHits(Buffer.concat(chunks), `${commit}:`);
}

/** `<commit>:<path>\0<line>\0<text>\n` records; a path may hold any byte but NUL, a text any but a line break. */
function parseHits(output: Buffer, prefix: string): GrepHit[] {
  const hits: GrepHit[] = [];
  let position = 0;
  while (position < output.length) {
    const pathEnd = output.indexOf(0, position);
    const lineEnd = pathEnd === -1 ? -1 : output.indexOf(0, pathEnd + 1);
    const textEnd = lineEnd === -1 ? -1 : output.indexOf(0x0a, lineEnd + 1);
    // The last record of an output cut at its limit.
    if (textEnd === -1) break;
    const path = output.toString('utf8', position, pathEnd);
    hits.push({
      path: path.startsWith(prefix) ? path.slice(prefix.length) : path,
      line: Number(output.toString('latin1', pathEnd + 1, lineEnd)),
      text: output.toString('utf8', lineEnd + 1, Math.min(textEnd, lineEnd + 1 + lineLimit)),
    });
    position = textEnd + 1;
  }
  return hits;
}
