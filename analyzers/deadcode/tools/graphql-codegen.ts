import { isObject } from '../../discover/package-json.js';
import { basename } from '../../discover/repo-paths.js';
import { isGlob } from '../../patterns/glob.js';
import { addPathEntries, configDir, type EntryContext, type WorkspaceInfo } from '../entry-context.js';
import { optionValues, readArgs } from './command-args.js';
import { addReference, type ReferenceTarget } from './config-references.js';
import { addModule } from './run-targets.js';
import { named, namedAfter, stringList, type ToolSpec } from './tool-spec.js';

const codegenConfig = /^(?:codegen(?:\.config)?\.(?:json|ya?ml|[cm]?[jt]s)|\.codegenrc\.(?:json|ya?ml|[cm]?[jt]s))$/;
/** graphql-config's files, which hold a codegen config under `extensions.codegen` (of the file or of one of its `projects`). */
const graphqlConfig = /^(?:\.graphqlrc(?:\.(?:json|ya?ml|[cm]?[jt]s))?|graphql\.config\.(?:json|ya?ml|[cm]?[jt]s))$/;
const codeFile = /\.[cm]?[jt]sx?$/;

/**
 * GraphQL Code Generator (codegen.ts/.yml/.json, .codegenrc.*, package.json `codegen`, or a
 * graphql-config file's `codegen` extension): the plugins and presets each `generates` output names
 * (`typescript` is @graphql-codegen/typescript, `client` @graphql-codegen/client-preset), the modules
 * it `require`s, and the code files its `documents` and `schema` globs name, which it reads.
 */
export const graphqlCodegen: ToolSpec = {
  configFiles: [namedAfter('codegen'), named(/^codegen(?:[.-][\w.-]*)?\.ya?ml$/), named(/^\.codegenrc(?:\.\w+)?$/), named(graphqlConfig)],
  binaries: ['graphql-codegen', 'gql-gen', 'graphql-code-generator', 'graphql-codegen-esm'],
  packages: ['@graphql-codegen/cli'],
  configs: (files, isUsed) => [...files.atRoot(codegenConfig), ...(isUsed ? files.atRoot(graphqlConfig) : [])],
  packageField: 'codegen',
  handle(context, workspace, config) {
    if (!config) return;
    if (!graphqlConfig.test(basename(config.path))) return addCodegenConfig({ context, workspace, dir: config.cwd, label: config.label }, config.value);
    // graphql-config: the codegen extension of the file and of each project, with that project's schema and documents.
    const value = isObject(config.value) ? config.value : {};
    const projects = [value, ...(isObject(value['projects']) ? Object.values(value['projects']) : [])];
    for (const project of projects.filter(isObject)) {
      const codegen = isObject(project['extensions']) ? project['extensions']['codegen'] : undefined;
      if (isObject(codegen)) addCodegenConfig({ context, workspace, dir: configDir(config), label: config.label }, { ...codegen, schema: project['schema'], documents: project['documents'] });
    }
  },
  run(context, workspace, run) {
    const { options } = readArgs(run.args, ['-c', '--config', '-r', '--require', '-p', '--project', '-w', '--watch']);
    for (const module of optionValues(options, ['-r', '--require'])) addModule(context, workspace, run.cwd, module, `${run.origin} --require`);
  },
};

function addCodegenConfig(target: ReferenceTarget, value: unknown): void {
  if (!isObject(value)) return;
  const { context, workspace, dir, label } = target;
  for (const module of stringList(value['require'])) addModule(context, workspace, dir, module, `${label} require`);
  addPointers(context, dir, value['schema'], `${label} schema`);
  addPointers(context, dir, value['documents'], `${label} documents`);
  const generates = isObject(value['generates']) ? value['generates'] : {};
  for (const [output, options] of Object.entries(generates)) {
    // An output is its options, or the list of its plugins.
    const settings = isObject(options) ? options : { plugins: options };
    for (const plugin of [settings['plugins']].flat()) {
      // A plugin is a name, or `{ name: config }`.
      for (const name of typeof plugin === 'string' ? [plugin] : isObject(plugin) ? Object.keys(plugin) : []) {
        addReference(target, name, `${label} generates "${output}" plugins`, (written) => installed(workspace, written, pluginCandidates(written), `@graphql-codegen/${written}`));
      }
    }
    const preset = settings['preset'];
    if (typeof preset === 'string') addReference(target, preset, `${label} generates "${output}" preset`, (written) => installed(workspace, written, presetCandidates(written), `@graphql-codegen/${written.replace(/(?:-preset)?$/, '-preset')}`));
    addPointers(context, dir, settings['schema'], `${label} generates "${output}" schema`);
    addPointers(context, dir, settings['documents'], `${label} generates "${output}" documents`);
  }
}

/**
 * Schema and document pointers (a glob, a path, a URL, `{ pointer: options }`; `!` excludes) that
 * are code files: codegen reads their gql tags, or loads the schema they export.
 */
function addPointers(context: EntryContext, dir: string, value: unknown, reason: string): void {
  const pointers = [value].flat().flatMap((item) => (typeof item === 'string' ? [item] : isObject(item) ? Object.keys(item) : []));
  const excluded = pointers.filter((pointer) => pointer.startsWith('!')).map((pointer) => pointer.slice(1));
  const code = pointers.filter((pointer) => !pointer.startsWith('!') && !/^[a-z][\w+.-]*:/i.test(pointer) && (isGlob(pointer) || codeFile.test(pointer)));
  addPathEntries(context, code, { base: dir, reason, production: false, origin: reason, exclude: excluded });
}

/** The packages codegen tries for a plugin, in its order. */
function pluginCandidates(name: string): string[] {
  return [`@graphql-codegen/${name}`, `@graphql-codegen/${name}-template`, `@graphql-codegen/${name}-plugin`, `graphql-codegen-${name}`, `graphql-codegen-${name}-template`, `graphql-codegen-${name}-plugin`, `codegen-${name}`, `codegen-${name}-template`, name];
}

function presetCandidates(name: string): string[] {
  return [`@graphql-codegen/${name}`, `@graphql-codegen/${name}-preset`, name];
}

/**
 * The candidate the package depends on; without one, the name as written when it is a package's own
 * (scoped, or already prefixed), else codegen's own package (`@graphql-codegen/typescript`, `@graphql-codegen/client-preset`).
 */
function installed(workspace: WorkspaceInfo, name: string, candidates: readonly string[], fallback: string): string {
  const declared = candidates.find((candidate) => workspace.dependencies.has(candidate));
  if (declared) return declared;
  return name.startsWith('@') || /^(?:graphql-)?codegen-/.test(name) ? name : fallback;
}
