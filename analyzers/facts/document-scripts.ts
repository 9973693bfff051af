import { excludedPathReason } from '../discover/excluded-paths.js';
import { docusaurusSiteDirs, isWithin } from '../discover/repo-paths.js';

/**
 * Documents that are not code files but hold code whose imports count: MDX and Markdown pages (their
 * top-level `import`/`export` blocks, and the `<script setup>` of a VitePress page), components
 * (`.vue`, `.svelte`, `.astro`: their `<script>` blocks, `<script src>` and Astro's frontmatter) and
 * HTML pages (their inline scripts; a page's `<script src>` is an entry, found with its web root).
 */
export function isScriptDocument(path: string): boolean {
  return /\.(?:mdx?|vue|svelte|astro|html)$/i.test(path);
}

/** HTML pages: entries by their inline scripts. */
export function isHtmlDocument(path: string): boolean {
  return /\.html$/i.test(path);
}

/** True for components, whose scripts are the whole of their code; false for pages of prose. */
export function isComponentDocument(path: string): boolean {
  return /\.(?:vue|svelte|astro)$/i.test(path);
}

/** A JSX-capable parse for MDX and for components whose script says `lang="tsx"` or `"jsx"`. */
export function documentNeedsJsx(path: string, text: string): boolean {
  return /\.mdx?$/i.test(path) || scriptBlocks(text, false).some(({ attributes }) => /\blang\s*=\s*["']?[jt]sx\b/i.test(attributes));
}

interface ScriptBlock {
  start: number;
  attributes: string;
  bodyStart: number;
  bodyEnd: number;
}

/**
 * The `<script …>…</script>` blocks of a document, found with one forward scan (a repository's file
 * is untrusted: a regex over unclosed tags would take time quadratic in its size). An unclosed tag
 * ends the search. With `atLineStart`, only tags that start a line count (Markdown).
 */
function scriptBlocks(text: string, atLineStart: boolean): ScriptBlock[] {
  const lower = text.toLowerCase();
  const blocks: ScriptBlock[] = [];
  for (let from = 0; ; ) {
    const start = lower.indexOf('<script', from);
    if (start < 0) return blocks;
    const next = lower[start + 7];
    if ((next !== undefined && !/[\s>/]/.test(next)) || (atLineStart && start > 0 && text[start - 1] !== '\n')) {
      from = start + 7;
      continue;
    }
    const tagEnd = text.indexOf('>', start);
    const close = tagEnd < 0 ? -1 : lower.indexOf('</script', tagEnd);
    if (close < 0) return blocks;
    blocks.push({ start, attributes: text.slice(start + 7, tagEnd), bodyStart: tagEnd + 1, bodyEnd: close });
    from = close + 8;
  }
}

/**
 * The code of a document at its own lines and columns, every other character blanked (newlines kept),
 * so that the parser's positions are the document's.
 */
export function documentScript(path: string, text: string): string {
  const kept: [start: number, end: number][] = [];
  const insertions = new Map<number, string>();
  if (/\.mdx?$/i.test(path)) kept.push(...esmBlocks(text));
  if (/\.astro$/i.test(path)) kept.push(...astroFrontmatter(text));
  // In Markdown a page's script starts a line outside code fences; `<script setup>` mentioned in prose or an example is text.
  const markdown = /\.mdx?$/i.test(path);
  for (const { start, attributes, bodyStart, bodyEnd } of scriptBlocks(markdown ? blankFences(text) : text, markdown)) {
    const source = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
    const written = source?.[1] ?? source?.[2];
    // An HTML page's `<script src>` is served from its web root (entry-points.ts reads it); a component's is a relative import.
    if (written !== undefined && !isHtmlDocument(path) && !/^(?:[a-z][\w+.-]*:|\/\/)/i.test(written)) insertions.set(start, `import ${JSON.stringify(written)};`);
    else if (written === undefined && isJavaScriptBlock(attributes)) kept.push([bodyStart, bodyEnd]);
  }
  return blankOutside(text, kept, insertions);
}

/** Astro's frontmatter: the lines between a first line `---` and the next line `---`. */
function astroFrontmatter(text: string): [number, number][] {
  const firstLineEnd = text.indexOf('\n');
  if (firstLineEnd < 0 || text.slice(0, firstLineEnd).trim() !== '---' || !text.startsWith('---')) return [];
  const start = firstLineEnd + 1;
  for (let lineStart = start; lineStart < text.length; ) {
    const lineEnd = text.indexOf('\n', lineStart);
    const end = lineEnd < 0 ? text.length : lineEnd;
    if (text.slice(lineStart, end).trim() === '---') return [[start, lineStart]];
    lineStart = end + 1;
  }
  return [];
}

/** The text with the lines of fenced code blocks blanked, at the same positions. */
function blankFences(text: string): string {
  let openFence: string | undefined;
  return text
    .split('\n')
    .map((line) => {
      const marker = fence.exec(line)?.[1];
      if (openFence !== undefined) {
        if (marker !== undefined && marker[0] === openFence[0] && marker.length >= openFence.length) openFence = undefined;
        return ' '.repeat(line.length);
      }
      if (marker !== undefined) {
        openFence = marker;
        return ' '.repeat(line.length);
      }
      return line;
    })
    .join('\n');
}

/** A `<script>` that holds JavaScript or TypeScript (not JSON, templates or import maps). */
function isJavaScriptBlock(attributes: string): boolean {
  const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
  return type === undefined || type === 'module' || type === 'text/javascript' || type === 'text/typescript' || type === 'application/javascript';
}

function blankOutside(text: string, kept: readonly [number, number][], insertions: ReadonlyMap<number, string>): string {
  const keep = new Uint8Array(text.length);
  for (const [start, end] of kept) keep.fill(1, start, end);
  let out = '';
  for (let index = 0; index < text.length; index++) {
    const insertion = insertions.get(index);
    if (insertion !== undefined) {
      // The import overwrites the start of its tag, which is always longer (`<script src=""` against `import "";`).
      out += insertion;
      index += insertion.length - 1;
      continue;
    }
    const char = text[index]!;
    out += keep[index] === 1 || char === '\n' ? char : ' ';
  }
  return out;
}

const esmStart = /^(?:import\s*(?:[\w$*{]|["'])|export\s+(?:const|let|var|function|async|class|default|type|interface|\{|\*))/;
const fence = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * The ESM of an MDX document: its top-level `import`/`export` blocks (a block runs from such a line
 * to the next blank line). Lines in fenced code blocks are examples, not imports.
 */
function esmBlocks(text: string): [number, number][] {
  const blocks: [number, number][] = [];
  let openFence: string | undefined;
  let inBlock = false;
  let start = 0;
  for (const line of text.split('\n')) {
    const end = start + line.length;
    const marker = fence.exec(line)?.[1];
    if (openFence !== undefined) {
      if (marker !== undefined && marker[0] === openFence[0] && marker.length >= openFence.length) openFence = undefined;
    } else if (!inBlock && marker !== undefined) {
      openFence = marker;
    } else {
      // A block ends at a blank line, or at markup (`</script>` after a VitePress page's imports).
      if (line.trim() === '' || line.startsWith('<')) inBlock = false;
      else if (esmStart.test(line)) inBlock = true;
      if (inBlock) blocks.push([start, end]);
    }
    start = end + 1;
  }
  return blocks;
}

/**
 * The documents whose imports count: every MDX file and component, and Markdown files of a
 * Docusaurus site (which compiles `.md` as MDX too) or of a VitePress site (whose pages may hold a
 * `<script setup>`). Elsewhere a `.md` file is plain text.
 */
export function scriptDocumentsOf(paths: readonly string[]): string[] {
  const sites = [...docusaurusSiteDirs(paths), ...vitepressSiteDirs(paths)];
  return paths.filter(
    (path) =>
      excludedPathReason(path) === null &&
      isScriptDocument(path) &&
      (!/\.md$/i.test(path) || sites.some((site) => isWithin(path, site))),
  );
}

/** Folders holding a `.vitepress` folder: VitePress sites, whose config and theme live there. */
function vitepressSiteDirs(paths: readonly string[]): string[] {
  const sites = new Set<string>();
  for (const path of paths) {
    const at = path.split('/').indexOf('.vitepress');
    if (at >= 0) sites.add(path.split('/').slice(0, at).join('/'));
  }
  return [...sites];
}
