import { isObject } from '../../discover/package-json.js';
import { joinPath } from '../../discover/repo-paths.js';
import { configDir } from '../entry-context.js';
import { named, stringList, type ToolSpec } from './tool-spec.js';

/** Where a manifest names the pages and scripts the browser loads (pages are HTML, whose scripts are read as documents). */
const scriptKeys = [
  ['background', 'service_worker'],
  ['background', 'scripts'],
  ['background', 'page'],
  ['action', 'default_popup'],
  ['browser_action', 'default_popup'],
  ['page_action', 'default_popup'],
  ['options_ui', 'page'],
  ['side_panel', 'default_path'],
  ['sidebar_action', 'default_panel'],
  ['options_page'],
  ['devtools_page'],
] as const;

/**
 * Browser extensions (Chrome, Firefox, Safari): the scripts their manifest.json names — the
 * background service worker or scripts, the content scripts, the pages — relative to the manifest.
 * A manifest naming files a build writes (dist/background.js) names nothing tracked, and says nothing;
 * a manifest.json without `manifest_version` (a web app manifest) is not one.
 */
export const webExtension: ToolSpec = {
  configFiles: [named(/manifest\.json$/)],
  configs: (files) => files.anywhere(/^manifest\.json$/),
  handle(context, _workspace, config) {
    if (!config || !isObject(config.value) || typeof config.value['manifest_version'] !== 'number') return;
    const manifest = config.value;
    const scripts = scriptKeys.flatMap((keys) => {
      const value = keys.reduce<unknown>((owner, key) => (isObject(owner) ? owner[key] : undefined), manifest);
      return stringList(value).map((path) => ({ path, key: keys.join('.') }));
    });
    const contentScripts = Array.isArray(manifest['content_scripts']) ? manifest['content_scripts'].filter(isObject) : [];
    scripts.push(...contentScripts.flatMap((script) => stringList(script['js']).map((path) => ({ path, key: 'content_scripts.js' }))));
    for (const { path, key } of scripts) {
      const file = context.findCodeFile(joinPath(configDir(config), path.replace(/^\//, '')));
      if (file) context.addEntry(file, `${config.label} ${key}`, true);
    }
  },
};
