import type { ProjectTree } from './project-tree.js';
import { basename, dirname, joinPath } from './repo-paths.js';
import { createConfigReader, locateExtendedConfig, type ConfigReader } from './tsconfig-extends.js';
import { parseTsConfigFile, type DeclaredOptions, type DeclaredPath, type TsConfigFile } from './tsconfig-file.js';

/** The merged compiler options that decide how imports resolve; repo-relative paths, '' for the root. */
interface ResolutionOptions {
  baseUrl?: string;
  /** Targets already resolved to repo-relative patterns, as tsc resolves them (baseUrl, or else the declaring config). */
  paths?: Record<string, string[]>;
  rootDir?: string;
  outDir?: string;
  /** Lower-cased, since tsc accepts any case. */
  module?: string;
  moduleResolution?: string;
  jsx?: string;
  allowJs?: boolean;
}

/** One tracked config with its `extends` followed; references and file lists are its own, as in tsc. */
export interface TsConfig extends Omit<TsConfigFile, 'extends' | 'options'> {
  /** Every config whose options this one inherits: each `extends` entry in written order, followed by its own chain. */
  extendsChain: string[];
  compilerOptions: ResolutionOptions;
}

interface ResolvedConfig {
  file: TsConfigFile;
  chain: string[];
  options: DeclaredOptions;
}

/** Every tracked tsconfig*.json and jsconfig.json that `isConfigCandidate` accepts, with `extends` followed. */
export function readTsConfigs(
  tree: ProjectTree,
  trackedPaths: ReadonlySet<string>,
  isConfigCandidate: (path: string) => boolean,
  warnings: string[],
): TsConfig[] {
  const resolve = createResolver(createConfigReader(tree, trackedPaths), warnings);
  const configPaths = tree.paths.filter((path) => isTsConfigName(basename(path)) && isConfigCandidate(path)).sort();
  return configPaths.map((path) => {
    const { file, chain, options } = resolve(path, [path]);
    for (const reference of file.references) {
      if (!trackedPaths.has(reference)) warnings.push(`${path} references ${reference}, which is not in the repository.`);
    }
    return {
      path,
      extendsChain: chain,
      compilerOptions: resolveOptions(options, dirname(path)),
      references: file.references,
      include: file.include,
      exclude: file.exclude,
      files: file.files,
    };
  });
}

function isTsConfigName(fileName: string): boolean {
  return fileName === 'jsconfig.json' || (fileName.startsWith('tsconfig') && fileName.endsWith('.json'));
}

/**
 * Follows `extends` like tsc: parents merge in written order, then the file's own options override
 * them. A link back into the chain is what tsc rejects as circular; it is reported and skipped, so the
 * rest of the chain still counts. Results are memoised, so a shared base is read and merged once.
 */
function createResolver(read: ConfigReader, warnings: string[]) {
  const resolved = new Map<string, ResolvedConfig>();
  const resolve = (path: string, stack: readonly string[]): ResolvedConfig => {
    const known = resolved.get(path);
    if (known) return known;
    const text = read(path);
    if (text === undefined) warnings.push(`${path} could not be read; defaults used.`);
    const file = parseTsConfigFile(path, text ?? '', warnings);
    const chain: string[] = [];
    let options: DeclaredOptions = {};
    for (const specifier of file.extends) {
      const target = locateExtendedConfig(specifier, path, read);
      if (!target.found) {
        warnings.push(target.warning);
      } else if (stack.includes(target.path)) {
        const loop = [...stack.slice(stack.indexOf(target.path)), target.path].join(' → ');
        warnings.push(`Circular extends: ${loop} (the last link is ignored).`);
      } else {
        const parent = resolve(target.path, [...stack, target.path]);
        chain.push(target.path, ...parent.chain);
        options = { ...options, ...parent.options };
      }
    }
    const result = { file, chain: [...new Set(chain)], options: { ...options, ...file.options } };
    resolved.set(path, result);
    return result;
  };
  return resolve;
}

/** `${configDir}` (TypeScript 5.5) means the directory of the config being built, not of the one declaring it. */
function resolveDeclaredPath(declared: DeclaredPath, configDir: string): string {
  const template = '${configDir}';
  return declared.value.startsWith(template)
    ? joinPath(configDir, declared.value.slice(template.length))
    : joinPath(declared.dir, declared.value);
}

function resolveOptions(options: DeclaredOptions, configDir: string): ResolutionOptions {
  const { baseUrl, rootDir, outDir, paths, ...verbatim } = options;
  const resolved: ResolutionOptions = { ...verbatim };
  if (baseUrl) resolved.baseUrl = resolveDeclaredPath(baseUrl, configDir);
  if (rootDir) resolved.rootDir = resolveDeclaredPath(rootDir, configDir);
  if (outDir) resolved.outDir = resolveDeclaredPath(outDir, configDir);
  if (paths) {
    const targetDir = resolved.baseUrl ?? paths.dir;
    resolved.paths = Object.fromEntries(
      Object.entries(paths.targets).map(([pattern, targets]) => [
        pattern,
        targets.map((value) => resolveDeclaredPath({ value, dir: targetDir }, configDir)),
      ]),
    );
  }
  return resolved;
}
