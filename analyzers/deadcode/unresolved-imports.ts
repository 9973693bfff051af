import type { ImportEdge } from '../architecture/import-graph.js';
import { dirname, joinPath } from '../discover/repo-paths.js';
import { sourceCandidates } from '../resolve/build-output.js';
import type { UnjudgedFinding } from './dead-code.js';
import { type PathAlias, pathAliasMatcher } from './path-aliases.js';

interface UnresolvedImportsInput {
  edges: readonly ImportEdge[];
  live: ReadonlySet<string>;
  /** Every tracked file and symbolic link, so that `./logo.svg`, `./data.json` or a link counts as found. */
  trackedPaths: ReadonlySet<string>;
  pathAliases: readonly PathAlias[];
  workspaceOf(path: string): string;
}

/**
 * Relative and aliased imports of files in use that lead nowhere: a moved or deleted file, a typo.
 * Bare package names are the dependency check's business (unlisted), not this one's. An asset a
 * bundler loads (`./styles.css?inline`) counts as found when the file is tracked.
 */
export function findUnresolvedImports({ edges, live, trackedPaths, pathAliases, workspaceOf }: UnresolvedImportsInput): UnjudgedFinding[] {
  const isAlias = pathAliasMatcher(pathAliases);
  const findings: UnjudgedFinding[] = [];
  for (const edge of edges) {
    if (!live.has(edge.from) || edge.target.kind === 'file' || edge.target.kind === 'builtin') continue;
    const reason = unresolvedReason(edge, trackedPaths, isAlias);
    if (reason === null) continue;
    findings.push({
      kind: 'unresolved-import',
      path: edge.from,
      line: edge.line,
      name: edge.specifier,
      workspace: workspaceOf(edge.from),
      reason,
      importers: [],
    });
  }
  return findings;
}

function unresolvedReason(edge: ImportEdge, trackedPaths: ReadonlySet<string>, isAlias: (specifier: string, fromPath: string) => boolean): string | null {
  const { specifier } = edge;
  // A file URL usually names what a bundler emits (`./worker.js` next to the built main file).
  if (edge.kind === 'url') return null;
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const asset = joinPath(dirname(edge.from), specifier.replace(/[?#].*$/, ''));
    return sourceCandidates(asset).some((path) => trackedPaths.has(path)) ? null : `\`${specifier}\` leads to no file in the repository`;
  }
  // The resolver answers "unresolved" for a bare name only when it names a workspace package.
  if (edge.target.kind === 'unresolved') return `\`${specifier}\` names a workspace package, but none of its source files`;
  // An aliased asset (`@/assets/logo.svg`) is a bundler's business: only code specifiers are checked.
  if (isAlias(specifier, edge.from) && !/\.(?!(?:[cm]?[jt]sx?)$)[a-z0-9]+$/i.test(specifier)) return `\`${specifier}\` matches a tsconfig \`paths\` alias, but no file`;
  return null;
}
