import { posix } from 'node:path';
import { Random, deriveSeed } from './prng.js';
import { type CodeFile, type ImportEdge, type Layout, moduleName, pad } from './synthetic-graph.js';

/**
 * The TypeScript text of generated files. Bodies mix the constructs the complexity metrics count
 * (if/else chains, loops, switch, try/catch, runs of && || ??, nested arrow functions, classes),
 * and the text is valid strict TypeScript so that type-aware tools see a healthy project.
 */

const maxDepth = 3;

/** Per-body state: the PRNG and a counter that keeps local names unique within one function. */
interface Body {
  readonly random: Random;
  nextName: number;
}

export function renderCodeFile(layout: Layout, file: CodeFile, revision: number, seed: number): string {
  const body: Body = { random: new Random(deriveSeed(seed, 2, file.index, revision)), nextName: 0 };
  const id = pad(file.index);
  const sections = [
    renderImports(layout, file),
    renderInterface(file, id),
    `const LIMIT = ${body.random.int(3, 40)};`,
    renderCompute(layout, file, id, body),
    file.hasClass ? renderClass(id, body) : '',
    file.deprecated ? renderDeprecated(id) : '',
    file.unusedExport ? renderFunction(`unused${id}`, body) : '',
  ];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

/** The module's public surface: the main function, type and class of each root file. */
export function renderBarrel(layout: Layout, module: number): string {
  const lines = layout.files
    .filter((file) => file.module === module && file.root)
    .map((file) => {
      const id = pad(file.index);
      const names = [`compute${id}`, `type Shape${id}`, ...(file.hasClass ? [`Store${id}`] : [])];
      return `export { ${names.join(', ')} } from './${posix.relative(`src/${moduleName(module)}`, file.path).replace(/\.ts$/, '.js')}';`;
    });
  return `${lines.join('\n')}\n`;
}

export function renderEntry(layout: Layout): string {
  const lines = Array.from({ length: layout.moduleCount }, (_, module) => `export * from './${moduleName(module)}/index.js';`);
  return `${lines.join('\n')}\n`;
}

function renderImports(layout: Layout, file: CodeFile): string {
  return file.imports
    .map((edge) => {
      const target = requireFile(layout, edge.target);
      const id = pad(target.index);
      const names = edge.typeOnly ? [`Shape${id}`] : valueImports(target, edge, id);
      return `import ${edge.typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${importSpecifier(file.path, target.path)}';`;
    })
    .join('\n');
}

function valueImports(target: CodeFile, edge: ImportEdge, id: string): string[] {
  return [
    `compute${id}`,
    ...(target.deprecated ? [`legacy${id}`] : []),
    ...(edge.withClass ? [`Store${id}`] : []),
    ...(edge.withType ? [`type Shape${id}`] : []),
  ];
}

function importSpecifier(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to).replace(/\.ts$/, '.js');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The interface refers to every type-only import so those imports are really used. */
function renderInterface(file: CodeFile, id: string): string {
  const references = file.imports.filter((edge) => edge.typeOnly).map((edge) => `  related${pad(edge.target)}?: Shape${pad(edge.target)};`);
  return [`export interface Shape${id} {`, '  readonly id: number;', '  label: string;', '  tags: readonly string[];', ...references, '}'].join('\n');
}

/** The main export: its own logic plus one call into every value import. */
function renderCompute(layout: Layout, file: CodeFile, id: string, body: Body): string {
  const calls = file.imports.filter((edge) => !edge.typeOnly).flatMap((edge) => importUses(requireFile(layout, edge.target), edge, body));
  const statements = [...statementList(body, 0, 2, 7), ...calls];
  shuffle(statements, body.random);
  return functionText(`compute${id}`, statements);
}

/** One statement per imported name, so no import is unused. */
function importUses(target: CodeFile, edge: ImportEdge, body: Body): string[] {
  const id = pad(target.index);
  const record = `record${body.nextName++}`;
  return [
    `total += compute${id}(total % ${body.random.int(2, 17)}, items);`,
    ...(target.deprecated ? [`total -= legacy${id}(total);`] : []),
    ...(edge.withClass ? [`total += new Store${id}().add(total).total();`] : []),
    ...(edge.withType ? [`const ${record}: Shape${id} = { id: total, label: '${record}', tags: items };\ntotal += ${record}.tags.length;`] : []),
  ];
}

function renderFunction(name: string, body: Body): string {
  return functionText(name, statementList(body, 0, 1, 4));
}

function functionText(name: string, statements: readonly string[]): string {
  return [
    `export function ${name}(input: number, items: readonly string[]): number {`,
    '  let total = input % LIMIT;',
    ...indent(statements.join('\n'), 1),
    '  return total;',
    '}',
  ].join('\n');
}

function renderClass(id: string, body: Body): string {
  return [
    `export class Store${id} {`,
    '  private readonly values: number[] = [];',
    '',
    '  add(value: number): this {',
    `    if (value < 0 || value > LIMIT * ${body.random.int(10, 99)}) return this;`,
    '    this.values.push(value);',
    '    return this;',
    '  }',
    '',
    '  total(): number {',
    '    const input = this.values.length;',
    '    const items = this.values.map(String);',
    '    let total = 0;',
    ...indent(statementList(body, 1, 1, 3).join('\n'), 2),
    '    return total;',
    '  }',
    '}',
  ].join('\n');
}

function renderDeprecated(id: string): string {
  return [
    `/** @deprecated Use {@link compute${id}} instead; kept for old callers. */`,
    `export function legacy${id}(input: number): number {`,
    `  return compute${id}(input, []);`,
    '}',
  ].join('\n');
}

function statementList(body: Body, depth: number, min: number, max: number): string[] {
  return Array.from({ length: body.random.int(min, max) }, () => statement(body, depth));
}

type Generator = (body: Body, depth: number) => string;

const flat: readonly Generator[] = [arithmetic, logicalRun, nullishRun, nestedArrows];
const compound: readonly Generator[] = [ifChain, forOf, countedLoop, whileLoop, switchBlock, tryCatch];

/** Compound statements get rarer with depth (so files stay around a hundred lines) and stop at maxDepth. */
function statement(body: Body, depth: number): string {
  const compoundChance = (maxDepth - depth) / (maxDepth + 1);
  return body.random.pick(body.random.chance(compoundChance) ? compound : flat)(body, depth);
}

function block(body: Body, depth: number): string {
  return indent(statementList(body, depth + 1, 1, 2).join('\n'), 1).join('\n');
}

function condition(body: Body): string {
  const { random } = body;
  const simple = (): string =>
    random.pick([
      `total > ${random.int(0, 500)}`,
      `input % ${random.int(2, 9)} === 0`,
      `items.length > ${random.int(0, 6)}`,
      `items.includes('tag-${random.int(0, 20)}')`,
    ]);
  return random.chance(0.3) ? `${simple()} ${random.pick(['&&', '||'])} ${simple()}` : simple();
}

function arithmetic(body: Body): string {
  const { random } = body;
  return random.pick([
    `total = (total * ${random.int(3, 37)} + input) % ${random.int(1000, 99999)};`,
    `total += items.length * ${random.int(1, 9)};`,
    `total -= Math.min(total, ${random.int(1, 50)});`,
  ]);
}

function logicalRun(body: Body): string {
  const name = `ready${body.nextName++}`;
  const { random } = body;
  return `const ${name} = (total > ${random.int(0, 99)} && input < ${random.int(100, 999)} && items.length > 0) || input === ${random.int(0, 9)};\nif (${name}) total += 1;`;
}

function nullishRun(body: Body): string {
  const name = `label${body.nextName++}`;
  return `const ${name} = items[${body.random.int(1, 5)}] ?? items[0] ?? 'none';\ntotal += ${name}.length;`;
}

function ifChain(body: Body, depth: number): string {
  const branches = body.random.int(1, 3);
  const parts = [`if (${condition(body)}) {\n${block(body, depth)}\n}`];
  for (let branch = 1; branch < branches; branch += 1) parts.push(` else if (${condition(body)}) {\n${block(body, depth)}\n}`);
  if (body.random.chance(0.5)) parts.push(` else {\n${block(body, depth)}\n}`);
  return parts.join('');
}

function forOf(body: Body, depth: number): string {
  const item = `item${body.nextName++}`;
  return `for (const ${item} of items) {\n  if (${item}.length > ${body.random.int(2, 12)}) continue;\n  total += ${item}.length;\n${block(body, depth)}\n}`;
}

function countedLoop(body: Body, depth: number): string {
  const index = `index${body.nextName++}`;
  return `for (let ${index} = 0; ${index} < LIMIT; ${index} += 1) {\n  total += ${index};\n${block(body, depth)}\n}`;
}

function whileLoop(body: Body, depth: number): string {
  const guard = `guard${body.nextName++}`;
  return `let ${guard} = ${body.random.int(2, 9)};\nwhile (${guard} > 0 && total < ${body.random.int(100, 9999)}) {\n  ${guard} -= 1;\n${block(body, depth)}\n}`;
}

function switchBlock(body: Body, depth: number): string {
  const cases = body.random.int(2, 4);
  const lines = [`switch (total % ${cases + 1}) {`];
  for (let value = 0; value < cases; value += 1) lines.push(`  case ${value}: {`, indent(block(body, depth), 1).join('\n'), '    break;', '  }');
  lines.push('  default:', `    total -= ${body.random.int(1, 9)};`, '}');
  return lines.join('\n');
}

function tryCatch(body: Body, depth: number): string {
  const error = `error${body.nextName++}`;
  return `try {\n  total += Number(JSON.parse(items[0] ?? '0'));\n${block(body, depth)}\n} catch (${error}) {\n  total -= ${error} instanceof Error ? ${error}.message.length : 1;\n}`;
}

function nestedArrows(body: Body): string {
  const name = `scale${body.nextName++}`;
  const limit = body.random.int(2, 30);
  return [
    `const ${name} = (value: number): number => (value > ${limit} ? value - ${limit} : value * 2);`,
    `total += items.map((item) => ${name}(item.length)).reduce((sum, value) => sum + (value > 0 ? value : -value), 0);`,
  ].join('\n');
}

function indent(text: string, levels: number): string[] {
  return text.split('\n').map((line) => (line === '' ? line : `${'  '.repeat(levels)}${line}`));
}

function shuffle<T>(items: T[], random: Random): void {
  for (let index = items.length - 1; index > 0; index -= 1) {
    const other = random.int(0, index);
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
}

function requireFile(layout: Layout, index: number): CodeFile {
  const file = layout.files[index];
  if (!file) throw new Error(`no generated file ${index}`);
  return file;
}
