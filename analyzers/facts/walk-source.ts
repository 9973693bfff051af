import type { ts as TS } from 'ts-morph';
import { typescript } from './typescript.js';
import { ComplexityTracker, type LogicalOperator, logicalRuns } from '../complexity/complexity-tracker.js';
import type { DynamicImportFact, ExportFact, FunctionFact, FunctionKind, HalsteadCounts, ImportFact, NameUse, NamespaceUse, PathString } from './file-facts.js';
import { functionName } from './function-name.js';

const ts = typescript();

// The TypeScript namespace and its SyntaxKind enum are large dictionaries: reading a member on every
// node is measurable, so the walk uses local copies.
const { forEachChild } = ts;
const {
  AmpersandAmpersandEqualsToken,
  AmpersandAmpersandToken,
  ArrowFunction,
  BarBarEqualsToken,
  BarBarToken,
  BinaryExpression,
  BindingElement,
  BreakStatement,
  CallExpression,
  CaseClause,
  CatchClause,
  ClassStaticBlockDeclaration,
  ComputedPropertyName,
  ConditionalExpression,
  Constructor,
  ContinueStatement,
  Decorator,
  DoStatement,
  ElementAccessExpression,
  EqualsToken,
  FirstLiteralToken,
  ForInStatement,
  ForOfStatement,
  ForStatement,
  FunctionDeclaration,
  FunctionExpression,
  GetAccessor,
  Identifier,
  IfStatement,
  ImportDeclaration,
  ImportEqualsDeclaration,
  ImportKeyword,
  ImportType,
  LastLiteralToken,
  NewExpression,
  NoSubstitutionTemplateLiteral,
  MethodDeclaration,
  Parameter,
  PrivateIdentifier,
  PropertyAccessExpression,
  PropertyDeclaration,
  QuestionQuestionEqualsToken,
  QuestionQuestionToken,
  SetAccessor,
  StringLiteral,
  ShorthandPropertyAssignment,
  SwitchStatement,
  ThisKeyword,
  WhileStatement,
} = ts.SyntaxKind;

/** Relative paths (`./x`, `../x/y`) and paths ending in a code file's extension, without spaces or a scheme. */
const pathShaped = /^(?:\.{1,2}\/[^\s:*?"<>|]*|[^\s:*?"<>|]+\.[cm]?[jt]sx?)$/;
/** Functions that load a module by path and return it (see isModuleLoader). */
const moduleLoaders = new Set(['proxyquire', 'rewire', 'importFresh', 'requireUncached', 'requireFresh']);
const moduleLoaderMethods = new Set(['jest.requireActual', 'vi.importActual', 'proxyquire.load']);

/** The names whose uses the walk records. */
interface WalkedNames {
  /** Local names of import bindings. */
  importedNames: ReadonlySet<string>;
  /** The subset bound to a whole module (`import * as NS`, `import NS = require()`). */
  namespaceNames: ReadonlySet<string>;
  /** Enums the file declares and exports. */
  enumNames: ReadonlySet<string>;
}

interface WalkResult {
  functions: FunctionFact[];
  dynamicImports: DynamicImportFact[];
  importedNameUses: NameUse[];
  namespaceUses: NamespaceUse[];
  /** Member reads of the file's own enums (`member` null where the enum object escapes). */
  enumMemberUses: NamespaceUse[];
  commonJsExports: ExportFact[];
  /** `import('./x').Name` and `typeof import('./x')` in type positions: type-only imports without a statement. */
  importTypes: ImportFact[];
  pathStrings: PathString[];
  halstead: HalsteadCounts;
}

const logicalOperators = new Map<TS.SyntaxKind, LogicalOperator>([
  [AmpersandAmpersandToken, '&&'],
  [BarBarToken, '||'],
  [QuestionQuestionToken, '??'],
]);

const functionKinds = new Map<TS.SyntaxKind, FunctionKind>([
  [FunctionDeclaration, 'function'],
  [MethodDeclaration, 'method'],
  [Constructor, 'constructor'],
  [GetAccessor, 'getter'],
  [SetAccessor, 'setter'],
  [ArrowFunction, 'arrow'],
  [FunctionExpression, 'function-expression'],
]);

const logicalAssignments = new Set([
  AmpersandAmpersandEqualsToken,
  BarBarEqualsToken,
  QuestionQuestionEqualsToken,
]);

/**
 * One pass over every node of a parsed file: functions with their complexity, dynamic imports and
 * requires, uses of imported names, CommonJS exports, and Halstead counts.
 */
export function walkSource(file: TS.SourceFile, names: WalkedNames): WalkResult {
  const { importedNames, namespaceNames, enumNames } = names;
  const tracker = new ComplexityTracker();
  const result: WalkResult = {
    functions: [],
    dynamicImports: [],
    importedNameUses: [],
    namespaceUses: [],
    enumMemberUses: [],
    commonJsExports: [],
    importTypes: [],
    pathStrings: [],
    halstead: { operators: 0, operands: 0, distinctOperators: 0, distinctOperands: 0 },
  };
  const operators = new Set<number>();
  const operands = new Set<string>();
  const seenUses = new Set<string>();
  const lineOf = (node: TS.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;

  const visitAll = (node: TS.Node | undefined): void => {
    if (node) forEachChild(node, visit);
  };

  function visitFunction(node: TS.SignatureDeclaration & { body?: TS.Node }, kind: FunctionKind): void {
    const start = file.getLineAndCharacterOfPosition(node.getStart(file));
    const name = functionName(node);
    const nested = tracker.inFunction;
    // Decorators and a computed name run where the function is defined, not when it is called.
    const outside = (child: TS.Node): boolean => child.kind === Decorator || (child === node.name && child.kind === ComputedPropertyName);
    forEachChild(node, (child) => (outside(child) ? visit(child) : undefined));
    tracker.enterFunction(recursionNameOf(node));
    forEachChild(node, (child) => (outside(child) ? undefined : visit(child)));
    const frame = tracker.leaveFunction();
    if (!node.body) return;
    result.functions.push({
      name,
      kind,
      line: start.line + 1,
      column: start.character + 1,
      endLine: file.getLineAndCharacterOfPosition(node.end).line + 1,
      parameters: node.parameters.length,
      cyclomatic: frame.cyclomatic,
      cognitive: frame.cognitive,
      maxNesting: frame.maxDepth,
      nested,
    });
  }

  /** Class field initializers and static blocks have their own cyclomatic count in ESLint; they are not listed. */
  function visitImplicitFunction(walk: () => void): void {
    tracker.enterFunction(null, { implicit: true });
    walk();
    tracker.leaveFunction();
  }

  function visitLogical(node: TS.BinaryExpression): void {
    const parent = skipParentheses(node.parent);
    if (!(ts.isBinaryExpression(parent) && logicalOperators.has(parent.operatorToken.kind))) {
      for (let run = logicalRuns(flattenLogical(node)); run > 0; run--) tracker.flat();
    }
    tracker.decision();
    visitAll(node);
  }

  function visitIf(node: TS.IfStatement): void {
    tracker.decision();
    tracker.structural();
    visit(node.expression);
    tracker.nested(() => visit(node.thenStatement));
    let alternative = node.elseStatement;
    while (alternative) {
      tracker.flat();
      if (ts.isIfStatement(alternative)) {
        const elseIf = alternative;
        tracker.decision();
        visit(elseIf.expression);
        tracker.nested(() => visit(elseIf.thenStatement));
        alternative = elseIf.elseStatement;
      } else {
        const body = alternative;
        tracker.nested(() => visit(body));
        alternative = undefined;
      }
    }
  }

  function visitLoop(node: TS.IterationStatement): void {
    tracker.decision();
    tracker.structural();
    ts.forEachChild(node, (child) => {
      if (child === node.statement) tracker.nested(() => visit(child));
      else visit(child);
    });
  }

  function recordIdentifier(node: TS.Identifier): void {
    const name = node.text;
    const imported = importedNames.has(name);
    if ((!imported && !enumNames.has(name)) || isDeclarationName(node)) return;
    const member = memberOf(node);
    if (!imported) {
      result.enumMemberUses.push({ namespace: name, member, line: lineOf(node) });
      return;
    }
    if (namespaceNames.has(name)) {
      result.namespaceUses.push({ namespace: name, member, line: lineOf(node) });
      return;
    }
    const line = lineOf(node);
    const key = `${name}:${line}:${member ?? ''}`;
    if (seenUses.has(key)) return;
    seenUses.add(key);
    result.importedNameUses.push(member === null ? { local: name, line } : { local: name, line, member });
  }

  function recordCall(node: TS.CallExpression): void {
    const callee = node.expression;
    if (node.questionDotToken) tracker.decision();
    if (callee.kind === ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require' && node.arguments.length === 1)) {
      result.dynamicImports.push({ kind: callee.kind === ImportKeyword ? 'import' : 'require', line: lineOf(node), ...specifierOf(node.arguments[0]) });
    } else if (isModuleLoader(callee) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      result.dynamicImports.push({ kind: 'require', line: lineOf(node), specifier: node.arguments[0].text });
    } else if (isImportMetaGlob(callee) && node.arguments.length > 0) {
      const first = node.arguments[0]!;
      const patterns = ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
      const globs = patterns.flatMap((pattern) => (ts.isStringLiteralLike(pattern) ? [pattern.text] : []));
      result.dynamicImports.push({ kind: 'import', line: lineOf(node), specifier: null, globs });
    } else if (isResolveCall(callee) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]!)) {
      // `require.resolve('./client-module.js')`: a file handed by path to a tool (Docusaurus clientModules,
      // workers); `createRequire(import.meta.url).resolve('pkg')`: a package located to be run or loaded.
      result.dynamicImports.push({ kind: 'url', line: lineOf(node), specifier: node.arguments[0].text });
    } else if (ts.isIdentifier(callee)) tracker.call(callee.text);
    else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ThisKeyword) tracker.call(`this.${callee.name.text}`);
  }

  /** A string shaped like a path to a code file (`'./users'`, `'../assets/shims.js'`, `'src/app.ts'`): a file some code may load by name. */
  function recordPathString(node: TS.StringLiteralLike): void {
    const text = node.text;
    if (text.length > 256 || !pathShaped.test(text) || isModuleSpecifier(node)) return;
    result.pathStrings.push({ text, line: lineOf(node) });
  }

  /** The specifier of an import, re-export, `import()`, `require()`, import type or `declare module`: an import, not a name. */
  function isModuleSpecifier(node: TS.StringLiteralLike): boolean {
    const parent = node.parent;
    if (ts.isExportDeclaration(parent) || ts.isImportDeclaration(parent) || ts.isExternalModuleReference(parent) || ts.isModuleDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
    return ts.isCallExpression(parent) && (parent.expression.kind === ImportKeyword || isIdentifierNamed(parent.expression, 'require'));
  }

  /**
   * `import('./x').A.B` and `typeof import('./x')['A']` (how auto-import declarations name a value)
   * ask `./x` for `A`; a bare `typeof import('./x')` asks for the whole module, as `import()` does.
   */
  function recordImportType(node: TS.ImportTypeNode): void {
    const argument = node.argument;
    if (!ts.isLiteralTypeNode(argument) || !ts.isStringLiteral(argument.literal)) return;
    const specifier = argument.literal.text;
    let qualifier = node.qualifier;
    while (qualifier && ts.isQualifiedName(qualifier)) qualifier = qualifier.left;
    const parent = node.parent;
    const index = ts.isIndexedAccessTypeNode(parent) && parent.objectType === node && ts.isLiteralTypeNode(parent.indexType) && ts.isStringLiteral(parent.indexType.literal) ? parent.indexType.literal.text : undefined;
    const imported = qualifier?.text ?? index;
    if (imported === undefined) result.dynamicImports.push({ kind: 'import', line: lineOf(node), specifier });
    else result.importTypes.push({ specifier, line: lineOf(node), form: 'import', typeOnly: true, bindings: [{ imported, local: '', typeOnly: true }] });
  }

  /** Vite's `import.meta.glob(…)` (and the older `import.meta.globEager(…)`). */
  function isImportMetaGlob(callee: TS.Expression): boolean {
    return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'glob' || callee.name.text === 'globEager') && ts.isMetaProperty(callee.expression);
  }

  /**
   * Test helpers that load a module by path and hand back the module object, as `require()` does:
   * `proxyquire('./api', stubs)`, `rewire('./api')`, `importFresh('./api')`, `jest.requireActual('./api')`,
   * `vi.importActual('./api')`.
   */
  function isModuleLoader(callee: TS.Expression): boolean {
    if (ts.isIdentifier(callee)) return moduleLoaders.has(callee.text);
    return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && moduleLoaderMethods.has(`${callee.expression.text}.${callee.name.text}`);
  }

  /** `require.resolve(…)`, `createRequire(…).resolve(…)` and `import.meta.resolve(…)`. */
  function isResolveCall(callee: TS.Expression): boolean {
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'resolve') return false;
    const owner = callee.expression;
    return isIdentifierNamed(owner, 'require') || (ts.isCallExpression(owner) && isIdentifierNamed(owner.expression, 'createRequire')) || ts.isMetaProperty(owner);
  }

  /** `new URL('./worker.js', import.meta.url)`: how ES modules name a worker, a wasm file or a script to run. */
  function recordFileUrl(node: TS.NewExpression): void {
    const [path, base] = node.arguments ?? [];
    if (!isIdentifierNamed(node.expression, 'URL') || !path || !ts.isStringLiteralLike(path) || !path.text.startsWith('.') || !base) return;
    if (!ts.isPropertyAccessExpression(base) || base.name.text !== 'url' || !ts.isMetaProperty(base.expression)) return;
    result.dynamicImports.push({ kind: 'url', line: lineOf(node), specifier: path.text });
  }

  function recordCommonJsExport(node: TS.BinaryExpression): void {
    const target = node.left;
    if (!ts.isPropertyAccessExpression(target) || !ts.isExpressionStatement(node.parent) || !ts.isSourceFile(node.parent.parent)) return;
    const line = lineOf(node);
    const add = (name: string): void => {
      result.commonJsExports.push({ name, kind: 'commonjs', line, typeOnly: false, tags: {} });
    };
    if (isIdentifierNamed(target.expression, 'exports') || isModuleExports(target.expression)) add(target.name.text);
    else if (isModuleExports(target)) {
      if (ts.isObjectLiteralExpression(node.right)) {
        for (const property of node.right.properties) if (property.name && ts.isIdentifier(property.name)) add(property.name.text);
      } else add('=');
    }
  }

  function countHalstead(node: TS.Node): void {
    const kind = node.kind;
    if (kind === Identifier || kind === PrivateIdentifier || (kind >= FirstLiteralToken && kind <= LastLiteralToken)) {
      result.halstead.operands++;
      operands.add((node as TS.Identifier | TS.LiteralExpression).text);
    } else {
      result.halstead.operators++;
      operators.add(kind === BinaryExpression ? -(node as TS.BinaryExpression).operatorToken.kind : kind);
    }
  }

  function visit(node: TS.Node): void {
    countHalstead(node);
    const functionKind = functionKinds.get(node.kind);
    if (functionKind) return visitFunction(node as TS.FunctionLikeDeclaration, functionKind);
    if (node.kind === ImportType) recordImportType(node as TS.ImportTypeNode);
    switch (node.kind) {
      case ImportDeclaration:
      case ImportEqualsDeclaration:
        return;
      case ClassStaticBlockDeclaration:
        return visitImplicitFunction(() => visitAll(node));
      case PropertyDeclaration: {
        const initializer = (node as TS.PropertyDeclaration).initializer;
        ts.forEachChild(node, (child) => (child === initializer ? visitImplicitFunction(() => visit(child)) : visit(child)));
        return;
      }
      case IfStatement:
        return visitIf(node as TS.IfStatement);
      case ForStatement:
      case ForInStatement:
      case ForOfStatement:
      case WhileStatement:
      case DoStatement:
        return visitLoop(node as TS.IterationStatement);
      case ConditionalExpression: {
        const conditional = node as TS.ConditionalExpression;
        tracker.decision();
        tracker.structural();
        visit(conditional.condition);
        tracker.nested(() => {
          visit(conditional.whenTrue);
          visit(conditional.whenFalse);
        });
        return;
      }
      case SwitchStatement: {
        const statement = node as TS.SwitchStatement;
        tracker.structural();
        visit(statement.expression);
        tracker.nested(() => visit(statement.caseBlock));
        return;
      }
      case CaseClause:
        tracker.decision();
        break;
      case CatchClause: {
        tracker.decision();
        tracker.structural();
        tracker.nested(() => visitAll(node));
        return;
      }
      case BreakStatement:
      case ContinueStatement:
        if ((node as TS.BreakOrContinueStatement).label) tracker.flat();
        return;
      case BinaryExpression: {
        const binary = node as TS.BinaryExpression;
        const operator = binary.operatorToken.kind;
        if (logicalOperators.has(operator)) return visitLogical(binary);
        if (logicalAssignments.has(operator)) tracker.decision();
        else if (operator === EqualsToken) {
          if (isDestructuringDefault(binary)) tracker.decision();
          recordCommonJsExport(binary);
        }
        break;
      }
      case Parameter:
      case BindingElement:
        if ((node as TS.ParameterDeclaration | TS.BindingElement).initializer) tracker.decision();
        break;
      case ShorthandPropertyAssignment:
        if ((node as TS.ShorthandPropertyAssignment).objectAssignmentInitializer) tracker.decision();
        break;
      case PropertyAccessExpression:
      case ElementAccessExpression:
        if ((node as TS.PropertyAccessExpression | TS.ElementAccessExpression).questionDotToken) tracker.decision();
        break;
      case CallExpression:
        recordCall(node as TS.CallExpression);
        break;
      case NewExpression:
        recordFileUrl(node as TS.NewExpression);
        break;
      case StringLiteral:
      case NoSubstitutionTemplateLiteral:
        recordPathString(node as TS.StringLiteralLike);
        break;
      case Identifier:
        recordIdentifier(node as TS.Identifier);
        return;
    }
    visitAll(node);
  }

  visitAll(file);
  result.halstead.distinctOperators = operators.size;
  result.halstead.distinctOperands = operands.size;
  return result;
}

/**
 * How a function calls itself: by its name (a function declaration, or a variable holding it), or
 * as `this.name` (a class method, or a class field holding it). An object literal's method is only
 * reachable as `this.name` too.
 */
function recursionNameOf(node: TS.SignatureDeclaration): string | null {
  const parent = node.parent;
  const member = ts.isMethodDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) ? node.name : ts.isPropertyDeclaration(parent) ? parent.name : undefined;
  if (member) return ts.isIdentifier(member) || ts.isPrivateIdentifier(member) ? `this.${member.text}` : null;
  const name = node.name ?? (ts.isVariableDeclaration(parent) ? parent.name : undefined);
  return name && ts.isIdentifier(name) ? name.text : null;
}

/** `a = 1` as a default inside a destructuring assignment target (`[a = 1] = xs`, `for ({ a: b = 2 } of list)`). */
function isDestructuringDefault(node: TS.BinaryExpression): boolean {
  let child: TS.Node = node;
  let parent = node.parent;
  if (!ts.isArrayLiteralExpression(parent) && !ts.isPropertyAssignment(parent)) return false;
  while (ts.isArrayLiteralExpression(parent) || ts.isObjectLiteralExpression(parent) || ts.isPropertyAssignment(parent) || ts.isSpreadElement(parent) || ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (ts.isBinaryExpression(parent)) return parent.operatorToken.kind === EqualsToken && parent.left === child;
  return (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === child;
}

function skipParentheses(node: TS.Node): TS.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.parent;
  return current;
}

/** The logical operators of a run in source order, through parentheses (`a && (b || c)` is `&&, ||`). */
function flattenLogical(node: TS.Expression): LogicalOperator[] {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (!ts.isBinaryExpression(inner)) return [];
  const operator = logicalOperators.get(inner.operatorToken.kind);
  if (!operator) return [];
  return [...flattenLogical(inner.left), operator, ...flattenLogical(inner.right)];
}

function specifierOf(argument: TS.Expression | undefined): { specifier: string | null; prefix?: string } {
  if (argument && ts.isStringLiteralLike(argument)) return { specifier: argument.text };
  if (argument && ts.isTemplateExpression(argument)) return { specifier: null, prefix: argument.head.text };
  return { specifier: null };
}

function isIdentifierNamed(node: TS.Node, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}

function isModuleExports(node: TS.Node): boolean {
  return ts.isPropertyAccessExpression(node) && isIdentifierNamed(node.expression, 'module') && node.name.text === 'exports';
}

/** A name being declared or a property name, rather than a reference to a binding. */
/** `m` for `node.m` and the type `node.m`; null where `node` is used as a whole. */
function memberOf(node: TS.Identifier): string | null {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return parent.name.text;
  if (ts.isQualifiedName(parent) && parent.left === node) return parent.right.text;
  return null;
}

function isDeclarationName(node: TS.Identifier): boolean {
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return false;
  if (ts.isExportSpecifier(parent)) return (parent.propertyName ?? parent.name) !== node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  return (parent as { name?: TS.Node }).name === node;
}
