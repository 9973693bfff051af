import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FunctionDeclaration, Node, Project, type SourceFile, SyntaxKind } from 'ts-morph';
import { groupBy } from '../../../analyzers/collections/group-by.js';
import { replacementName } from '../../../analyzers/drafts/replacement-name.js';
import type { CodeReport } from '../../api/code.js';
import type { DraftUnit } from '../../api/drafts.js';
import type { DraftKindModule } from '../draft-kind.js';

type DeprecatedUse = CodeReport['deprecatedUses'][number];

/**
 * Deprecation migrations: where a `@deprecated` message names a replacement that is a plain rename —
 * a function exported beside it with the same type parameters, parameters and return type — every
 * use in a file is renamed (the import and the calls), with ts-morph. Every other use is a manual
 * step of the plan, with the deprecation's own words.
 */
export const deprecationRenames: DraftKindModule = {
  kind: 'deprecations',
  analyses: ['code'],

  async plan(context) {
    const report = context.base.reports.code as CodeReport | undefined;
    if (!report) return [];
    const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
    const chosen = context.items.flatMap((item) => {
      const use = report.deprecatedUses.find((candidate) => candidate.path === item.path && candidate.line === item.line && item.symbol?.replace(/ #\d+$/, '') === candidate.symbol);
      if (!use) context.warn(`${item.title}: not found by the scan of the base commit; left out`);
      return use ? [{ use, fingerprint: item.fingerprint }] : [];
    });
    const units: DraftUnit[] = [];
    for (const uses of groupBy(chosen, ({ use }) => `${use.path}\0${use.symbol}\0${use.declaredIn}`).values()) {
      const { use } = uses[0]!;
      const replacement = replacementName(use.message);
      const why = replacement ? plainRename(project, context.folder, use, replacement) : `its deprecation names no replacement plainly ("${use.message || 'no message'}")`;
      if (why !== null) {
        for (const { use: each } of uses) context.manual({ path: each.path, line: each.line, step: `Replace ${each.symbol} (deprecated in ${each.declaredIn}): ${why}` });
        continue;
      }
      units.push({
        label: `${use.symbol} → ${replacement} in ${use.path}`,
        versions: [],
        removals: [],
        renames: [{ path: use.path, from: use.symbol, to: replacement!, lines: uses.map(({ use: each }) => each.line) }],
        together: null,
        fixedBy: `${use.declaredIn} deprecates ${use.symbol}: "${use.message}"`,
        fingerprints: uses.map(({ fingerprint }) => fingerprint),
      });
    }
    return units.length === 0 ? [] : [{ title: 'Replace deprecated APIs', units }];
  },

  async apply(context, units) {
    const project = new Project({ useInMemoryFileSystem: false, skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, compilerOptions: { allowJs: true } });
    const changed = new Set<string>();
    for (const rename of units.flatMap((unit) => unit.renames)) {
      const file = project.getSourceFile(join(context.folder, rename.path)) ?? project.addSourceFileAtPath(join(context.folder, rename.path));
      if (renameImported(file, rename.from, rename.to)) changed.add(rename.path);
      else context.warn(`${rename.path} no longer imports ${rename.from} by name; left as it is`);
    }
    await project.save();
    return [...changed];
  },

  message(group) {
    return [group.title, '', ...group.units.flatMap((unit) => unit.renames.map((rename) => `- ${rename.path}: ${rename.from} → ${rename.to} (line${rename.lines.length === 1 ? '' : 's'} ${rename.lines.join(', ')})`))].join('\n');
  },

  async explain() {
    return { impact: [], callSites: 0, coveredPercent: null, releaseNotes: [], upgrades: [], sideEffects: [] };
  },
};

/**
 * Null when `replacement` is a plain rename of the deprecated function: both exported by the module
 * that declares it (a file of the repository, or the installed package's type declarations), with
 * the same type parameters, parameters and return type; else why not, in words.
 */
function plainRename(project: Project, folder: string, use: DeprecatedUse, replacement: string): string | null {
  const file = declarationsOf(project, folder, use.declaredIn);
  if (!file) return `${use.declaredIn}'s declarations could not be read to compare ${use.symbol} with ${replacement}`;
  const [old, next] = [functionNamed(file, use.symbol), functionNamed(file, replacement)];
  if (!next) return `${replacement} is not a function ${use.declaredIn} exports beside it`;
  if (!old) return `${use.symbol} is not a plain function, so its signature cannot be compared with ${replacement}'s`;
  const [a, b] = [signatureOf(old, false), signatureOf(next, false)];
  return a === b ? null : `${replacement} has another signature (${signatureOf(next, true)}, not ${signatureOf(old, true)}): the calls need a person`;
}

function declarationsOf(project: Project, folder: string, declaredIn: string): SourceFile | undefined {
  const local = join(folder, declaredIn);
  if (existsSync(local)) return project.getSourceFile(local) ?? project.addSourceFileAtPath(local);
  // A package: its type declarations as installed in the worktree.
  const manifestPath = join(folder, 'node_modules', declaredIn, 'package.json');
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { types?: string; typings?: string };
  const types = join(folder, 'node_modules', declaredIn, manifest.types ?? manifest.typings ?? 'index.d.ts');
  return existsSync(types) ? (project.getSourceFile(types) ?? project.addSourceFileAtPath(types)) : undefined;
}

function functionNamed(file: SourceFile, name: string): FunctionDeclaration | undefined {
  const found = file.getFunctions().filter((declaration) => declaration.getName() === name && declaration.isExported());
  return found.length === 1 ? found[0] : found.find((declaration) => !declaration.hasBody()) ?? found[0];
}

/** Type parameters, parameters (with optional and rest marks) and return type, as written; parameter names only to show it (they do not change a call). */
function signatureOf(declaration: FunctionDeclaration, named: boolean): string {
  const types = declaration.getTypeParameters().map((parameter) => parameter.getText());
  const parameters = declaration.getParameters().map((parameter) => `${parameter.isRestParameter() ? '...' : ''}${named ? parameter.getName() : ''}${parameter.hasQuestionToken() || parameter.hasInitializer() ? '?' : ''}: ${parameter.getTypeNode()?.getText() ?? 'any'}`);
  return `${types.length > 0 ? `<${types.join(', ')}>` : ''}(${parameters.join(', ')}) => ${declaration.getReturnTypeNode()?.getText() ?? 'inferred'}`;
}

/** Imports `to` in place of `from` and renames the file's uses of `from`; false when the file does not import `from` by name. */
function renameImported(file: SourceFile, from: string, to: string): boolean {
  const named = file.getImportDeclarations().flatMap((declaration) => declaration.getNamedImports()).find((candidate) => candidate.getName() === from);
  if (!named) return false;
  const aliased = named.getAliasNode() !== undefined;
  const alreadyImported = named.getImportDeclaration().getNamedImports().some((candidate) => candidate.getName() === to && candidate.getAliasNode() === undefined);
  if (alreadyImported && !aliased) named.remove();
  else named.setName(to);
  if (aliased) return true;
  // Uses of the local name: identifiers outside imports that are not a property's name.
  for (;;) {
    const next = file
      .getDescendantsOfKind(SyntaxKind.Identifier)
      .find((identifier) => identifier.getText() === from && !identifier.getFirstAncestorByKind(SyntaxKind.ImportDeclaration) && !isMemberName(identifier));
    if (!next) return true;
    next.replaceWithText(to);
  }
}

function isMemberName(identifier: Node): boolean {
  const parent = identifier.getParent();
  return (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === identifier) || (Node.isPropertyAssignment(parent) && parent.getNameNode() === identifier);
}
