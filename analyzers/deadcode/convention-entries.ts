import { excludedPathReason } from '../discover/excluded-paths.js';
import { basename, dirname, isWithin, joinPath } from '../discover/repo-paths.js';
import type { EntryContext, WorkspaceInfo } from './entry-context.js';

/**
 * Config files tools find by name (prettier.config.js, tailwind.config.ts, .lintstagedrc.js,
 * jest.setup.ts) at a package root, and scripts in a package's `public/` folder, which web servers
 * and bundlers (Vite, Next.js, CRA) serve as they are (service workers, browser scripts).
 */
export function addConfigFileEntries(context: EntryContext, workspaces: readonly WorkspaceInfo[]): void {
  const roots = new Set(workspaces.map(({ dir }) => dir));
  for (const path of context.discovery.codeFiles) {
    const name = basename(path);
    const isConfig = /\.(?:config|setup)(?:\.[\w-]+)?\.[cm]?[jt]sx?$/.test(name) || /^\.[\w.-]+rc\.[cm]?[jt]s$/.test(name);
    if (isConfig && roots.has(dirname(path))) context.addEntry(path, 'config file', false);
    const publicFolder = path.split('/').indexOf('public');
    if (publicFolder >= 0 && roots.has(path.split('/').slice(0, publicFolder).join('/'))) context.addEntry(path, 'served as is from public/', true);
  }
}

/**
 * `<script src>` of every tracked html page outside build output: what a browser loads ships. A path
 * starting with '/' is served from the vite root holding the page, or else from its package folder.
 */
export function addHtmlEntries(context: EntryContext, workspaces: readonly WorkspaceInfo[]): void {
  for (const path of context.tree.paths) {
    if (!path.endsWith('.html') || excludedPathReason(path) !== null) continue;
    const text = context.tree.readFile(path);
    if (text === undefined) {
      context.warn(`${path} could not be read; the scripts it loads are missing.`);
      continue;
    }
    const root = [...context.webRoots].filter((dir) => isWithin(path, dir)).sort((a, b) => b.length - a.length)[0] ?? context.workspaceOf(workspaces, path)?.dir ?? '';
    for (const source of scriptSources(text)) {
      if (/^(?:[a-z][\w+.-]*:|\/\/)/i.test(source)) continue;
      const clean = source.replace(/[?#].*$/, '');
      const file = context.findCodeFile(clean.startsWith('/') ? joinPath(root, clean) : joinPath(dirname(path), clean));
      if (file) context.addEntry(file, `<script src> in ${path}`, true);
    }
  }
}

/** The `src` of each `<script>` tag, commented-out ones left out. */
function scriptSources(html: string): string[] {
  const live = html.replace(/<!--[\s\S]*?-->/g, '');
  return [...live.matchAll(/<script\b([^>]*)>/gi)].flatMap(([, attributes]) => {
    const match = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attributes ?? '');
    const source = match?.[1] ?? match?.[2] ?? match?.[3];
    return source ? [source] : [];
  });
}
