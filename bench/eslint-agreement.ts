/**
 * Checks Steward's cyclomatic complexity against the reference it claims to follow: ESLint's
 * `complexity` rule (classic variant), run with `max: 0` so that it reports every function.
 *
 *   npx tsx bench/eslint-agreement.ts --repo /tmp/real-trpc [--sample 200] [--out summary.json]
 *
 * Files are the repository's tracked TS/JS sources (`git ls-files`, declaration files left out),
 * sorted and sampled evenly (`--sample N` takes N files spread over the sorted list; 0 takes all).
 *
 * ESLint reports a function at its head (`getFunctionHeadLoc`): a method or a function-valued property
 * at the property's start, an arrow function at its `=>`, any other function at its start. Steward
 * reports the function node's start, so each Steward function's ESLint head is worked out from the
 * syntax tree and the two are matched on it; a report that still has no partner is matched on its line,
 * then to the innermost function around that line with a compatible name. ESLint's class field
 * initializers and static blocks are not functions to Steward and are skipped.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import { ts } from 'ts-morph';
import tseslint from 'typescript-eslint';
import { extractFacts } from '../analyzers/facts/extract-facts.js';
import type { FunctionFact } from '../analyzers/facts/file-facts.js';
import { scriptKindOf } from '../analyzers/facts/script-kind.js';

const sourcePattern = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const declarationPattern = /\.d\.[cm]?ts$/i;
/** Larger files are bundles or generated code, not what either tool is meant for. */
const maxFileBytes = 1024 * 1024;
const messagePattern = /^(.+) has a complexity of (\d+)\. Maximum allowed is 0\.$/;
const implicitFunctions = new Set(['Class field initializer', 'Class static block']);

/** One function as ESLint reports it. */
interface EslintFunction {
  line: number;
  column: number;
  /** ESLint's description, e.g. `Method 'save'`, `Arrow function`. */
  label: string;
  complexity: number;
}

type MatchKind = 'head' | 'line' | 'span';

export interface Comparison {
  file: string;
  /** Steward's line and name for the function. */
  line: number;
  name: string;
  eslintLine: number;
  eslintLabel: string;
  eslint: number;
  steward: number;
  match: MatchKind;
}

export interface Unmatched {
  file: string;
  line: number;
  name: string;
  complexity: number;
}

export interface FileResult {
  compared: Comparison[];
  eslintOnly: Unmatched[];
  stewardOnly: Unmatched[];
}

export interface Summary {
  repo: string;
  head: string;
  files: { candidates: number; sampled: number; compared: number; eslintParseFailures: Unmatched[]; stewardParseErrors: number };
  functionsCompared: number;
  agreements: number;
  agreementPercent: number;
  matchedBy: Record<MatchKind, number>;
  disagreements: Comparison[];
  eslintOnly: Unmatched[];
  stewardOnly: Unmatched[];
}

const linter = new Linter({ configType: 'flat' });
const eslintConfig: Linter.Config[] = [
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
    languageOptions: { parser: tseslint.parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    // `eslint-disable` comments in the sampled repository must not hide functions.
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
    rules: { complexity: ['error', { max: 0 }] },
  },
];

/** ESLint's functions in one file, or the parse error that stopped it. */
function eslintFunctions(path: string, text: string): EslintFunction[] | { error: string; line: number } {
  const functions: EslintFunction[] = [];
  for (const message of linter.verify(text, eslintConfig, { filename: path })) {
    if (message.fatal) return { error: message.message, line: message.line };
    const parsed = message.ruleId === 'complexity' ? messagePattern.exec(message.message) : null;
    if (!parsed?.[1] || !parsed[2]) continue;
    if (implicitFunctions.has(parsed[1])) continue;
    functions.push({ line: message.line, column: message.column, label: parsed[1], complexity: Number(parsed[2]) });
  }
  return functions;
}

/** Where ESLint would report each function-like node that starts at a given `line:column` (1-based). */
function eslintHeads(path: string, text: string): Map<string, { line: number; column: number }> {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, scriptKindOf(path) ?? ts.ScriptKind.TS);
  const heads = new Map<string, { line: number; column: number }>();
  const position = (offset: number) => {
    const { line, character } = file.getLineAndCharacterOfPosition(offset);
    return { line: line + 1, column: character + 1 };
  };
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = position(node.getStart(file));
      heads.set(`${start.line}:${start.column}`, position(headOffset(node, file)));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return heads;
}

function headOffset(node: ts.Node, file: ts.SourceFile): number {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  const valueOfProperty = (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
  if (valueOfProperty) return parent.getStart(file);
  if (ts.isArrowFunction(node)) return node.equalsGreaterThanToken.getStart(file);
  if (ts.isFunctionDeclaration(node)) {
    // ESTree leaves `export` and `export default` to the surrounding export declaration.
    const asyncKeyword = node.modifiers?.find((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
    const functionKeyword = node.getChildren(file).find((child) => child.kind === ts.SyntaxKind.FunctionKeyword);
    return (asyncKeyword ?? functionKeyword ?? node).getStart(file);
  }
  return node.getStart(file);
}

/** The name inside ESLint's label (`Method 'save'` → `save`), if it has one. */
function quotedName(label: string): string | null {
  const quoted = /'(.*)'$/.exec(label);
  if (quoted?.[1] !== undefined) return quoted[1];
  const privateName = /(#\S+)$/.exec(label);
  return privateName?.[1] ?? null;
}

function compatible(fact: FunctionFact, label: string): boolean {
  const name = quotedName(label);
  return name === null || fact.name === name || fact.name.endsWith(`.${name}`);
}

export function compareFile(path: string, text: string): FileResult | { error: string; line: number } {
  const reported = eslintFunctions(path, text);
  if (!Array.isArray(reported)) return reported;
  const facts = extractFacts(path, text).functions;
  const heads = eslintHeads(path, text);
  const byHead = new Map<string, FunctionFact>();
  for (const fact of facts) {
    const head = heads.get(`${fact.line}:${fact.column}`) ?? { line: fact.line, column: fact.column };
    byHead.set(`${head.line}:${head.column}`, fact);
  }
  const unmatched = new Set(facts);
  const matches: { eslint: EslintFunction; fact: FunctionFact; match: MatchKind }[] = [];
  const leftOver: EslintFunction[] = [];
  for (const eslint of reported) {
    const fact = byHead.get(`${eslint.line}:${eslint.column}`);
    if (fact && unmatched.has(fact)) {
      unmatched.delete(fact);
      matches.push({ eslint, fact, match: 'head' });
    } else leftOver.push(eslint);
  }
  const eslintOnly: EslintFunction[] = [];
  for (const eslint of leftOver) {
    const free = [...unmatched].filter((fact) => compatible(fact, eslint.label));
    const onLine = free.filter((fact) => fact.line === eslint.line);
    const around = free.filter((fact) => fact.line <= eslint.line && eslint.line <= fact.endLine).sort((a, b) => b.line - a.line || b.column - a.column);
    const [fact, match]: [FunctionFact | undefined, MatchKind] = onLine.length === 1 ? [onLine[0], 'line'] : [around[0], 'span'];
    if (!fact) {
      eslintOnly.push(eslint);
      continue;
    }
    unmatched.delete(fact);
    matches.push({ eslint, fact, match });
  }
  return {
    compared: matches.map(({ eslint, fact, match }) => ({
      file: path,
      line: fact.line,
      name: fact.name,
      eslintLine: eslint.line,
      eslintLabel: eslint.label,
      eslint: eslint.complexity,
      steward: fact.cyclomatic,
      match,
    })),
    eslintOnly: eslintOnly.map((eslint) => ({ file: path, line: eslint.line, name: eslint.label, complexity: eslint.complexity })),
    stewardOnly: [...unmatched].map((fact) => ({ file: path, line: fact.line, name: fact.name, complexity: fact.cyclomatic })),
  };
}

/** `count` files spread evenly over the sorted list (all of them when `count` is 0 or too large). */
export function sampleEvenly<T>(sorted: readonly T[], count: number): T[] {
  if (count <= 0 || count >= sorted.length) return [...sorted];
  return Array.from({ length: count }, (_, index) => sorted[Math.floor((index * sorted.length) / count)] as T);
}

function listSources(repo: string): string[] {
  const output = execFileSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return output
    .split('\0')
    .filter((path) => sourcePattern.test(path) && !declarationPattern.test(path))
    .sort();
}

function readSource(repo: string, path: string): string | null {
  try {
    const full = join(repo, path);
    if (!statSync(full).isFile() || statSync(full).size > maxFileBytes) return null;
    return readFileSync(full, 'utf8');
  } catch {
    return null;
  }
}

function headCommit(repo: string): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '(no commit)';
  }
}

export function measure(repo: string, sample: number): Summary {
  const candidates = listSources(repo);
  const sampled = sampleEvenly(candidates, sample);
  const compared: Comparison[] = [];
  const eslintOnly: Unmatched[] = [];
  const stewardOnly: Unmatched[] = [];
  const eslintParseFailures: Unmatched[] = [];
  let comparedFiles = 0;
  let stewardParseErrors = 0;
  for (const path of sampled) {
    const text = readSource(repo, path);
    if (text === null) continue;
    const result = compareFile(path, text);
    if ('error' in result) {
      eslintParseFailures.push({ file: path, line: result.line, name: result.error, complexity: 0 });
      continue;
    }
    comparedFiles++;
    if (extractFacts(path, text).parseErrors.length > 0) stewardParseErrors++;
    compared.push(...result.compared);
    eslintOnly.push(...result.eslintOnly);
    stewardOnly.push(...result.stewardOnly);
  }
  const agreements = compared.filter((comparison) => comparison.eslint === comparison.steward).length;
  const matchedBy: Record<MatchKind, number> = { head: 0, line: 0, span: 0 };
  for (const comparison of compared) matchedBy[comparison.match]++;
  return {
    repo,
    head: headCommit(repo),
    files: { candidates: candidates.length, sampled: sampled.length, compared: comparedFiles, eslintParseFailures, stewardParseErrors },
    functionsCompared: compared.length,
    agreements,
    agreementPercent: compared.length === 0 ? 0 : Math.round((agreements / compared.length) * 10_000) / 100,
    matchedBy,
    disagreements: compared.filter((comparison) => comparison.eslint !== comparison.steward),
    eslintOnly,
    stewardOnly,
  };
}

function printSummary(summary: Summary): void {
  const { files } = summary;
  console.log(`Repository  ${summary.repo} @ ${summary.head.slice(0, 12)}`);
  console.log(`Files       ${files.compared} compared of ${files.sampled} sampled (${files.candidates} TS/JS sources)`);
  if (files.eslintParseFailures.length > 0) console.log(`            ${files.eslintParseFailures.length} skipped: ESLint could not parse them`);
  if (files.stewardParseErrors > 0) console.log(`            ${files.stewardParseErrors} with a Steward parse error (compared anyway)`);
  console.log(`Functions   ${summary.functionsCompared} compared (matched by head ${summary.matchedBy.head}, line ${summary.matchedBy.line}, span ${summary.matchedBy.span})`);
  console.log(`Agreement   ${summary.agreements} exact (${summary.agreementPercent}%)`);
  if (summary.disagreements.length > 0) {
    console.log(`\nDisagreements (${summary.disagreements.length}):`);
    for (const d of summary.disagreements) {
      const head = d.eslintLine === d.line ? '' : ` (ESLint line ${d.eslintLine})`;
      console.log(`  ${d.file}:${d.line}${head}  ${d.name} [${d.eslintLabel}]  eslint=${d.eslint} steward=${d.steward}`);
    }
  }
  for (const [title, list] of [
    ['Reported by ESLint only', summary.eslintOnly],
    ['Listed by Steward only', summary.stewardOnly],
    ['ESLint parse failures', files.eslintParseFailures],
  ] as const) {
    if (list.length === 0) continue;
    console.log(`\n${title} (${list.length}):`);
    for (const entry of list) console.log(`  ${entry.file}:${entry.line}  ${entry.name}  ${entry.complexity || ''}`.trimEnd());
  }
}

function main(): void {
  const { values } = parseArgs({
    options: {
      repo: { type: 'string' },
      sample: { type: 'string', default: '200' },
      out: { type: 'string' },
    },
  });
  const sample = Number(values.sample);
  if (!values.repo || !Number.isSafeInteger(sample) || sample < 0) {
    console.error('usage: npx tsx bench/eslint-agreement.ts --repo <git checkout> [--sample <files, 0 = all>] [--out <summary.json>]');
    process.exitCode = 2;
    return;
  }
  const summary = measure(values.repo, sample);
  printSummary(summary);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
