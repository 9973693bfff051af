import { basename, dirname, foldersOf, isOutsideRepo, joinPath } from '../discover/repo-paths.js';
import { sourceCandidates } from '../resolve/build-output.js';

/** Where a file's name appears outside the import graph: a manifest, a Dockerfile, a workflow, a build script, a document. */
export interface FileMention {
  /** The file naming it, and the line. */
  readonly path: string;
  readonly line: number;
  /** The name as written there. */
  readonly name: string;
}

/** A line of a repository text file (what `git grep` answers). */
interface TextLine {
  readonly path: string;
  readonly line: number;
  readonly text: string;
}

/**
 * Stems too common to tell a file by (`index.ts`, `utils.js`): such a file is looked for by its
 * folder and stem (`styles/index`) only.
 */
const commonStems = new Set([
  'api', 'app', 'base', 'cli', 'client', 'common', 'config', 'constants', 'core', 'default', 'env', 'error', 'errors', 'global',
  'globals', 'helper', 'helpers', 'index', 'lib', 'log', 'logger', 'main', 'mod', 'server', 'setup', 'shared', 'style', 'styles',
  'test', 'tests', 'type', 'types', 'util', 'utils',
]);
const codeExtension = /\.(?:d\.)?[cm]?[jt]sx?$|\.(?:vue|svelte|astro)$/;
/** Texts whose mentions say nothing about use: lockfiles, change logs, ignore lists. */
const silentText = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?|(CHANGELOG|CHANGES|HISTORY)[^/]*|\.[\w-]*ignore)$/i;
/** An import, re-export or require with a literal specifier: the import graph already followed it. */
const importStatement = /^\s*import\s|^\s*export\s[^'"]*\sfrom\s|\bfrom\s*['"]|\brequire\s*\(\s*['"`]|\bimport\s*\(\s*['"`]/;
/** Runs of the characters a path is written with. */
const pathToken = /[\w$@~.+/-]+/g;

function stemOf(path: string): string {
  return basename(path).replace(codeExtension, '');
}

/** The fixed strings to search the repository's texts for, to find where `path` may be named: `stem.` when the stem is telling, and `folder/stem`. */
export function mentionNeedles(path: string): string[] {
  const stem = stemOf(path);
  const folder = basename(dirname(path));
  return [...(commonStems.has(stem.toLowerCase()) ? [] : [`${stem}.`]), ...(folder === '' ? [] : [`${folder}/${stem}`])];
}

/**
 * For each file, the first line of another text that names it by a path Steward's import graph does
 * not follow. A name counts when, read as a path from the naming file's folder or any folder above
 * it, it leads to this file or to no tracked file at all (build output, a URL path, a path another
 * tool resolves); it does not when it leads to another file (`rollup.config.js` beside the text that
 * names it). Imports with a literal specifier (the import graph followed them), lockfiles, change
 * logs and ignore lists name nothing. A text Steward found unused still names: it may be an entry
 * Steward does not know (a framework's config file), and a doubt costs less than a wrong deletion.
 */
export function findFileMentions(
  files: readonly string[],
  lines: readonly TextLine[],
  tracked: ReadonlySet<string>,
): Map<string, FileMention> {
  const mentions = new Map<string, FileMention>();
  const byStem = new Map<string, { path: string; folder: string; telling: boolean }[]>();
  for (const path of files) {
    const stem = stemOf(path);
    const list = byStem.get(stem) ?? [];
    list.push({ path, folder: basename(dirname(path)), telling: !commonStems.has(stem.toLowerCase()) });
    byStem.set(stem, list);
  }
  for (const line of lines) {
    if (silentText.test(line.path)) continue;
    if (codeExtension.test(line.path) && importStatement.test(line.text)) continue;
    for (const written of line.text.match(pathToken) ?? []) {
      // A sentence's full stop is not part of the name.
      const token = written.replace(/\.+$/, '');
      const name = token.replace(/^\.?\/+/, '');
      const parts = partsOf(name);
      for (const file of byStem.get(parts.stem) ?? []) {
        if (mentions.has(file.path) || file.path === line.path) continue;
        // `shiki.ts` names a file with a telling stem; `setup/shiki` and `styles/index` name any by their folder.
        if (!((file.telling && parts.extension) || (file.folder !== '' && parts.folder === file.folder))) continue;
        const target = leadsTo(name, line.path, tracked);
        if (target === undefined || target === file.path) mentions.set(file.path, { path: line.path, line: line.line, name: token });
      }
    }
  }
  return mentions;
}

/** A written path's last stem, whether a code extension follows it, and the folder before it. */
function partsOf(name: string): { stem: string; extension: boolean; folder: string | undefined } {
  const segments = name.split('/');
  const last = segments.at(-1)!;
  const extension = codeExtension.exec(last);
  return { stem: extension ? last.slice(0, extension.index) : last, extension: extension !== null, folder: segments.at(-2) };
}

/** The tracked file a path written in `from` leads to, read from its folder or any folder above; undefined when it leads to none. */
function leadsTo(name: string, from: string, tracked: ReadonlySet<string>): string | undefined {
  for (const folder of foldersOf(from).reverse()) {
    const path = joinPath(folder, name);
    if (isOutsideRepo(path)) continue;
    const found = sourceCandidates(path).find((candidate) => tracked.has(candidate));
    if (found !== undefined) return found;
  }
  return undefined;
}
