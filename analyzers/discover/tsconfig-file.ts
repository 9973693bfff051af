import { type ParseError, printParseErrorCode } from 'jsonc-parser';
import { DocumentRefused, parseJsonc } from '../documents/parse-document.js';
import { isObject, stringsIn } from './package-json.js';
import { dirname, joinPath } from './repo-paths.js';

/** A path-valued option as written, with the directory of the config that wrote it. */
export interface DeclaredPath {
  value: string;
  dir: string;
}

/**
 * The resolution-relevant compiler options one config declares. Path values stay unresolved because
 * TypeScript resolves `${configDir}` against the config being built, which is known only after merging.
 */
export interface DeclaredOptions {
  baseUrl?: DeclaredPath;
  rootDir?: DeclaredPath;
  outDir?: DeclaredPath;
  /** Targets resolve against the merged baseUrl, or else the declaring config's directory. */
  paths?: { targets: Record<string, string[]>; dir: string };
  module?: string;
  moduleResolution?: string;
  jsx?: string;
  allowJs?: boolean;
}

/** One tsconfig file's own content, before `extends` is followed. */
export interface TsConfigFile {
  path: string;
  /** Specifiers as written; TypeScript 5 accepts an array, merged in order. */
  extends: string[];
  options: DeclaredOptions;
  /** Repo-relative paths of the referenced tsconfig files (never inherited, as in tsc). */
  references: string[];
  /** As written, relative to this file's directory; null when this file does not set them (inherited ones are not copied). */
  include: string[] | null;
  exclude: string[] | null;
  files: string[] | null;
}

/**
 * Parses JSONC (comments, trailing commas) as tsc accepts it, with VS Code's parser rather than the
 * TypeScript compiler, whose loading would cost a re-scan more than all the rest. A file with errors
 * is reported and read as empty, so every option falls back to TypeScript's default rather than to
 * a half-parsed guess.
 */
export function parseTsConfigFile(path: string, text: string, warnings: string[]): TsConfigFile {
  const errors: ParseError[] = [];
  let config: unknown;
  try {
    config = parseJsonc(text, errors, { allowTrailingComma: true, allowEmptyContent: true });
  } catch (refused) {
    if (!(refused instanceof DocumentRefused)) throw refused;
    warnings.push(`${path} is ${refused.message}; defaults used.`);
    return emptyConfig(path);
  }
  const error = errors[0];
  if (error) {
    warnings.push(`${path} is not valid JSON (${describeError(text, error)}); defaults used.`);
    return emptyConfig(path);
  }
  const raw: Record<string, unknown> = isObject(config) ? config : {};
  const dir = dirname(path);
  return {
    path,
    extends: (typeof raw['extends'] === 'string' ? [raw['extends']] : stringsIn(raw['extends'])).filter((spec) => spec !== ''),
    options: declaredOptions(raw['compilerOptions'], dir),
    references: referencedConfigs(raw['references'], dir),
    include: optionalStrings(raw['include']),
    exclude: optionalStrings(raw['exclude']),
    files: optionalStrings(raw['files']),
  };
}

function emptyConfig(path: string): TsConfigFile {
  return { path, extends: [], options: {}, references: [], include: null, exclude: null, files: null };
}

/** "line 3: comma expected" from the parser's `CommaExpected` at an offset. */
function describeError(text: string, error: ParseError): string {
  const line = text.slice(0, error.offset).split('\n').length;
  const message = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `line ${line}: ${message}`;
}

function declaredOptions(raw: unknown, dir: string): DeclaredOptions {
  if (!isObject(raw)) return {};
  const options: DeclaredOptions = {};
  for (const key of ['baseUrl', 'rootDir', 'outDir'] as const) {
    const value = raw[key];
    if (typeof value === 'string') options[key] = { value, dir };
  }
  // tsc accepts any letter case here ("NodeNext", "nodenext"); one spelling spares every consumer the check.
  for (const key of ['module', 'moduleResolution', 'jsx'] as const) {
    const value = raw[key];
    if (typeof value === 'string') options[key] = value.toLowerCase();
  }
  if (typeof raw['allowJs'] === 'boolean') options.allowJs = raw['allowJs'];
  if (isObject(raw['paths'])) {
    const targets = Object.fromEntries(Object.entries(raw['paths']).map(([pattern, list]) => [pattern, stringsIn(list)]));
    options.paths = { targets, dir };
  }
  return options;
}

/** A reference names a tsconfig file or a directory holding tsconfig.json, as tsc reads it. */
function referencedConfigs(raw: unknown, dir: string): string[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .map((reference: unknown) => (isObject(reference) ? reference['path'] : undefined))
    .filter((path): path is string => typeof path === 'string')
    .map((path) => {
      const target = joinPath(dir, path);
      return target.endsWith('.json') ? target : joinPath(target, 'tsconfig.json');
    });
}

function optionalStrings(value: unknown): string[] | null {
  return Array.isArray(value) ? stringsIn(value) : null;
}
