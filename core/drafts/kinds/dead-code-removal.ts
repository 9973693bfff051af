import { readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import { type Identifier, Node, Project, type SourceFile, SyntaxKind } from 'ts-morph';
import { groupBy } from '../../../analyzers/collections/group-by.js';
import type { DeadCodeFindingReport, DeadCodeReport } from '../../api/dead-code.js';
import { type DraftUnit, type Removal, describeRemoval } from '../../api/drafts.js';
import type { FoundItem } from '../../api/inventory.js';
import { grepCommit } from '../../git/grep-commit.js';
import type { DraftContext, DraftKindModule } from '../draft-kind.js';

/** Test files are never deleted, even when nothing imports them: a runner finds them by pattern. */
const testFile = /(^|\/)(__tests__|__mocks__|test|tests|spec|e2e)\/|\.(test|spec|e2e|bench)\.[cm]?[jt]sx?$/;

const itemKindOf: Partial<Record<DeadCodeFindingReport['kind'], FoundItem['kind']>> = {
  file: 'unused-file',
  export: 'unused-export',
  type: 'unused-type',
  dependency: 'unused-dependency',
  'dev-dependency': 'unused-dependency',
};

/**
 * Dead-code removal: high-confidence items (and medium ones a person picks by fingerprint); unused files deleted (never a test file, never a
 * file another file names by path), unused exports removed with their declaration when nothing else
 * in the file uses it (else only the `export` keyword), unused dependencies taken out of package.json;
 * edits with ts-morph, the rest of each file as it was. What becomes unused by that is found by the
 * re-scan and removed in a follow-up commit.
 */
export const deadCodeRemoval: DraftKindModule = {
  kind: 'deadcode',
  analyses: ['code', 'deadCode'],
  followsUp: true,

  async plan(context) {
    const report = context.base.reports.deadCode as DeadCodeReport | undefined;
    if (!report) return [];
    const units: DraftUnit[] = [];
    const deleted = new Set<string>();
    const chosen = context.items.flatMap((item) => {
      const finding = report.findings.find((candidate) => itemKindOf[candidate.kind] === item.kind && candidate.path === item.path && (candidate.kind === 'file' || candidate.name === item.symbol));
      if (!finding) {
        context.warn(`${item.title}: not found by the scan of the base commit; left out`);
        return [];
      }
      // Only what is certain, unless a person picked the item knowing it is not.
      if (item.confidence === 'low' || (item.confidence === 'medium' && !context.request.items)) {
        context.warn(`${item.title}: ${item.confidence} confidence (${item.confidenceReason}); a dead-code draft removes only what is certain, or a medium-confidence item a person picks`);
        return [];
      }
      if (item.confidence === 'medium') context.warn(`${item.title}: removed because it was picked, at medium confidence (${item.confidenceReason})`);
      return [{ item, finding }];
    });
    const files = chosen.filter(({ finding }) => finding.kind === 'file');
    const named = await namedByPath(context, files.map(({ finding }) => finding.path));
    for (const { item, finding } of files) {
      if (testFile.test(finding.path)) context.warn(`${finding.path} is a test file: a test runner finds it by its name, so it is never deleted`);
      else if (named.has(finding.path)) context.warn(`${finding.path} is named by path in ${named.get(finding.path)}: left in place`);
      else {
        deleted.add(finding.path);
        units.push({ label: `delete ${finding.path}`, versions: [], removals: [{ action: 'delete-file', path: finding.path, symbol: null, line: null }], renames: [], together: null, fixedBy: null, fingerprints: [item.fingerprint] });
      }
    }
    for (const { item, finding } of chosen) {
      if (finding.kind === 'file' || deleted.has(finding.path)) continue;
      const dependency = finding.kind === 'dependency' || finding.kind === 'dev-dependency';
      units.push({
        label: dependency ? `remove ${finding.name} from ${finding.path}` : `remove the export ${finding.name} from ${finding.path}`,
        versions: [],
        removals: [{ action: dependency ? 'remove-dependency' : 'remove-declaration', path: finding.path, symbol: dependency ? `${finding.kind === 'dependency' ? 'dependencies' : 'devDependencies'}:${finding.name}` : finding.name, line: finding.line }],
        renames: [],
        together: null,
        fixedBy: null,
        fingerprints: [item.fingerprint],
      });
    }
    return units.length === 0 ? [] : [{ title: 'Remove unused code', units }];
  },

  async apply(context, units) {
    const removals = units.flatMap((unit) => unit.removals);
    const changed = new Set<string>();
    const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
    for (const removal of removals) {
      if (removal.action === 'delete-file') {
        await rm(join(context.folder, removal.path), { force: true });
        changed.add(removal.path);
      } else if (removal.action === 'remove-dependency') {
        await removeDependency(join(context.folder, removal.path), removal.symbol!);
        changed.add(removal.path);
      }
    }
    const byFile = groupBy(removals.filter((removal) => removal.action === 'remove-declaration' || removal.action === 'remove-export-keyword'), (removal) => removal.path);
    for (const [path, inFile] of byFile) {
      const file = project.addSourceFileAtPath(join(context.folder, path));
      const usedBefore = importedNamesInUse(file);
      for (const removal of inFile) {
        const done = removeExport(file, removal.symbol!);
        if (done) removal.action = done;
        else context.warn(`${removal.symbol} is not declared in ${path} as the scan saw it; left as it is`);
      }
      removeImportsNoLongerUsed(file, usedBefore);
      await file.save();
      changed.add(path);
    }
    return [...changed];
  },

  message(group) {
    return [group.title, '', ...group.units.flatMap((unit) => unit.removals.map((removal) => `- ${describeRemoval(removal)}`))].join('\n');
  },

  async explain() {
    return { impact: [], callSites: 0, coveredPercent: null, releaseNotes: [], upgrades: [], sideEffects: [] };
  },
};

/** Files another file of the commit names by path (a script, a config, a document): which names each. */
async function namedByPath(context: DraftContext, paths: readonly string[]): Promise<Map<string, string>> {
  const needles = new Map<string, string>();
  for (const path of paths) {
    needles.set(path, path);
    needles.set(path.replace(/\.[cm]?[jt]sx?$/, ''), path);
    needles.set(basename(path), path);
  }
  const hits = await grepCommit(context.folder, context.baseCommit, [...needles.keys()], { signal: context.signal });
  const named = new Map<string, string>();
  for (const hit of hits) {
    for (const [needle, path] of needles) {
      if (hit.path !== path && hit.text.includes(needle) && !named.has(path)) named.set(path, `${hit.path}:${hit.line}`);
    }
  }
  return named;
}

async function removeDependency(file: string, symbol: string): Promise<void> {
  const [field, name] = symbol.split(':') as [string, string];
  const text = await readFile(file, 'utf8');
  await writeFile(file, applyEdits(text, modify(text, [field, name], undefined, {})));
}

/**
 * Removes an export of the file: the declaration when nothing else in the file uses it, else only
 * its `export` keyword. Returns the removal as done, or undefined when the export was not found as a
 * declaration of this file (left as it is).
 */
function removeExport(file: SourceFile, name: string): Removal['action'] | undefined {
  const specifier = file.getExportDeclarations().flatMap((declaration) => (declaration.getModuleSpecifier() ? [] : declaration.getNamedExports())).find((named) => (named.getAliasNode() ?? named.getNameNode()).getText() === name);
  if (specifier) {
    const local = specifier.getNameNode().getText();
    const declaration = specifier.getParentOrThrow().getParentOrThrow();
    specifier.remove();
    if (Node.isExportDeclaration(declaration) && declaration.getNamedExports().length === 0) declaration.remove();
    const target = localDeclaration(file, local);
    if (target && otherUses(file, local, target) === 0) {
      removeStatementOf(target);
      return 'remove-declaration';
    }
    return 'remove-export-keyword';
  }
  const declaration = name === 'default' ? file.getDefaultExportSymbol()?.getDeclarations()[0] : localDeclaration(file, name, true);
  if (!declaration) return undefined;
  if (Node.isExportAssignment(declaration)) {
    declaration.remove();
    return 'remove-declaration';
  }
  if (otherUses(file, name, declaration) > 0) {
    const statement = Node.isVariableDeclaration(declaration) ? declaration.getVariableStatementOrThrow() : declaration;
    if (Node.isExportable(statement)) statement.setIsExported(false);
    return 'remove-export-keyword';
  }
  removeStatementOf(declaration);
  return 'remove-declaration';
}

/** The top-level declaration of a name in the file (exported ones only, when asked). */
function localDeclaration(file: SourceFile, name: string, exportedOnly = false): Node | undefined {
  const candidates: Node[] = [...file.getFunctions(), ...file.getClasses(), ...file.getInterfaces(), ...file.getTypeAliases(), ...file.getEnums(), ...file.getVariableDeclarations()];
  return candidates.find((node) => {
    if (!Node.hasName(node) || node.getName() !== name) return false;
    const statement = Node.isVariableDeclaration(node) ? node.getVariableStatementOrThrow() : node;
    return !exportedOnly || (Node.isExportable(statement) && statement.isExported());
  });
}

/** Identifiers of the name in the file, besides the declaration's own name (a shadowing local counts too: when in doubt, keep). */
function otherUses(file: SourceFile, name: string, declaration: Node): number {
  const own = Node.hasName(declaration) ? (declaration as Node & { getNameNode(): Node }).getNameNode() : undefined;
  return file.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getText() === name && identifier !== own && !isInside(identifier, declaration)).length;
}

function isInside(node: Node, container: Node): boolean {
  return node.getPos() >= container.getPos() && node.getEnd() <= container.getEnd();
}

/**
 * Removes a declaration's statement with the comments right above it (they describe it), its line
 * break, and one of the blank lines that then meet; a declaration sharing its statement with others
 * (`const a = 1, b = 2`) goes alone.
 */
function removeStatementOf(declaration: Node): void {
  const statement = Node.isVariableDeclaration(declaration) ? declaration.getVariableStatementOrThrow() : declaration;
  if (Node.isVariableDeclaration(declaration) && declaration.getVariableStatementOrThrow().getDeclarations().length > 1) return void declaration.remove();
  const file = statement.getSourceFile();
  const text = file.getFullText();
  let start = statement.getStart(true);
  for (const comment of [...statement.getLeadingCommentRanges()].reverse()) {
    if (!/^[ \t]*\r?\n?[ \t]*$/.test(text.slice(comment.getEnd(), start))) break;
    start = comment.getPos();
  }
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = statement.getEnd();
  if (text.startsWith('\r\n', end)) end += 2;
  else if (text[end] === '\n') end++;
  if (text.slice(Math.max(0, start - 2), start) === '\n\n' && text[end] === '\n') end++;
  file.removeText(start, end);
}

/** Local names of imports that the file uses (besides in the import itself). */
function importedNamesInUse(file: SourceFile): Set<string> {
  const used = new Set<string>();
  for (const identifier of importedIdentifiers(file)) if (usesOutsideImports(file, identifier.getText()) > 0) used.add(identifier.getText());
  return used;
}

/** Imports that were used before the edit and are not after it go too (they imported for what was removed). */
function removeImportsNoLongerUsed(file: SourceFile, usedBefore: ReadonlySet<string>): void {
  for (const declaration of file.getImportDeclarations()) {
    for (const named of declaration.getNamedImports()) {
      const local = (named.getAliasNode() ?? named.getNameNode()).getText();
      if (usedBefore.has(local) && usesOutsideImports(file, local) === 0) named.remove();
    }
    const defaultImport = declaration.getDefaultImport();
    if (defaultImport && usedBefore.has(defaultImport.getText()) && usesOutsideImports(file, defaultImport.getText()) === 0) declaration.removeDefaultImport();
    const namespace = declaration.getNamespaceImport();
    if (namespace && usedBefore.has(namespace.getText()) && usesOutsideImports(file, namespace.getText()) === 0) declaration.removeNamespaceImport();
    if (!declaration.getDefaultImport() && !declaration.getNamespaceImport() && declaration.getNamedImports().length === 0 && declaration.getImportClause()) declaration.remove();
  }
}

function importedIdentifiers(file: SourceFile): Identifier[] {
  return file.getImportDeclarations().flatMap((declaration) => [
    ...declaration.getNamedImports().map((named) => named.getAliasNode() ?? named.getNameNode()),
    ...[declaration.getDefaultImport(), declaration.getNamespaceImport()].filter((node): node is Identifier => node !== undefined),
  ]).filter((node): node is Identifier => Node.isIdentifier(node));
}

function usesOutsideImports(file: SourceFile, name: string): number {
  return file.getDescendantsOfKind(SyntaxKind.Identifier).filter((identifier) => identifier.getText() === name && !identifier.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)).length;
}
