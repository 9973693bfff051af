import { excludedPathReason } from '../discover/excluded-paths.js';
import { isObject, stringsIn } from '../discover/package-json.js';
import { basename, dirname, isWithin, joinPath } from '../discover/repo-paths.js';
import type { EntryContext, WorkspaceInfo } from './entry-context.js';
import type { WorkspaceFiles } from './tools/tool-spec.js';

/** Files a framework loads by their place in the tree, relative to the package folder. */
interface Framework {
  /** Dependencies that mean the framework is in use. */
  packages: readonly string[];
  /** Its config file name, which means the same. */
  config?: RegExp;
  files: readonly { glob: string; reason: string; production: boolean }[];
}

const nextAppFiles =
  'page,layout,route,loading,error,not-found,template,default,global-error,forbidden,unauthorized,icon,apple-icon,opengraph-image,twitter-image,sitemap,robots,manifest';

/** Next.js puts pages, app and its special files either at the package root or under src/. */
const nextFiles = ['', 'src/'].flatMap((folder) => [
  { glob: `${folder}pages/**`, reason: 'Next.js page (pages/)', production: true },
  { glob: `${folder}app/**/{${nextAppFiles}}.*`, reason: 'Next.js route file (app/)', production: true },
  { glob: `${folder}{middleware,proxy}.*`, reason: 'Next.js middleware', production: true },
  { glob: `${folder}instrumentation{,-client}.*`, reason: 'Next.js instrumentation', production: true },
]);

const frameworks: readonly Framework[] = [
  { packages: ['next'], config: /^next\.config\./, files: nextFiles },
  {
    packages: ['astro'],
    config: /^astro\.config\./,
    files: [
      { glob: 'src/pages/**', reason: 'Astro page (src/pages/)', production: true },
      { glob: 'src/{middleware,content.config,content/config,actions/index}.*', reason: 'Astro special file', production: true },
    ],
  },
  {
    packages: ['@sveltejs/kit'],
    config: /^svelte\.config\./,
    files: [
      { glob: 'src/routes/**/+*', reason: 'SvelteKit route file (src/routes/)', production: true },
      { glob: 'src/{hooks,service-worker}{,.*,/index.*}', reason: 'SvelteKit hooks or service worker', production: true },
      { glob: 'src/params/*', reason: 'SvelteKit param matcher', production: true },
    ],
  },
  {
    packages: ['@docusaurus/core'],
    config: /^docusaurus\.config\./,
    files: [
      { glob: 'src/pages/**', reason: 'Docusaurus page (src/pages/)', production: true },
      { glob: 'src/theme/**', reason: 'Docusaurus theme component (src/theme/)', production: true },
      { glob: 'sidebars.*', reason: 'Docusaurus sidebars', production: true },
    ],
  },
  {
    packages: ['nuxt'],
    config: /^nuxt\.config\./,
    files: ['', 'app/'].flatMap((folder) => [
      { glob: `${folder}{pages,layouts,middleware,plugins,components,composables,utils}/**`, reason: 'Nuxt auto-imported folder', production: true },
      { glob: `${folder}app.config.*`, reason: 'Nuxt app config', production: true },
      { glob: 'server/**', reason: 'Nuxt server folder', production: true },
    ]),
  },
  {
    packages: ['nitropack', 'nitro'],
    config: /^nitro\.config\./,
    files: ['', 'server/'].map((folder) => ({ glob: `${folder}{routes,api,middleware,plugins,tasks}/**`, reason: 'Nitro route or handler (file-based)', production: true })),
  },
  {
    packages: ['vitepress'],
    files: [{ glob: '**/.vitepress/{config,theme/index}.{js,ts,mjs,mts,cjs,cts}', reason: 'VitePress config or theme (.vitepress/)', production: true }],
  },
  {
    packages: ['react-scripts'],
    files: [
      { glob: 'src/index.*', reason: 'Create React App entry (src/index)', production: true },
      { glob: 'src/{setupTests,setupProxy}.*', reason: 'Create React App setup file', production: false },
    ],
  },
];

/** Framework routes and special files, when the framework is a dependency or has its config in the package. */
export function addFrameworkEntries(context: EntryContext, workspace: WorkspaceInfo, files: WorkspaceFiles): void {
  for (const framework of frameworks) {
    const used = framework.packages.some((name) => workspace.dependencies.has(name)) || (framework.config !== undefined && files.atRoot(framework.config).length > 0);
    if (!used) continue;
    for (const { glob, reason, production } of framework.files) {
      for (const path of context.matchGlob(joinPath(workspace.dir, glob))) context.addEntry(path, reason, production);
    }
  }
}

/**
 * Functions a serverless.yml deploys: `handler: src/server.handler` names the file src/server.* (its
 * export `handler`); `plugins` are packages the Serverless Framework loads.
 */
export function addServerlessEntries(context: EntryContext, workspaces: readonly WorkspaceInfo[]): void {
  for (const { dir } of workspaces) {
    const path = ['serverless.yml', 'serverless.yaml'].map((name) => joinPath(dir, name)).find((candidate) => context.tracked.has(candidate));
    const config = path === undefined ? undefined : context.readConfig(path);
    if (!isObject(config)) continue;
    for (const fn of Object.values(isObject(config['functions']) ? config['functions'] : {})) {
      const handler = isObject(fn) ? fn['handler'] : undefined;
      if (typeof handler !== 'string' || !handler.includes('.')) continue;
      const file = context.findCodeFile(joinPath(dir, handler.slice(0, handler.lastIndexOf('.'))));
      if (file) context.addEntry(file, `${path} handler`, true);
    }
    const plugins = config['plugins'];
    for (const name of Array.isArray(plugins) ? plugins : isObject(plugins) ? stringsIn(plugins['modules']) : []) {
      if (typeof name === 'string') context.addPackage(dir, name, `${path} plugins`);
    }
  }
}

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
