import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { configDir, isPathValue, locate } from '../entry-context.js';
import { addBuildInputs, hasBuildInputs } from './build-inputs.js';
import { configName, namedAfter, type ToolSpec } from './tool-spec.js';

const configFile = configName('electron\\.vite');

/** electron-vite: main, preload and renderer are each a vite build (electron.vite.config.*), with conventional defaults. */
export const electronVite: ToolSpec = {
  configFiles: [namedAfter('electron.vite')],
  binaries: ['electron-vite'],
  configs: (files) => files.atRoot(configFile),
  handle(context, _workspace, config) {
    if (!config) return;
    const dir = configDir(config);
    const value = isObject(config.value) ? config.value : {};
    for (const section of ['main', 'preload', 'renderer']) {
      const options = isObject(value[section]) ? value[section] : {};
      const defaultRoot = section === 'renderer' ? joinPath(dir, 'src/renderer') : dir;
      const root = isPathValue(options['root']) ? locate(dir, options['root']) : defaultRoot;
      if (section === 'renderer') context.webRoots.add(root);
      if (hasBuildInputs(options['build'])) {
        addBuildInputs(context, options['build'], root, `${config.label} ${section}.build`);
        continue;
      }
      // The renderer's default input is src/renderer/index.html, whose scripts the html pass reads;
      // main and preload default to src/<section>/index.*, else src/<section>/<section>.*.
      if (section === 'renderer') continue;
      const file = ['index', section].map((name) => context.findCodeFile(joinPath(dir, `src/${section}/${name}`))).find((found) => found !== null);
      if (file) context.addEntry(file, `electron-vite default ${section} entry`, true);
    }
  },
};
