import type { ts as TS } from 'ts-morph';
import { typescript } from './typescript.js';
import { docTagsBefore } from './doc-tags.js';
import type { DocTags, EnumMemberFact, ExportFact, ExportKind, ImportFact, ReExportFact } from './file-facts.js';

const ts = typescript();

interface ModuleSyntax {
  imports: ImportFact[];
  reExports: ReExportFact[];
  exports: ExportFact[];
}

/** Imports, exports and re-exports declared by a file's top-level statements. */
export function readModuleSyntax(file: TS.SourceFile): ModuleSyntax {
  const syntax: ModuleSyntax = { imports: [], reExports: [], exports: [] };
  const line = (node: TS.Node): number => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const tagsOf = (node: TS.Node): DocTags => docTagsBefore(file.text, ts.getLeadingCommentRanges(file.text, node.pos));
  /** Doc tags of top-level declarations by name, for `export { name }` lists. */
  const declared = new Map<string, { kind: ExportKind; typeOnly: boolean; tags: DocTags; members?: EnumMemberFact[] }>();
  const localExports: { name: string; local: string; line: number; typeOnly: boolean }[] = [];

  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) syntax.imports.push(importFact(statement, line(statement)));
    else if (ts.isImportEqualsDeclaration(statement)) {
      const reference = statement.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteralLike(reference.expression)) {
        syntax.imports.push({
          specifier: reference.expression.text,
          line: line(statement),
          form: 'import-equals',
          typeOnly: statement.isTypeOnly,
          bindings: [{ imported: '*', local: statement.name.text, typeOnly: statement.isTypeOnly }],
        });
      }
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier)) {
        syntax.reExports.push(reExportFact(statement, statement.moduleSpecifier.text, line(statement)));
      } else if (statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) {
          localExports.push({
            name: element.name.text,
            local: (element.propertyName ?? element.name).text,
            line: line(element),
            typeOnly: statement.isTypeOnly || element.isTypeOnly,
          });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      syntax.exports.push({
        name: statement.isExportEquals ? '=' : 'default',
        kind: statement.isExportEquals ? 'assignment' : 'value',
        line: line(statement),
        typeOnly: false,
        tags: tagsOf(statement),
        ...(ts.isIdentifier(statement.expression) ? { local: statement.expression.text } : {}),
      });
    } else {
      const declaration = declarationOf(statement);
      if (!declaration) continue;
      const tags = tagsOf(statement);
      const members = ts.isEnumDeclaration(statement) ? { members: enumMembers(statement, line) } : {};
      for (const name of declaration.names) declared.set(name, { kind: declaration.kind, typeOnly: declaration.typeOnly, tags, ...members });
      const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
      if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
      const isDefault = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
      const names = isDefault ? ['default'] : declaration.names;
      for (const name of names) syntax.exports.push({ name, kind: declaration.kind, line: line(statement), typeOnly: declaration.typeOnly, tags, ...members });
    }
  }

  for (const entry of localExports) {
    const declaration = declared.get(entry.local);
    syntax.exports.push({
      name: entry.name,
      kind: declaration?.kind ?? 'value',
      line: entry.line,
      typeOnly: entry.typeOnly || declaration?.typeOnly === true,
      tags: declaration?.tags ?? {},
      local: entry.local,
      ...(declaration?.members ? { members: declaration.members } : {}),
    });
  }
  return syntax;
}

function importFact(statement: TS.ImportDeclaration, line: number): ImportFact {
  const specifier = ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : '';
  const clause = statement.importClause;
  if (!clause) return { specifier, line, form: 'side-effect', typeOnly: false, bindings: [] };
  const typeOnly = clause.isTypeOnly;
  const bindings: ImportFact['bindings'] = [];
  if (clause.name) bindings.push({ imported: 'default', local: clause.name.text, typeOnly });
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) bindings.push({ imported: '*', local: named.name.text, typeOnly });
  else if (named) {
    for (const element of named.elements) {
      bindings.push({ imported: (element.propertyName ?? element.name).text, local: element.name.text, typeOnly: typeOnly || element.isTypeOnly });
    }
  }
  return { specifier, line, form: 'import', typeOnly, bindings };
}

function reExportFact(statement: TS.ExportDeclaration, specifier: string, line: number): ReExportFact {
  const typeOnly = statement.isTypeOnly;
  const clause = statement.exportClause;
  if (!clause) return { specifier, line, typeOnly, form: 'all' };
  if (ts.isNamespaceExport(clause)) return { specifier, line, typeOnly, form: 'namespace', namespace: clause.name.text };
  return {
    specifier,
    line,
    typeOnly,
    form: 'named',
    names: clause.elements.map((element) => ({
      imported: (element.propertyName ?? element.name).text,
      exported: element.name.text,
      typeOnly: typeOnly || element.isTypeOnly,
    })),
  };
}

interface Declaration {
  names: string[];
  kind: ExportKind;
  typeOnly: boolean;
}

function declarationOf(statement: TS.Statement): Declaration | null {
  const named = (kind: ExportKind, name: TS.Identifier | TS.StringLiteral | undefined, typeOnly = false): Declaration | null =>
    name ? { names: [name.text], kind, typeOnly } : { names: ['default'], kind, typeOnly };
  if (ts.isFunctionDeclaration(statement)) return named('function', statement.name);
  if (ts.isClassDeclaration(statement)) return named('class', statement.name);
  if (ts.isInterfaceDeclaration(statement)) return named('interface', statement.name, true);
  if (ts.isTypeAliasDeclaration(statement)) return named('type', statement.name, true);
  if (ts.isEnumDeclaration(statement)) return named('enum', statement.name);
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return named('namespace', statement.name);
  if (ts.isVariableStatement(statement)) {
    const names = statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
    return { names, kind: 'variable', typeOnly: false };
  }
  return null;
}

function bindingNames(name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** An enum's members; whether each is read in the file is filled in by the walk over the code. */
function enumMembers(statement: TS.EnumDeclaration, line: (node: TS.Node) => number): EnumMemberFact[] {
  return statement.members.flatMap((member) =>
    ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? [{ name: member.name.text, line: line(member), usedInFile: false }] : [],
  );
}
