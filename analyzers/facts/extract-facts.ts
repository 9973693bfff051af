import type { ts as TS } from 'ts-morph';
import { typescript } from './typescript.js';
import { countLines } from '../languages/count-lines.js';
import { languageOf } from '../languages/language-table.js';
import type { FileFacts, ImportFact, NamespaceUse, ParseError } from './file-facts.js';
import { documentNeedsJsx, documentScript, isHtmlDocument, isScriptDocument } from './document-scripts.js';
import { readModuleSyntax } from './module-syntax.js';
import { scriptKindOf } from './script-kind.js';
import { walkSource } from './walk-source.js';

const ts = typescript();

/** Only the first parse error is kept: later ones are mostly the parser recovering from it. */
const maxParseErrors = 1;

/**
 * Parses one file with the TypeScript parser (syntax only: no type checker, no JSDoc parsing) and
 * returns what the code analyses need to know about it.
 */
export function extractFacts(path: string, text: string): FileFacts {
  const document = isScriptDocument(path);
  const scriptKind = document ? (documentNeedsJsx(path, text) ? ts.ScriptKind.TSX : ts.ScriptKind.TS) : (scriptKindOf(path) ?? ts.ScriptKind.TS);
  const file = ts.createSourceFile(
    path,
    document ? documentScript(path, text) : text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    true,
    scriptKind,
  );
  const syntax = readModuleSyntax(file);
  const importedNames = new Set<string>();
  const namespaceNames = new Set<string>();
  for (const binding of syntax.imports.flatMap((fact) => fact.bindings)) {
    importedNames.add(binding.local);
    if (binding.imported === '*') namespaceNames.add(binding.local);
  }
  const enums = new Map(syntax.exports.flatMap((fact) => (fact.members ? [[fact.local ?? fact.name, fact.members] as const] : [])));
  const walk = walkSource(file, { importedNames, namespaceNames, enumNames: new Set(enums.keys()) });
  for (const use of walk.enumMemberUses) {
    for (const member of enums.get(use.namespace) ?? []) if (use.member === null || use.member === member.name) member.usedInFile = true;
  }
  return {
    imports: [...syntax.imports, ...walk.importTypes, ...referenceDirectivesOf(file)],
    reExports: syntax.reExports,
    exports: [...syntax.exports, ...walk.commonJsExports],
    dynamicImports: walk.dynamicImports,
    pathStrings: walk.pathStrings,
    importedNameUses: walk.importedNameUses,
    namespaceUses: document && !isHtmlDocument(path) ? [...walk.namespaceUses, ...markupNamespaceUses(syntax.imports)] : walk.namespaceUses,
    functions: walk.functions.sort((a, b) => a.line - b.line || a.column - b.column),
    codeLines: codeLinesOf(path, text),
    halstead: walk.halstead,
    parseErrors: parseErrorsOf(file),
  };
}

/**
 * The markup of an MDX page or a component (`<T.Result />`, `{T.label}`) is not parsed, so every
 * namespace its script imports escapes: any member may be read there.
 */
function markupNamespaceUses(imports: readonly ImportFact[]): NamespaceUse[] {
  return imports.flatMap(({ line, bindings }) => bindings.filter(({ imported }) => imported === '*').map(({ local }) => ({ namespace: local, member: null, line })));
}

function codeLinesOf(path: string, text: string): number {
  const language = languageOf(path) ?? languageOf('file.ts');
  return language ? countLines(text, language.syntax).code : 0;
}

/**
 * `/// <reference types="vite/client" />` loads a package's types and `/// <reference path="./x.d.ts" />`
 * a file: both read like type-only side-effect imports.
 */
function referenceDirectivesOf(file: TS.SourceFile): ImportFact[] {
  const types = file.typeReferenceDirectives.map(({ fileName, pos }) => ({ specifier: fileName, pos }));
  const paths = file.referencedFiles.map(({ fileName, pos }) => ({ specifier: fileName.startsWith('.') ? fileName : `./${fileName}`, pos }));
  return [...types, ...paths].map(({ specifier, pos }) => ({
    specifier,
    line: file.getLineAndCharacterOfPosition(pos).line + 1,
    form: 'side-effect',
    typeOnly: true,
    bindings: [],
  }));
}

function parseErrorsOf(file: TS.SourceFile): ParseError[] {
  // The parser's own diagnostics are not part of the public typings, but are how tsc reports syntax errors.
  const diagnostics = (file as TS.SourceFile & { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.slice(0, maxParseErrors).map((diagnostic) => ({
    line: file.getLineAndCharacterOfPosition(diagnostic.start).line + 1,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
  }));
}
