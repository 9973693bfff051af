import { isObject } from '../../discover/package-json.js';
import { dirname } from '../../discover/repo-paths.js';
import { addModule } from './run-targets.js';
import { named, type ToolSpec } from './tool-spec.js';

/** The options of an angular.json target that name files the builder starts from or bundles. */
const fileOptions = ['main', 'browser', 'server', 'polyfills', 'tsConfig', 'ssr', 'scripts', 'styles', 'karmaConfig'];

/**
 * Angular CLI: every project's architect targets in angular.json (build, serve, test, server…): the
 * `main`/`browser`/`server`/`polyfills` modules, `ssr.entry` and `scripts` they bundle, and the files
 * each configuration swaps in (`fileReplacements[].with`: environment.prod.ts), from the workspace
 * root; a name that is no file of the repository is a package (`polyfills: ['zone.js']`).
 */
export const angular: ToolSpec = {
  configFiles: [named(/^(?:angular|\.angular-cli)\.json$/)],
  binaries: ['ng'],
  packages: ['@angular/cli'],
  configs: (files) => files.atRoot(/^(?:angular|\.angular-cli)\.json$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value) || !isObject(config.value['projects'])) return;
    const base = dirname(config.path);
    for (const [name, project] of Object.entries(config.value['projects'])) {
      const targets = isObject(project) ? (project['architect'] ?? project['targets']) : undefined;
      if (!isObject(targets)) continue;
      for (const [targetName, target] of Object.entries(targets)) {
        const options = isObject(target) && isObject(target['options']) ? target['options'] : {};
        const configurations = isObject(target) && isObject(target['configurations']) ? Object.values(target['configurations']).filter(isObject) : [];
        const add = (value: unknown, key: string): void => {
          if (typeof value !== 'string' || /\.(?:s?css|sass|less|json|html)$/.test(value)) return;
          addModule(context, workspace, base, value, `${config.label} ${name} ${targetName}.${key}`, targetName !== 'test');
        };
        // `scripts`/`styles` items are paths or `{ input }`, `ssr` is `{ entry }`; only code files become entries.
        for (const key of fileOptions) for (const item of [options[key]].flat()) add(isObject(item) ? (item['input'] ?? item['entry']) : item, key);
        for (const replacement of [options, ...configurations].flatMap((settings) => (Array.isArray(settings['fileReplacements']) ? settings['fileReplacements'] : []))) {
          if (isObject(replacement)) add(replacement['with'], 'fileReplacements');
        }
      }
    }
  },
};
