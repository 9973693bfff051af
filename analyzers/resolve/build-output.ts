import type { Discovery } from '../discover/discover-project.js';
import { dirname, isWithin, joinPath } from '../discover/repo-paths.js';

/** The code file extensions, in the order a source is looked for when a path names none or names output. */
export const codeExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders builds write to: a path in one names output whose source lives elsewhere. */
export const buildFolders = new Set(['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'es', 'umd', 'types']);

/**
 * The files `path` may mean: itself, the TypeScript source of a `.js` path (ESM imports name the
 * output), or, without an extension, `path.ts`… and `path/index.ts`…. A declaration file comes after
 * the code it describes: `src/index.d.ts` beside `src/index.js` (a hand-written declaration for
 * JavaScript) means the JavaScript, which is what runs.
 */
export function sourceCandidates(path: string): string[] {
  const declaration = /\.d\.[cm]?ts$/.exec(path);
  if (declaration) return [...codeExtensions.map((extension) => path.slice(0, declaration.index) + extension), path];
  const output = /\.(?:[cm]?js|jsx)$/.exec(path);
  if (output) return [path, ...codeExtensions.map((extension) => path.slice(0, output.index) + extension)];
  if (codeExtensions.some((extension) => path.endsWith(extension))) return [path];
  return [path, ...codeExtensions.map((extension) => path + extension), ...codeExtensions.map((extension) => `${path}/index${extension}`)];
}

/**
 * Where the source of a built file may be: the file itself, the tsconfig rootDir mirror of an outDir it
 * lies in, then the common layouts (dist/x.js from src/x.ts, or from x.ts at the package root).
 */
export function outputCandidates(tsconfigs: Discovery['tsconfigs'], workspaceDir: string, target: string): string[] {
  const candidates = [target];
  for (const config of tsconfigs) {
    const { outDir, rootDir } = config.compilerOptions;
    if (outDir === undefined || !isWithin(target, outDir) || isWithin(dirname(config.path), outDir)) continue;
    candidates.push(joinPath(rootDir ?? inferredRootDir(config), relativeTo(outDir, target)));
  }
  const segments = relativeTo(workspaceDir, target).split('/');
  const firstSource = segments.findIndex((segment) => !buildFolders.has(segment));
  if (firstSource > 0) {
    const rest = segments.slice(firstSource).join('/');
    candidates.push(joinPath(workspaceDir, `src/${rest}`), joinPath(workspaceDir, rest));
  }
  return candidates;
}

/**
 * tsc's rootDir when none is set: the folder common to its input files, which the static part of
 * `include` (or `files`) tells without listing them: `"include": ["lib"]` compiles lib/x.ts to dist/x.js.
 */
function inferredRootDir({ path, include, files }: Discovery['tsconfigs'][number]): string {
  const folders = [...(include ?? []), ...(files ?? []).map(dirname)].map((pattern) => {
    const segments = pattern.replace(/^\.\//, '').split('/');
    const firstGlob = segments.findIndex((segment) => /[*?[{]/.test(segment));
    const fixed = firstGlob < 0 ? segments : segments.slice(0, firstGlob);
    // A pattern naming one file (`src/index.ts`) stands for its folder.
    return (firstGlob < 0 && /\.[cm]?[jt]sx?$/.test(fixed.at(-1) ?? '') ? fixed.slice(0, -1) : fixed).filter((segment) => segment !== '' && segment !== '.');
  });
  if (folders.length === 0 || folders.some((segments) => segments.some((segment) => segment === '..'))) return dirname(path);
  const common = folders.reduce((shared, segments) => {
    let length = 0;
    while (length < shared.length && shared[length] === segments[length]) length++;
    return shared.slice(0, length);
  });
  return joinPath(dirname(path), common.join('/'));
}

/** The code file behind a built file of a workspace, or null: for code that names its own build output. */
export function sourceOfOutput(discovery: Pick<Discovery, 'tsconfigs'>, codeFiles: ReadonlySet<string>, workspaceDir: string, target: string): string | null {
  for (const candidate of outputCandidates(discovery.tsconfigs, workspaceDir, target)) {
    const file = sourceCandidates(candidate).find((path) => codeFiles.has(path));
    if (file) return file;
  }
  return null;
}

/** `path` relative to `dir`; a path outside `dir` stays repo-relative. */
export function relativeTo(dir: string, path: string): string {
  if (!isWithin(path, dir)) return path;
  return dir === '' ? path : path.slice(dir.length + 1);
}
