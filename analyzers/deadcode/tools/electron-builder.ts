import { isObject } from '../../discover/package-json.js';
import { addModule } from './run-targets.js';
import { named, namedAfter, type ToolSpec } from './tool-spec.js';

/** The build hooks electron-builder loads by path (or package name) from its config. */
const hooks = ['afterSign', 'afterPack', 'beforePack', 'afterExtract', 'afterAllArtifactBuild', 'artifactBuildStarted', 'artifactBuildCompleted', 'beforeBuild', 'onNodeModuleFile', 'msiProjectCreated', 'appxManifestCreated'];

/** electron-builder: the hook scripts of its config (electron-builder.json/yml, or package.json `build`). */
export const electronBuilder: ToolSpec = {
  configFiles: [namedAfter('electron-builder'), named(/^electron-builder\.(?:json5|ya?ml)$/)],
  binaries: ['electron-builder'],
  packages: ['electron-builder'],
  configs: (files) => files.atRoot(/^electron-builder\.(?:json5?|ya?ml)$/),
  packageField: 'build',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    for (const hook of hooks) {
      const value = config.value[hook];
      if (typeof value === 'string') addModule(context, workspace, config.cwd, value, `${config.label} ${hook}`);
    }
  },
};
