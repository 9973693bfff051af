import { isObject } from '../../discover/package-json.js';
import { addModule } from './run-targets.js';
import { named, namedAfter, type ToolSpec } from './tool-spec.js';

/** The build hooks electron-builder loads by path (or package name) from its config. */
const hooks = ['afterSign', 'afterPack', 'beforePack', 'afterExtract', 'afterAllArtifactBuild', 'artifactBuildStarted', 'artifactBuildCompleted', 'beforeBuild', 'onNodeModuleFile', 'msiProjectCreated', 'appxManifestCreated'];

/** electron-builder: the hook and Windows signing scripts of its config (electron-builder.yml/json/json5/toml/js/cjs/ts, or package.json `build`). */
export const electronBuilder: ToolSpec = {
  configFiles: [namedAfter('electron-builder'), named(/^electron-builder\.(?:json5|ya?ml|toml)$/)],
  binaries: ['electron-builder'],
  packages: ['electron-builder'],
  configs: (files) => files.atRoot(/^electron-builder\.(?:json5?|ya?ml|toml|c?js|ts)$/),
  packageField: 'build',
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    for (const hook of hooks) {
      const value = config.value[hook];
      if (typeof value === 'string') addModule(context, workspace, config.cwd, value, `${config.label} ${hook}`);
    }
    // The script that signs Windows executables (`win.signtoolOptions.sign` since electron-builder 25).
    const win = isObject(config.value['win']) ? config.value['win'] : {};
    for (const sign of [win['sign'], isObject(win['signtoolOptions']) ? win['signtoolOptions']['sign'] : undefined]) {
      if (typeof sign === 'string') addModule(context, workspace, config.cwd, sign, `${config.label} win.sign`);
    }
  },
};
