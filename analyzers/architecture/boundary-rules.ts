import type { ImportEdge } from './import-graph.js';
import { compileGlob } from '../patterns/glob.js';

/** "Files matching `from` may not import anything matching `disallow` (unless it matches `allow`)". */
export interface BoundaryRule {
  /** Globs of importing files, repository-relative. */
  from: string[];
  /** Globs of imported files, or package names (`electron`, `node:*` for Node built-ins). */
  disallow: string[];
  allow?: string[];
  /** Shown with each violation; defaults to a description of the rule. */
  message?: string;
}

export interface BoundaryViolation {
  path: string;
  line: number;
  specifier: string;
  /** The imported file, package (`electron`) or built-in (`node:fs`). */
  target: string;
  rule: string;
}

/** Imports that cross a forbidden boundary, type-only ones included: a type import still couples the layers. */
export function findBoundaryViolations(edges: readonly ImportEdge[], rules: readonly BoundaryRule[]): BoundaryViolation[] {
  const compiled = rules.map((rule) => ({
    from: compileGlob(rule.from, { dot: true }),
    disallow: compileGlob(rule.disallow, { dot: true }),
    allow: rule.allow ? compileGlob(rule.allow, { dot: true }) : () => false,
    description: rule.message ?? `${rule.from.join(', ')} may not import ${rule.disallow.join(', ')}`,
  }));
  const violations: BoundaryViolation[] = [];
  for (const edge of edges) {
    const target = targetName(edge);
    if (target === null) continue;
    const rule = compiled.find((candidate) => candidate.from(edge.from) && candidate.disallow(target) && !candidate.allow(target));
    if (rule) violations.push({ path: edge.from, line: edge.line, specifier: edge.specifier, target, rule: rule.description });
  }
  return violations.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

function targetName(edge: ImportEdge): string | null {
  switch (edge.target.kind) {
    case 'file':
      return edge.target.path;
    case 'package':
      return edge.target.name;
    case 'builtin':
      return `node:${edge.target.name}`;
    default:
      return null;
  }
}
