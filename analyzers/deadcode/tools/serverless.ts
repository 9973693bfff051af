import { isObject, stringsIn } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { named, type ToolSpec } from './tool-spec.js';

/**
 * The Serverless Framework: the functions serverless.yml deploys (`handler: src/server.handler`
 * names the file src/server.*, its export `handler`), and the `plugins` it loads by name.
 */
export const serverless: ToolSpec = {
  configFiles: [named(/^serverless\.ya?ml$/)],
  binaries: ['serverless', 'sls'],
  packages: ['serverless'],
  configs: (files) => files.atRoot(/^serverless\.ya?ml$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const options = config.value;
    for (const fn of Object.values(isObject(options['functions']) ? options['functions'] : {})) {
      const handler = isObject(fn) ? fn['handler'] : undefined;
      if (typeof handler !== 'string' || !handler.includes('.')) continue;
      const file = context.findCodeFile(joinPath(config.cwd, handler.slice(0, handler.lastIndexOf('.'))));
      if (file) context.addEntry(file, `${config.path} handler`, true);
    }
    const plugins = options['plugins'];
    for (const name of Array.isArray(plugins) ? plugins : isObject(plugins) ? stringsIn(plugins['modules']) : []) {
      if (typeof name === 'string') context.addPackage(workspace.dir, name, `${config.path} plugins`);
    }
  },
};
