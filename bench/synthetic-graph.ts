import { Random, deriveSeed } from './prng.js';

/** How generated files import each other. */
export type Shape = 'layered' | 'random' | 'chain';
export const shapes: readonly Shape[] = ['layered', 'random', 'chain'];

export interface ImportEdge {
  readonly target: number;
  /** `import type` only: no runtime dependency, the way real code imports interfaces. */
  readonly typeOnly: boolean;
  /** A value import that also takes the target's class (and uses it). */
  readonly withClass: boolean;
  /** A value import that also takes the target's interface inline (`type Shape…`). */
  readonly withType: boolean;
}

/** One generated code file (barrels and the entry are derived from these). */
export interface CodeFile {
  readonly index: number;
  readonly module: number;
  readonly path: string;
  readonly imports: ImportEdge[];
  /** Exported from its module's barrel, so reachable from the package entry. */
  root: boolean;
  /** Imported by nobody and not exported: a dead file for dead-code tools to find. */
  orphan: boolean;
  /** Has a `@deprecated` export that every importer still calls. */
  deprecated: boolean;
  /** Has an exported function that nothing imports. */
  unusedExport: boolean;
  hasClass: boolean;
}

export interface Layout {
  readonly files: CodeFile[];
  readonly moduleCount: number;
}

const filesPerModule = 100;
const filesPerFolder = 12;
const cycleEvery = 200;

/**
 * Lays out `totalFiles` TypeScript files: one entry (src/index.ts), one barrel per module
 * (src/module-k/index.ts) and code files in src/module-k/part-j/, then wires the imports so that
 * every code file except a few deliberate orphans is reachable from the entry.
 */
export function planLayout(totalFiles: number, shape: Shape, seed: number): Layout {
  const random = new Random(deriveSeed(seed, 1));
  const moduleSizes = splitEvenly(totalFiles - 1, Math.ceil((totalFiles - 1) / (filesPerModule + 1)));
  const files = placeFiles(moduleSizes, random);
  const importer = connect(files, shape, random);
  if (shape === 'random') addCycles(files, importer, random);
  markRoots(files, importer, moduleSizes.length);
  return { files, moduleCount: moduleSizes.length };
}

/** Module sizes including each module's barrel; every module gets at least one code file. */
function splitEvenly(total: number, parts: number): number[] {
  return Array.from({ length: parts }, (_, part) => Math.floor((total * (part + 1)) / parts) - Math.floor((total * part) / parts));
}

function placeFiles(moduleSizes: readonly number[], random: Random): CodeFile[] {
  const files: CodeFile[] = [];
  moduleSizes.forEach((size, module) => {
    for (let slot = 0; slot < size - 1; slot += 1) {
      const index = files.length;
      files.push({
        index,
        module,
        path: `src/${moduleName(module)}/part-${Math.floor(slot / filesPerFolder)}/file-${pad(index)}.ts`,
        imports: [],
        root: false,
        orphan: random.chance(0.01),
        deprecated: false,
        unusedExport: random.chance(0.2),
        hasClass: random.chance(0.35),
      });
    }
  });
  return files;
}

/**
 * Gives every non-orphan file one importer (so it is reachable) plus a few extra imports, as the
 * shape dictates. Returns each file's reachability importer, or undefined for files nobody imports.
 */
function connect(files: CodeFile[], shape: Shape, random: Random): (number | undefined)[] {
  const layers = layerCount(files.length);
  const layerOf = (index: number): number => (shape === 'layered' ? Math.floor((index * layers) / files.length) : 0);
  const chooseImporter = importerChooser(files, shape, layerOf, random);
  const importer = files.map((file) => {
    const chosen = file.orphan ? undefined : chooseImporter(file.index);
    if (chosen !== undefined) files[chosen]?.imports.push(importOf(file, false, random));
    return chosen;
  });
  if (shape !== 'chain') addExtraImports(files, (from, to) => shape !== 'layered' || layerOf(to) < layerOf(from), random);
  for (const file of files) file.deprecated = importer[file.index] !== undefined && random.chance(0.06);
  return importer;
}

/** About √N/3 layers (3 to 40), so a 20k-file repository has layers of ~500 files. */
function layerCount(codeFiles: number): number {
  return Math.min(40, Math.max(3, Math.round(Math.sqrt(codeFiles) / 3)));
}

/**
 * Picks the file that imports a given file: one in the next layer up (layered), any later file
 * (random) or the next file (chain). Orphans never import reachable files, so they are never chosen.
 */
function importerChooser(files: readonly CodeFile[], shape: Shape, layerOf: (index: number) => number, random: Random): (index: number) => number | undefined {
  const live = files.filter((file) => !file.orphan).map((file) => file.index);
  const firstLiveAfter = (index: number): number => firstGreater(live, index);
  switch (shape) {
    case 'layered': {
      const byLayer = new Map<number, number[]>();
      for (const index of live) {
        const layer = byLayer.get(layerOf(index));
        if (layer) layer.push(index);
        else byLayer.set(layerOf(index), [index]);
      }
      return (index) => {
        const above = byLayer.get(layerOf(index) + 1);
        return above ? random.pick(above) : undefined;
      };
    }
    case 'random':
      return (index) => {
        const position = firstLiveAfter(index);
        return position < live.length ? live[random.int(position, live.length - 1)] : undefined;
      };
    case 'chain':
      return (index) => live[firstLiveAfter(index)];
  }
}

function importOf(target: CodeFile, typeOnly: boolean, random: Random): ImportEdge {
  return { target: target.index, typeOnly, withClass: !typeOnly && target.hasClass && random.chance(0.5), withType: !typeOnly && random.chance(0.3) };
}

/** Position of the first value greater than `value` in an ascending list (its length if none). */
function firstGreater(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? Infinity) > value) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** 0–3 more imports per file, always of an earlier file the shape allows: the graph stays acyclic. */
function addExtraImports(files: CodeFile[], allowed: (from: number, to: number) => boolean, random: Random): void {
  for (const file of files) {
    const wanted = random.int(0, 3);
    for (let attempt = 0; attempt < wanted && file.index > 0; attempt += 1) {
      const target = files[random.int(0, file.index - 1)];
      if (!target || target.orphan || !allowed(file.index, target.index)) continue;
      if (file.imports.some((edge) => edge.target === target.index)) continue;
      file.imports.push(importOf(target, random.chance(0.25), random));
    }
  }
}

/** A few import cycles of 2–5 files: follow a file's importers upward and import the last one back. */
function addCycles(files: CodeFile[], importer: readonly (number | undefined)[], random: Random): void {
  const count = Math.max(1, Math.round(files.length / cycleEvery));
  for (let made = 0; made < count; made += 1) {
    const start = random.int(0, files.length - 1);
    let top = importer[start];
    for (let step = random.int(1, 4); step > 1 && top !== undefined && importer[top] !== undefined; step -= 1) top = importer[top];
    const from = files[start];
    const to = top === undefined ? undefined : files[top];
    if (!from || !to || from.imports.some((edge) => edge.target === to.index)) continue;
    from.imports.push(importOf(to, false, random));
  }
}

/** Roots are live files nobody imports; a module without one exports its first file instead. */
function markRoots(files: CodeFile[], importer: readonly (number | undefined)[], moduleCount: number): void {
  for (const file of files) file.root = !file.orphan && importer[file.index] === undefined;
  for (let module = 0; module < moduleCount; module += 1) {
    const members = files.filter((file) => file.module === module);
    const first = members[0];
    if (first && !members.some((file) => file.root)) {
      first.root = true;
      first.orphan = false;
    }
  }
}

export function moduleName(module: number): string {
  return `module-${String(module).padStart(2, '0')}`;
}

export function pad(index: number): string {
  return String(index).padStart(5, '0');
}
