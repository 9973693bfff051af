import { excludedPathReason } from '../discover/excluded-paths.js';
import { stylesheetFile } from './entry-config-files.js';
import { packageNameOf, type EntryContext, type WorkspaceInfo } from './entry-context.js';

/** `@import 'x'`, `@use`, `@forward`, and Tailwind 4's `@plugin`, `@config` and `@reference`, with a quoted or `url()` target. */
const atRule = /@(?:import|use|forward|plugin|config|reference)\s+(?:url\(\s*)?["']([^"']+)["']/g;

/**
 * Packages stylesheets load by name: `@import "tailwindcss"`, `@plugin "@tailwindcss/typography"`,
 * `@use "bootstrap/scss/bootstrap"` (a leading `~` is webpack's way to say "a package"). Relative
 * paths and URLs are files, not packages.
 */
export function addStylesheetReferences(context: EntryContext, workspaces: readonly WorkspaceInfo[]): void {
  for (const path of context.tree.paths) {
    if (!stylesheetFile.test(path) || excludedPathReason(path) !== null) continue;
    const text = context.tree.readFile(path);
    if (text === undefined) continue;
    const workspace = context.workspaceOf(workspaces, path) ?? workspaces[0];
    if (!workspace) return;
    for (const [, target] of text.matchAll(atRule)) {
      const written = target!.replace(/^~/, '');
      if (/^(?:[a-z][\w+.-]*:|\/\/|\.|\/)/i.test(written)) continue;
      const name = packageNameOf(written);
      if (name) context.addPackage(workspace.dir, name, `${path} @-rule "${target}"`);
    }
  }
}
