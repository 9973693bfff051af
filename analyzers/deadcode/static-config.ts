import JSON5 from 'json5';
import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { ts as TS } from 'ts-morph';
import { scriptKindOf } from '../facts/script-kind.js';
import { lazyTypeScript as ts } from '../facts/typescript.js';
import { basename, dirname, joinPath } from '../discover/repo-paths.js';
import { DocumentRefused, parseJsonc, parseYaml } from '../documents/parse-document.js';
import { RepositoryPattern } from '../patterns/repository-pattern.js';

/**
 * A path a config computed from its own location (`path.resolve(__dirname, 'src/index.ts')`,
 * `new URL('./x', import.meta.url)`), already repo-relative. Plain strings stay as written, because
 * each tool resolves them against its own base (vite's root, jest's rootDir, the working directory).
 */
export class ResolvedPath {
  constructor(readonly path: string) {}
}

type ConfigRead = { ok: true; value: unknown } | { ok: false; error: string };

/** Deeper chains of constants than this are almost certainly a cycle (`const a = b, b = a`). */
const maxDepth = 40;

/**
 * Evaluation steps per file. Constants are evaluated where used, so `const b = [a, a], c = [b, b], …`
 * doubles the work at each line; real configs take a few hundred steps.
 */
const maxSteps = 20_000;

class EvaluationBudgetExceeded extends Error {}

/** Configs nest a few levels; deeper data is refused so that its readers may recurse freely. */
const maxNesting = 64;

/**
 * Reads a config file's content into plain values without running it: JSON (with comments), JSON5,
 * YAML and TOML as data; JavaScript and TypeScript by evaluating only literals, constants and path
 * helpers in the exported configuration. Anything computed at run time is left out (undefined).
 */
export function readConfigText(path: string, text: string): ConfigRead {
  const name = basename(path);
  if (/\.ya?ml$/.test(name)) return readYaml(text);
  if (name.endsWith('.toml')) return readToml(text);
  if (name.endsWith('.json5')) return readJson5(text);
  if (/\.jsonc?$/.test(name) || name === '.babelrc') return readJson(text);
  if (/^\.(?:eslintrc|prettierrc|stylelintrc|releaserc|lintstagedrc|mocharc|commitlintrc|czrc|taprc|postcssrc|graphqlrc)$/.test(name)) {
    const json = readJson(text);
    return json.ok ? json : readYaml(text);
  }
  return readScript(path, text);
}

function readJson(text: string): ConfigRead {
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = parseJsonc(text, errors, { allowTrailingComma: true });
  } catch (refused) {
    if (refused instanceof DocumentRefused) return { ok: false, error: refused.message };
    throw refused;
  }
  const error = errors[0];
  if (error) return { ok: false, error: `${printParseErrorCode(error.error)} at offset ${error.offset}` };
  return isPlainData(value) ? { ok: true, value } : { ok: false, error: 'nested too deeply' };
}

function readYaml(text: string): ConfigRead {
  try {
    const document = parseYaml(text);
    const [error] = document.errors;
    if (error) return { ok: false, error: error.message.split('\n')[0] ?? 'invalid YAML' };
    const value: unknown = document.toJS();
    return isPlainData(value) ? { ok: true, value } : { ok: false, error: 'nested too deeply, or an alias refers to itself' };
  } catch (error) {
    // toJS throws on alias bombs; what else it may throw is as unreadable.
    return { ok: false, error: error instanceof Error ? (error.message.split('\n')[0] ?? 'invalid YAML') : 'invalid YAML' };
  }
}

/** JSON5 (.prettierrc.json5, electron-builder.json5); its parser recurses, so absurd nesting is refused, not a crash. */
function readJson5(text: string): ConfigRead {
  try {
    const value: unknown = JSON5.parse(text);
    return isPlainData(value) ? { ok: true, value } : { ok: false, error: 'nested too deeply' };
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, error: 'nested too deeply' };
    if (error instanceof SyntaxError) return { ok: false, error: error.message.replace(/^JSON5: /, '') };
    throw error;
  }
}

/** TOML (wrangler.toml, netlify.toml); inline tables and arrays nested past maxNesting are refused by the parser itself. */
function readToml(text: string): ConfigRead {
  try {
    const value: unknown = parseToml(text, { maxDepth: maxNesting, unsafeKeyBehaviour: 'drop' });
    return isPlainData(value) ? { ok: true, value } : { ok: false, error: 'nested too deeply' };
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const message = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '') || 'invalid TOML';
    return { ok: false, error: `${message} on line ${error.line}` };
  }
}

/** True for data its readers can walk: nested no deeper than configs ever are, and (YAML aliases allow it) not containing itself. */
export function isPlainData(value: unknown): boolean {
  const ancestors = new Set<unknown>();
  const check = (node: unknown, depth: number): boolean => {
    if (typeof node !== 'object' || node === null) return true;
    if (depth > maxNesting || ancestors.has(node)) return false;
    ancestors.add(node);
    const plain = Object.values(node).every((child) => check(child, depth + 1));
    ancestors.delete(node);
    return plain;
  };
  return check(value, 0);
}

/** The TypeScript parser and the evaluator recurse, so absurdly nested code is refused rather than crashing the scan. */
function readScript(path: string, text: string): ConfigRead {
  try {
    return evaluateScript(path, text);
  } catch (error) {
    if (error instanceof EvaluationBudgetExceeded) return { ok: false, error: 'too large to evaluate' };
    if (error instanceof RangeError) return { ok: false, error: 'nested too deeply' };
    throw error;
  }
}

function evaluateScript(path: string, text: string): ConfigRead {
  const file = ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    true,
    scriptKindOf(path) ?? ts.ScriptKind.TS,
  );
  // The parser's own diagnostics are not in the public typings (see facts/extract-facts.ts).
  const syntaxError = (file as TS.SourceFile & { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
  if (syntaxError) {
    const line = file.getLineAndCharacterOfPosition(syntaxError.start).line + 1;
    const message = ts.flattenDiagnosticMessageText(syntaxError.messageText, ' ').replace(/\.$/, '');
    return { ok: false, error: `syntax error on line ${line}: ${message}` };
  }
  const exported = exportedExpression(file);
  if (!exported) return { ok: false, error: 'no exported configuration found' };
  return { ok: true, value: new Evaluator(file, dirname(path)).unwrap(exported, 0) };
}

/**
 * `export default …`, `export =`, `export { x as default }`, `module.exports = …` or `exports.default = …`;
 * without one, a named export `config` (`export const config = …`, `exports.config = …`: WebdriverIO's).
 */
function exportedExpression(file: TS.SourceFile): TS.Node | undefined {
  let namedConfig: TS.Node | undefined;
  for (const statement of file.statements) {
    if (ts.isExportAssignment(statement)) return statement.expression;
    if (ts.isFunctionDeclaration(statement) && hasDefaultExport(statement)) return statement;
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const element = statement.exportClause.elements.find(({ name }) => name.text === 'default');
      if (element) return element.propertyName ?? element.name;
    }
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
      const { left, operatorToken, right } = statement.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = left.getText(file);
      if (isCommonJsExport(target)) return right;
      if (target === 'exports.config' || target === 'module.exports.config') namedConfig ??= right;
    }
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      const declaration = statement.declarationList.declarations.find(({ name }) => ts.isIdentifier(name) && name.text === 'config');
      namedConfig ??= declaration?.initializer;
    }
  }
  return namedConfig;
}

function isSetCall(node: TS.Node, configName: string): node is TS.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return false;
  const callee = node.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'set' && ts.isIdentifier(callee.expression) && callee.expression.text === configName;
}

function hasDefaultExport(node: TS.FunctionDeclaration): boolean {
  const kinds = (node.modifiers ?? []).map(({ kind }) => kind);
  return kinds.includes(ts.SyntaxKind.ExportKeyword) && kinds.includes(ts.SyntaxKind.DefaultKeyword);
}

function isCommonJsExport(target: string): boolean {
  return target === 'module.exports' || target === 'exports.default' || target === 'module.exports.default';
}

/** Merges what several branches or `mergeConfig` arguments produce: objects key by key, arrays joined. */
function mergeValues(base: unknown, next: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(next)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(next)) merged[key] = key in merged ? mergeValues(merged[key], value) : value;
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(next)) return [...base, ...next];
  return next === undefined ? base : next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ResolvedPath) && !(value instanceof RepositoryPattern);
}

/** Node's path helpers as configs call them (`path.resolve` or an imported `resolve` alike), see calleeName. */
const pathCalls = new Set(['resolve', 'join', 'dirname', 'fileURLToPath', 'require.resolve', 'process.cwd']);

class Evaluator {
  /** Every `const|let|var name = …` in the file, first declaration winning: configs rarely shadow names. */
  private readonly constants = new Map<string, TS.Expression>();
  private steps = 0;

  constructor(
    private readonly file: TS.SourceFile,
    private readonly dir: string,
  ) {
    const collect = (node: TS.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && !this.constants.has(node.name.text)) {
        this.constants.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, collect);
    };
    collect(file);
  }

  /** The configuration a wrapper produces: `defineConfig({…})`, `defineConfig(() => ({…}))`, `mergeConfig(a, b)`, a function's return. */
  unwrap(node: TS.Node, depth: number): unknown {
    if (depth > maxDepth) return undefined;
    // Unwrapping branches too (`const a = f(a, a, a)`): every step counts against the same budget.
    if (++this.steps > maxSteps) throw new EvaluationBudgetExceeded();
    const inner = skipWrappers(node);
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) || ts.isFunctionDeclaration(inner)) return this.returned(inner, depth + 1);
    if (ts.isIdentifier(inner) && this.constants.has(inner.text)) return this.unwrap(this.constants.get(inner.text)!, depth + 1);
    if (ts.isCallExpression(inner) && !isPathCall(inner)) {
      return inner.arguments.map((argument) => this.unwrap(argument, depth + 1)).reduce(mergeValues, undefined);
    }
    return this.evaluate(inner, depth + 1);
  }

  /**
   * What a config function returns; every `return` counts, since which one runs depends on the
   * command. A function handed the config to fill in (Karma's `config.set({…})`) counts what it sets.
   */
  private returned(fn: TS.ArrowFunction | TS.FunctionExpression | TS.FunctionDeclaration, depth: number): unknown {
    if (!fn.body) return undefined;
    if (!ts.isBlock(fn.body)) return this.unwrap(fn.body, depth);
    const parameter = fn.parameters[0]?.name;
    const configName = parameter && ts.isIdentifier(parameter) ? parameter.text : undefined;
    let merged: unknown;
    const visit = (node: TS.Node): void => {
      if (ts.isReturnStatement(node) && node.expression) merged = mergeValues(merged, this.unwrap(node.expression, depth));
      else if (configName !== undefined && isSetCall(node, configName)) merged = mergeValues(merged, this.unwrap(node.arguments[0]!, depth));
      else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
    return merged;
  }

  /** Literal data; undefined for anything known only when the config runs. */
  private evaluate(node: TS.Node, depth: number): unknown {
    if (depth > maxDepth) return undefined;
    if (++this.steps > maxSteps) throw new EvaluationBudgetExceeded();
    const expression = skipWrappers(node);
    if (ts.isStringLiteralLike(expression)) return expression.text;
    if (ts.isNumericLiteral(expression)) return Number(expression.text);
    if (expression.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (expression.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (expression.kind === ts.SyntaxKind.NullKeyword) return null;
    if (ts.isRegularExpressionLiteral(expression)) return regExpOf(expression.text);
    if (ts.isArrayLiteralExpression(expression)) return this.array(expression, depth);
    if (ts.isObjectLiteralExpression(expression)) return this.object(expression, depth);
    if (ts.isIdentifier(expression)) return this.identifier(expression, depth);
    if (ts.isPropertyAccessExpression(expression)) return this.propertyAccess(expression, depth);
    if (ts.isTemplateExpression(expression)) {
      const parts = [expression.head.text, ...expression.templateSpans.flatMap((span) => [this.evaluate(span.expression, depth + 1), span.literal.text])];
      return concatenate(parts);
    }
    if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return concatenate([this.evaluate(expression.left, depth + 1), this.evaluate(expression.right, depth + 1)]);
    }
    if (ts.isConditionalExpression(expression)) {
      return mergeValues(this.evaluate(expression.whenFalse, depth + 1), this.evaluate(expression.whenTrue, depth + 1));
    }
    if (ts.isNewExpression(expression)) return this.newExpression(expression, depth);
    if (ts.isCallExpression(expression)) return isPathCall(expression) ? this.pathCall(expression, depth) : this.unwrap(expression, depth + 1);
    return undefined;
  }

  private array(node: TS.ArrayLiteralExpression, depth: number): unknown[] {
    return node.elements.flatMap((element) => {
      if (ts.isSpreadElement(element)) {
        const spread = this.evaluate(element.expression, depth + 1);
        return Array.isArray(spread) ? spread : [];
      }
      const value = this.evaluate(element, depth + 1);
      return value === undefined ? [] : [value];
    });
  }

  /** Keys whose value cannot be read are kept (as undefined), so a tool can tell "set dynamically" from "not set". */
  private object(node: TS.ObjectLiteralExpression, depth: number): Record<string, unknown> {
    let result: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.evaluate(property.expression, depth + 1);
        if (isPlainObject(spread)) result = { ...result, ...spread };
        continue;
      }
      const key = property.name ? propertyName(property.name) : undefined;
      if (key === undefined) continue;
      if (ts.isPropertyAssignment(property)) result[key] = this.evaluate(property.initializer, depth + 1);
      else if (ts.isShorthandPropertyAssignment(property)) result[key] = this.evaluate(property.name, depth + 1);
      else result[key] = undefined;
    }
    return result;
  }

  private identifier(node: TS.Identifier, depth: number): unknown {
    if (node.text === '__dirname') return new ResolvedPath(this.dir);
    if (node.text === '__filename') return new ResolvedPath(this.file.fileName);
    if (node.text === 'undefined') return undefined;
    const initializer = this.constants.get(node.text);
    return initializer ? this.evaluate(initializer, depth + 1) : undefined;
  }

  private propertyAccess(node: TS.PropertyAccessExpression, depth: number): unknown {
    if (ts.isMetaProperty(node.expression)) return this.importMeta(node.name.text);
    const target = this.evaluate(node.expression, depth + 1);
    // `new URL('./x', import.meta.url).pathname` is the same path as the URL itself.
    if (target instanceof ResolvedPath && (node.name.text === 'pathname' || node.name.text === 'href')) return target;
    return isPlainObject(target) ? target[node.name.text] : undefined;
  }

  /** `import.meta.dirname`, and `import.meta.url` or `.filename` standing for the file (URL or path alike). */
  private importMeta(name: string): unknown {
    if (name === 'dirname') return new ResolvedPath(this.dir);
    return name === 'url' || name === 'filename' ? new ResolvedPath(this.file.fileName) : undefined;
  }

  /** `new URL('./x', import.meta.url)`: a path relative to the config file. */
  /** `new URL('./x', import.meta.url)` is a path; any other `new X(options)` (Forge's `new WebpackPlugin({…})`) stands for its options, as a wrapper call does. */
  private newExpression(node: TS.NewExpression, depth: number): unknown {
    const args = node.arguments ?? [];
    if (!ts.isIdentifier(node.expression) || node.expression.text !== 'URL') return args.map((argument) => this.unwrap(argument, depth + 1)).reduce(mergeValues, undefined);
    const [relative, base] = args.map((argument) => this.evaluate(argument, depth + 1));
    return typeof relative === 'string' && base instanceof ResolvedPath ? new ResolvedPath(joinPath(dirname(base.path), relative)) : undefined;
  }

  private pathCall(node: TS.CallExpression, depth: number): unknown {
    const name = calleeName(node);
    const args = node.arguments.map((argument) => this.evaluate(argument, depth + 1));
    const [first] = args;
    if (name === 'fileURLToPath') return first;
    // Tools run with the working directory at their config (see joinValues).
    if (name === 'process.cwd') return new ResolvedPath(this.dir);
    if (name === 'dirname') return first instanceof ResolvedPath ? new ResolvedPath(dirname(first.path)) : undefined;
    if (name === 'require.resolve') return typeof first === 'string' && first.startsWith('.') ? new ResolvedPath(joinPath(this.dir, first)) : first;
    return joinValues(name, args, this.dir);
  }
}

/**
 * `path.resolve(__dirname, 'src')` and `path.join(…)`. `resolve` makes any path absolute against the
 * working directory, which tools set to the folder of their config; `join` of plain strings stays relative.
 */
function joinValues(name: string, parts: unknown[], dir: string): unknown {
  if (parts.length === 0 || parts.some((part) => typeof part !== 'string' && !(part instanceof ResolvedPath))) return undefined;
  const located = parts.findLastIndex((part) => part instanceof ResolvedPath);
  const relative = (parts.slice(located + 1) as string[]).join('/');
  if (located >= 0) return new ResolvedPath(joinPath((parts[located] as ResolvedPath).path, relative));
  return name === 'resolve' ? new ResolvedPath(joinPath(dir, relative)) : joinPath('', relative);
}

/** Template literals and `+`: strings join; a leading located path (`${__dirname}/src`) keeps the result located. */
function concatenate(parts: unknown[]): unknown {
  const [head, ...rest] = parts.filter((part) => part !== '');
  if (head === undefined) return '';
  if (rest.some((part) => typeof part !== 'string')) return undefined;
  const tail = rest.join('');
  if (head instanceof ResolvedPath) return new ResolvedPath(joinPath(head.path, tail));
  return typeof head === 'string' ? head + tail : undefined;
}

function isPathCall(node: TS.CallExpression): boolean {
  return pathCalls.has(calleeName(node));
}

/** `resolve` for `path.resolve(…)` and `resolve(…)`; `require.resolve` and `process.cwd` are kept whole. */
function calleeName(node: TS.CallExpression): string {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (!ts.isPropertyAccessExpression(callee)) return '';
  const object = ts.isIdentifier(callee.expression) ? callee.expression.text : '';
  return object === 'require' || object === 'process' ? `${object}.${callee.name.text}` : callee.name.text;
}

function skipWrappers(node: TS.Node): TS.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isAwaitExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function propertyName(name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}

/** A regular expression literal as written, matched in linear time; one RE2 cannot express is treated as unreadable. */
function regExpOf(literal: string): RepositoryPattern | undefined {
  const end = literal.lastIndexOf('/');
  return RepositoryPattern.of(literal.slice(1, end), literal.slice(end + 1)) ?? undefined;
}
