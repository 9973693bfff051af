import { isObject } from '../../discover/package-json.js';
import { dirname, joinPath } from '../../discover/repo-paths.js';
import { packageNameOf } from '../entry-context.js';
import { addModule } from './run-targets.js';
import { named, type ToolSpec } from './tool-spec.js';

/** The options of an angular.json target that name files the builder starts from or bundles. */
const fileOptions = ['main', 'browser', 'server', 'polyfills', 'tsConfig', 'ssr', 'scripts', 'styles', 'karmaConfig'];

/** The settings of an Angular CLI 1 app (.angular-cli.json `apps[]`) that name code, from the app's `root`. */
const appOptions = ['main', 'polyfills', 'test', 'scripts', 'environments'];

/**
 * Angular CLI: every project's architect targets in angular.json (build, serve, test, server…): the
 * `main`/`browser`/`server`/`polyfills` modules, `ssr.entry` and `scripts` they bundle, and the files
 * each configuration swaps in (`fileReplacements[].with`: environment.prod.ts), from the workspace
 * root; a name that is no file of the repository is a package (`polyfills: ['zone.js']`), as are a
 * path into node_modules/ and each target's `builder` (`@angular-devkit/build-angular:application`). Angular CLI 1's
 * .angular-cli.json names the same files per app in `apps[]`, from the app's `root`.
 */
export const angular: ToolSpec = {
  configFiles: [named(/^(?:angular|\.angular-cli)\.json$/)],
  binaries: ['ng'],
  packages: ['@angular/cli'],
  configs: (files) => files.atRoot(/^(?:angular|\.angular-cli)\.json$/),
  handle(context, workspace, config) {
    if (!config || !isObject(config.value)) return;
    const base = dirname(config.path);
    const add = (root: string, value: unknown, reason: string, production: boolean): void => {
      if (typeof value !== 'string' || /\.(?:s?css|sass|less|json|html)$/.test(value)) return;
      // `node_modules/jquery/dist/jquery.min.js` is a file of the package jquery.
      const installed = /^(?:\.\/)?node_modules\/(.+)$/.exec(value)?.[1];
      const name = installed === undefined ? null : packageNameOf(installed);
      if (name) context.addPackage(workspace.dir, name, `${config.label} ${reason}`);
      else addModule(context, workspace, root, value, `${config.label} ${reason}`, production);
    };
    const projects = isObject(config.value['projects']) ? config.value['projects'] : {};
    for (const [name, project] of Object.entries(projects)) {
      const targets = isObject(project) ? (project['architect'] ?? project['targets']) : undefined;
      if (!isObject(targets)) continue;
      for (const [targetName, target] of Object.entries(targets)) {
        if (!isObject(target)) continue;
        const builder = typeof target['builder'] === 'string' ? packageNameOf(target['builder'].split(':')[0]!) : null;
        if (builder) context.addPackage(workspace.dir, builder, `${config.label} ${name} ${targetName}.builder`);
        const options = isObject(target['options']) ? target['options'] : {};
        const configurations = isObject(target['configurations']) ? Object.values(target['configurations']).filter(isObject) : [];
        const production = targetName !== 'test';
        // `scripts`/`styles` items are paths or `{ input }`, `ssr` is `{ entry }`; only code files become entries.
        for (const key of fileOptions) for (const item of [options[key]].flat()) add(base, isObject(item) ? (item['input'] ?? item['entry']) : item, `${name} ${targetName}.${key}`, production);
        for (const replacement of [options, ...configurations].flatMap((settings) => (Array.isArray(settings['fileReplacements']) ? settings['fileReplacements'] : []))) {
          if (isObject(replacement)) add(base, replacement['with'], `${name} ${targetName}.fileReplacements`, production);
        }
      }
    }
    const apps = Array.isArray(config.value['apps']) ? config.value['apps'].filter(isObject) : [];
    for (const [index, app] of apps.entries()) {
      const root = joinPath(base, typeof app['root'] === 'string' ? app['root'] : '');
      const name = typeof app['name'] === 'string' ? app['name'] : `apps[${index}]`;
      for (const key of appOptions) {
        const values = key === 'environments' && isObject(app[key]) ? Object.values(app[key]) : [app[key]].flat();
        for (const value of values) add(root, isObject(value) ? value['input'] : value, `${name}.${key}`, key !== 'test');
      }
    }
  },
};
