import { isObject } from '../../discover/package-json.js';
import { basename, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries } from '../entry-context.js';
import { addPackageReference, type ReferenceTarget } from './config-references.js';
import { named, type ToolSpec } from './tool-spec.js';

/** The names the Nest CLI reads its config from, in the order it tries them (only the first found counts). */
const configNames = ['.nestcli.json', '.nest-cli.json', 'nest-cli.json', 'nest.json'];

/**
 * The NestJS CLI (`nest`): the file it starts and builds, `<sourceRoot>/<entryFile>` (src/main by
 * default) of nest-cli.json and of each application in its `projects` (a monorepo; a project's unset
 * option falls back to the top-level one), the `compilerOptions.plugins`, the `swc` builder and the
 * schematics `collection` it loads by name.
 */
export const nest: ToolSpec = {
  configFiles: [named(/^\.?nest(?:-?cli)?(?:[.-][\w.-]*)?\.json$/)],
  binaries: ['nest'],
  packages: ['@nestjs/cli'],
  configs: (files) => {
    const found = files.atRoot(/^\.?nest(?:-?cli)?\.json$/);
    const first = configNames.map((name) => found.find((path) => basename(path) === name)).find((path) => path !== undefined);
    return first === undefined ? [] : [first];
  },
  handle(context, workspace, config) {
    if (!config) {
      const main = context.findCodeFile(joinPath(workspace.dir, 'src/main'));
      if (main) context.addEntry(main, 'NestJS entry file (src/main, the default)', true);
      context.addPackage(workspace.dir, '@nestjs/schematics', 'the Nest CLI default collection (schematics for `nest generate`)');
      return;
    }
    const options = isObject(config.value) ? config.value : {};
    const target: ReferenceTarget = { context, workspace, dir: config.cwd, label: config.label };
    addApplication(target, options, options, config.label);
    const projects = isObject(options['projects']) ? options['projects'] : {};
    for (const [name, project] of Object.entries(projects)) {
      // Libraries are imported by the applications (through path aliases), not started.
      if (isObject(project) && project['type'] !== 'library') addApplication(target, project, options, `${config.label} projects.${name}`);
    }
    // A local collection (`./schematics/collection.json`) is no package.
    const collection = typeof options['collection'] === 'string' ? options['collection'] : '@nestjs/schematics';
    addPackageReference(target, collection, `${config.label} collection (schematics for \`nest generate\`)`);
  },
};

/** The entry file of one application, and the compiler plugins and builder it is built with. */
function addApplication(target: ReferenceTarget, project: Record<string, unknown>, top: Record<string, unknown>, label: string): void {
  const option = (key: string, fallback: string): string => [project[key], top[key]].find((value) => typeof value === 'string') ?? fallback;
  const entry = `${option('sourceRoot', 'src')}/${option('entryFile', 'main')}`;
  addPathEntries(target.context, [entry], { base: target.dir, reason: `${label} sourceRoot/entryFile`, production: true, origin: `${label} sourceRoot/entryFile` });
  const compilerOptions = isObject(project['compilerOptions']) ? project['compilerOptions'] : {};
  for (const plugin of [compilerOptions['plugins']].flat()) {
    const name = isObject(plugin) ? plugin['name'] : plugin;
    if (typeof name === 'string') addPackageReference(target, name, `${label} compilerOptions.plugins`);
  }
  const builder = compilerOptions['builder'];
  if ((isObject(builder) ? builder['type'] : builder) === 'swc') {
    for (const name of ['@swc/cli', '@swc/core']) addPackageReference(target, name, `${label} compilerOptions.builder "swc"`);
  }
}

