import { isObject } from '../../discover/package-json.js';
import { basename, dirname, joinPath } from '../../discover/repo-paths.js';
import { addPathEntries, configDir, isPathValue, type PathValue } from '../entry-context.js';
import { ResolvedPath } from '../static-config.js';
import { addReference } from './config-references.js';
import type { ToolSpec } from './tool-spec.js';

/** .storybook/main.*, the config. */
const mainFile = /^main\.[cm]?[jt]sx?$/;

/** Storybook's documented defaults. */
const storybookStories = '**/*.stories.*';
const storybookFiles = '**/*.@(mdx|stories.@(js|jsx|mjs|ts|tsx))';

/** storybook: main, preview and manager files, the `stories` globs (relative to .storybook/), addons (packages or local presets) and the framework package. */
export const storybook: ToolSpec = {
  // .storybook/, and the folders `-c` names for more than one (`.storybook-vue`, `.config/storybook`).
  configFiles: [/(?:^|\/)[\w.-]*storybook[\w.-]*\/main\.[cm]?[jt]sx?$/],
  binaries: ['storybook', 'start-storybook', 'build-storybook'],
  configs: (files) => files.anywhere(mainFile).filter((path) => path.endsWith(`.storybook/${basename(path)}`)),
  configInFolder: mainFile,
  handle(context, workspace, config) {
    if (!config) return;
    const dir = configDir(config);
    for (const path of context.tree.paths) {
      if (dirname(path) === dir && /^(?:preview|manager)\.[cm]?[jt]sx?$/.test(basename(path))) context.addEntry(path, 'config file (storybook)', false);
    }
    const options = isObject(config.value) ? config.value : undefined;
    const stories = options && Array.isArray(options['stories']) ? options['stories'].flatMap(storyGlobs) : [];
    const globs = stories.length > 0 ? stories : [new ResolvedPath(joinPath(workspace.dir, storybookStories))];
    addPathEntries(context, globs, { base: dir, reason: 'story (storybook)', production: false, origin: `${config.label} stories` });
    const target = { context, workspace, dir, label: config.label };
    for (const key of ['addons', 'framework']) {
      const names = [options?.[key]].flat().map((item) => (isObject(item) ? item['name'] : item));
      // A package, or a local preset file (`./addons/theme/preset.js`).
      for (const name of names) if (typeof name === 'string') addReference(target, name, `${config.label} ${key}`, (module) => module);
    }
  },
};

/** A `stories` item: a glob, or `{ directory, files }`. */
function storyGlobs(item: unknown): PathValue[] {
  if (isPathValue(item)) return [item];
  if (!isObject(item) || typeof item['directory'] !== 'string') return [];
  const files = typeof item['files'] === 'string' ? item['files'] : storybookFiles;
  return [joinPath(item['directory'], files)];
}
