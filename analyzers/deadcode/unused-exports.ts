import type { ExportFact, FileFacts } from '../facts/file-facts.js';
import type { ResolveModule } from '../resolve/module-resolver.js';
import type { UnjudgedFinding } from './dead-code.js';
import { type UsedExports, allExports, declarationOf, demandExports } from './export-demand.js';

interface UnusedExportsInput {
  facts: ReadonlyMap<string, FileFacts>;
  resolve: ResolveModule;
  /** Files in use: reachable or possibly loaded. */
  live: ReadonlySet<string>;
  /** Files whose every export counts as used (entries, files a non-literal import may load). */
  wholeModules: ReadonlySet<string>;
  importers: ReadonlyMap<string, readonly string[]>;
  workspaceOf(path: string): string;
}

/**
 * Exports, exported types and enum members of files in use that no file in use asks for. An import
 * counts as a use whether or not the importer then calls it (as with knip); a namespace import asks
 * for the members it reads, or for everything once the namespace escapes.
 */
export function findUnusedExports(input: UnusedExportsInput): UnjudgedFinding[] {
  const { facts, resolve, live, wholeModules } = input;
  const used = demandExports(facts, resolve, seedsOf(input));
  const enumUses = usedEnumMembers(input, used);
  const findings: UnjudgedFinding[] = [];
  for (const path of live) {
    const file = facts.get(path)!;
    const names = used.get(path);
    if (wholeModules.has(path) || names?.has(allExports)) continue;
    const importers = (input.importers.get(path) ?? []).filter((importer) => live.has(importer));
    const reported = new Set<string>();
    for (const fact of file.exports) {
      if (fact.tags.public || reported.has(fact.name)) continue;
      if (!names?.has(fact.name)) {
        reported.add(fact.name);
        findings.push(unusedExport(path, fact, importers, input.workspaceOf(path)));
      } else if (fact.members) {
        const members = enumUses.get(`${path}\0${fact.name}`);
        if (members?.has(allExports)) continue;
        for (const member of fact.members) {
          if (member.usedInFile || members?.has(member.name)) continue;
          findings.push({
            kind: 'enum-member',
            path,
            line: member.line,
            name: `${fact.name}.${member.name}`,
            workspace: input.workspaceOf(path),
            reason: `\`${fact.name}\` is used, but no file reads its member \`${member.name}\``,
            importers,
          });
        }
      }
    }
  }
  return findings;
}

/** What each file in use asks of the files it imports. */
function* seedsOf({ facts, resolve, live, wholeModules }: UnusedExportsInput): Generator<{ path: string; name: string }> {
  for (const path of wholeModules) if (facts.has(path)) yield { path, name: allExports };
  for (const path of live) {
    const file = facts.get(path)!;
    const fileOf = (specifier: string): string | undefined => {
      const target = resolve(specifier, path);
      return target.kind === 'file' && facts.has(target.path) ? target.path : undefined;
    };
    for (const fact of file.imports) {
      const target = fileOf(fact.specifier);
      if (target === undefined) continue;
      for (const binding of fact.bindings) {
        if (binding.imported !== allExports) {
          yield { path: target, name: binding.imported };
          continue;
        }
        for (const use of file.namespaceUses) {
          if (use.namespace === binding.local) yield { path: target, name: use.member ?? allExports };
        }
      }
    }
    for (const fact of file.dynamicImports) {
      const target = fact.specifier === null ? undefined : fileOf(fact.specifier);
      if (target !== undefined) yield { path: target, name: allExports };
    }
  }
}

/** Enum members read through imports, by `declaring file\0enum`; `*` where the enum is used whole. */
function usedEnumMembers({ facts, resolve, live }: UnusedExportsInput, used: UsedExports): Map<string, Set<string>> {
  const members = new Map<string, Set<string>>();
  const add = (key: string, member: string): void => {
    const set = members.get(key);
    if (set) set.add(member);
    else members.set(key, new Set([member]));
  };
  const enumNames = namesThatMayBeEnums(facts);
  if (enumNames.size === 0) return members;
  for (const path of live) {
    const file = facts.get(path)!;
    for (const fact of file.imports) {
      const target = resolve(fact.specifier, path);
      if (target.kind !== 'file') continue;
      for (const binding of fact.bindings) {
        if (binding.imported !== allExports && !enumNames.has(binding.imported)) continue;
        const declaration = binding.imported === allExports ? undefined : declarationOf(facts, resolve, target.path, binding.imported);
        if (!declaration) {
          // A namespace import reading an enum (`NS.Color`) uses it whole.
          for (const use of file.namespaceUses) {
            if (use.namespace === binding.local && use.member !== null) add(`${target.path}\0${use.member}`, allExports);
          }
          continue;
        }
        const key = `${declaration.path}\0${declaration.name}`;
        for (const use of file.importedNameUses) if (use.local === binding.local) add(key, use.member ?? allExports);
      }
    }
  }
  // A module taken whole (`import()`, an escaping namespace) may read any member of its enums.
  for (const [path, names] of used) {
    if (!names.has(allExports)) continue;
    for (const fact of facts.get(path)!.exports) if (fact.members) add(`${path}\0${fact.name}`, allExports);
  }
  return members;
}

/** Exported enum names, and every name a named re-export gives (it may rename an enum). */
function namesThatMayBeEnums(facts: ReadonlyMap<string, FileFacts>): Set<string> {
  const names = new Set<string>();
  for (const file of facts.values()) {
    for (const fact of file.exports) if (fact.members) names.add(fact.name);
  }
  if (names.size === 0) return names;
  for (const file of facts.values()) {
    for (const reExport of file.reExports) for (const entry of reExport.names ?? []) names.add(entry.exported);
  }
  return names;
}

function unusedExport(path: string, fact: ExportFact, importers: string[], workspace: string): UnjudgedFinding {
  const what = fact.typeOnly ? 'type' : 'export';
  const reason =
    importers.length === 0
      ? `exported, but no file in use imports ${path}`
      : importers.length === 1
        ? `exported, but ${importers[0]}, the one file in use importing ${path}, does not ask for \`${fact.name}\``
        : `exported, but none of the ${importers.length} files in use importing ${path} asks for \`${fact.name}\``;
  return { kind: what, path, line: fact.line, name: fact.name, workspace, reason, importers };
}
