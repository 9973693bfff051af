/**
 * What the code engine learns from one file: plain, serialisable data that every code analysis
 * (complexity, deprecations, architecture, dead code) answers its questions from. A record depends
 * only on the file's content and script kind, so it is cached by git blob SHA.
 */

/** Bumped whenever extraction would produce a different record for the same content. */
export const factsEngineVersion = '19';

export interface FileFacts {
  imports: ImportFact[];
  reExports: ReExportFact[];
  exports: ExportFact[];
  /** `import()` and `require()` calls and `new URL(…, import.meta.url)`; `specifier` is null when it is not a literal. */
  dynamicImports: DynamicImportFact[];
  /** Strings shaped like paths to code files (`'./users'`, `'../assets/shims.js'`): files the code may load by name. */
  pathStrings: PathString[];
  /** Uses of imported bindings (other than namespace imports), one per name and line. */
  importedNameUses: NameUse[];
  /** `NS.member` uses of namespace imports; `member` null where `NS` itself escapes (passed, spread, …). */
  namespaceUses: NamespaceUse[];
  functions: FunctionFact[];
  /** Lines with code on them, counted as the line counter counts them. */
  codeLines: number;
  /** Halstead counts over the file's syntax nodes, for the maintainability index. */
  halstead: HalsteadCounts;
  /** The first syntax error, if any: the file is still analysed as far as the parser recovered. */
  parseErrors: ParseError[];
}

interface ImportBinding {
  /** The exported name asked for: a name, `default`, or `*` for namespace and `import x = require()`. */
  imported: string;
  local: string;
  typeOnly: boolean;
}

export interface ImportFact {
  specifier: string;
  line: number;
  /** `side-effect` also for `/// <reference types="…" />` and `/// <reference path="…" />` (type-only). */
  form: 'import' | 'import-equals' | 'side-effect';
  /** True for `import type …`; single bindings may also be type-only. */
  typeOnly: boolean;
  bindings: ImportBinding[];
}

export interface ReExportFact {
  specifier: string;
  line: number;
  typeOnly: boolean;
  /** `export *`, `export * as ns`, or `export { a as b }`. */
  form: 'all' | 'namespace' | 'named';
  /** The exported namespace name of `export * as ns`. */
  namespace?: string;
  names?: { imported: string; exported: string; typeOnly: boolean }[];
}

export type ExportKind =
  | 'function'
  | 'class'
  | 'variable'
  | 'type'
  | 'interface'
  | 'enum'
  | 'namespace'
  | 'value'
  | 'assignment'
  | 'commonjs';

export interface DocTags {
  /** The text after `@deprecated` ('' when none). */
  deprecated?: string;
  public?: true;
  internal?: true;
}

export interface ExportFact {
  /** The exported name; `default` for default exports, `=` for `export =` and `module.exports =`. */
  name: string;
  kind: ExportKind;
  line: number;
  typeOnly: boolean;
  tags: DocTags;
  /** The local binding an export list or `export default x` names, which may itself be an import. */
  local?: string;
  /** An exported enum's members. */
  members?: EnumMemberFact[];
}

export interface EnumMemberFact {
  name: string;
  line: number;
  /** Read in the enum's own file (`Color.Red`), or the enum object escapes there (`Object.values(Color)`). */
  usedInFile: boolean;
}

export interface PathString {
  text: string;
  line: number;
}

export interface DynamicImportFact {
  /** `url`: a file or package named, not imported: `new URL('./x.js', import.meta.url)` for a worker or a child process, `require.resolve('./x.js')`, `createRequire(…).resolve('pkg')`. */
  kind: 'import' | 'require' | 'url';
  line: number;
  specifier: string | null;
  /** For a template literal such as `./locales/${x}.js`, its fixed start (`./locales/`). */
  prefix?: string;
  /** Vite's `import.meta.glob('./modules/*.ts')`: the patterns of the files it imports (`!` ones exclude). */
  globs?: string[];
}

export interface NameUse {
  local: string;
  line: number;
  /** The member read, for `local.member` (an enum member, a static method). */
  member?: string;
}

export interface NamespaceUse {
  namespace: string;
  member: string | null;
  line: number;
}

export type FunctionKind = 'function' | 'method' | 'constructor' | 'getter' | 'setter' | 'arrow' | 'function-expression';

export interface FunctionFact {
  name: string;
  kind: FunctionKind;
  /** 1-based line and column where the function node starts (including `export`; ESLint reports arrows at `=>`). */
  line: number;
  column: number;
  endLine: number;
  parameters: number;
  /** 1 + decision points, counted as ESLint's `complexity` rule counts them (classic variant). */
  cyclomatic: number;
  /** SonarSource white-paper cognitive complexity; nested functions count inside their parent. */
  cognitive: number;
  /** The deepest nesting of control structures in the function's own body. */
  maxNesting: number;
  /** True when the function is nested inside another function. */
  nested: boolean;
}

export interface HalsteadCounts {
  operators: number;
  operands: number;
  distinctOperators: number;
  distinctOperands: number;
}

export interface ParseError {
  line: number;
  message: string;
}
