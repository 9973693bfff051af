import { docusaurusSiteDirs, isWithin } from '../discover/repo-paths.js';

/** Documents whose top-level `import`/`export` statements are JavaScript modules: MDX, and Markdown in Docusaurus. */
export function isMdxDocument(path: string): boolean {
  return /\.mdx?$/i.test(path);
}

const esmStart = /^(?:import\s*(?:[\w$*{]|["'])|export\s+(?:const|let|var|function|async|class|default|type|interface|\{|\*))/;
const fence = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The ESM of an MDX document: its top-level `import`/`export` blocks (a block runs from such a line
 * to the next blank line), every other line blanked so that line numbers stay those of the document.
 * Lines in fenced code blocks are examples, not imports.
 */
export function mdxEsm(text: string): string {
  const lines = text.split('\n');
  let openFence: string | undefined;
  let inBlock = false;
  return lines
    .map((line) => {
      const marker = fence.exec(line)?.[1];
      if (openFence !== undefined) {
        if (marker !== undefined && marker[0] === openFence[0] && marker.length >= openFence.length) openFence = undefined;
        return '';
      }
      if (!inBlock && marker !== undefined) {
        openFence = marker;
        return '';
      }
      if (line.trim() === '') inBlock = false;
      else if (esmStart.test(line)) inBlock = true;
      return inBlock ? line : '';
    })
    .join('\n');
}

/**
 * The documents whose imports count: every MDX file, and Markdown files of a Docusaurus site (which
 * compiles `.md` as MDX too). Elsewhere a `.md` file is plain text.
 */
export function mdxDocumentsOf(paths: readonly string[]): string[] {
  const sites = docusaurusSiteDirs(paths);
  return paths.filter(
    (path) => !path.split('/').includes('node_modules') && (/\.mdx$/i.test(path) || (/\.md$/i.test(path) && sites.some((site) => isWithin(path, site)))),
  );
}
