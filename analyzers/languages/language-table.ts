/**
 * Languages Steward recognises, with the comment and string syntax the line counter needs.
 * Names follow GitHub Linguist where they overlap, so they read the way users expect.
 */
export interface CommentSyntax {
  /** Markers that start a comment running to the end of the line. */
  readonly line: readonly string[];
  /** Start/end pairs of block comments. */
  readonly block: readonly (readonly [start: string, end: string])[];
  /** String delimiters; text inside strings is code even when it looks like a comment marker. */
  readonly strings: readonly string[];
  /** String delimiters whose strings may span lines. */
  readonly multilineStrings?: readonly string[];
}

interface Language {
  readonly name: string;
  readonly extensions: readonly string[];
  /** Exact file names (e.g. Dockerfile) for files whose extension does not tell. */
  readonly fileNames?: readonly string[];
  readonly syntax: CommentSyntax;
  /** GitHub Linguist's type; programming when absent. */
  readonly type?: 'markup' | 'data' | 'prose';
}

const cLike: CommentSyntax = { line: ['//'], block: [['/*', '*/']], strings: ['"', "'"] };
const jsLike: CommentSyntax = {
  line: ['//'],
  block: [['/*', '*/']],
  strings: ['"', "'", '`'],
  multilineStrings: ['`'],
};
const hashOnly: CommentSyntax = { line: ['#'], block: [], strings: ['"', "'"] };
const markup: CommentSyntax = { line: [], block: [['<!--', '-->']], strings: [] };
const noComments: CommentSyntax = { line: [], block: [], strings: [] };

const languages: readonly Language[] = [
  { name: 'TypeScript', extensions: ['.ts', '.tsx', '.mts', '.cts'], syntax: jsLike },
  { name: 'JavaScript', extensions: ['.js', '.jsx', '.mjs', '.cjs'], syntax: jsLike },
  { name: 'Vue', extensions: ['.vue'], syntax: { ...jsLike, block: [['/*', '*/'], ['<!--', '-->']] }, type: 'markup' },
  { name: 'Svelte', extensions: ['.svelte'], syntax: { ...jsLike, block: [['/*', '*/'], ['<!--', '-->']] }, type: 'markup' },
  { name: 'JSON', extensions: ['.json', '.jsonc', '.json5'], syntax: { ...cLike, strings: ['"'] }, type: 'data' },
  { name: 'CSS', extensions: ['.css'], syntax: { line: [], block: [['/*', '*/']], strings: ['"', "'"] }, type: 'markup' },
  { name: 'SCSS', extensions: ['.scss', '.sass'], syntax: cLike, type: 'markup' },
  { name: 'Less', extensions: ['.less'], syntax: cLike, type: 'markup' },
  { name: 'HTML', extensions: ['.html', '.htm'], syntax: markup, type: 'markup' },
  { name: 'XML', extensions: ['.xml', '.xsd', '.xsl', '.plist'], syntax: markup, type: 'data' },
  { name: 'SVG', extensions: ['.svg'], syntax: markup, type: 'data' },
  { name: 'Markdown', extensions: ['.md', '.mdx', '.markdown'], syntax: markup, type: 'prose' },
  { name: 'YAML', extensions: ['.yml', '.yaml'], syntax: hashOnly, type: 'data' },
  { name: 'TOML', extensions: ['.toml'], syntax: hashOnly, type: 'data' },
  { name: 'Shell', extensions: ['.sh', '.bash', '.zsh'], syntax: hashOnly },
  { name: 'PowerShell', extensions: ['.ps1', '.psm1'], syntax: { ...hashOnly, block: [['<#', '#>']] } },
  { name: 'Batchfile', extensions: ['.bat', '.cmd'], syntax: { line: ['REM ', 'rem ', '::'], block: [], strings: [] } },
  { name: 'Python', extensions: ['.py', '.pyi'], syntax: hashOnly },
  { name: 'Ruby', extensions: ['.rb', '.rake'], fileNames: ['Gemfile', 'Rakefile'], syntax: { ...hashOnly, block: [['=begin', '=end']] } },
  { name: 'Go', extensions: ['.go'], syntax: { ...cLike, strings: ['"', "'", '`'], multilineStrings: ['`'] } },
  { name: 'Rust', extensions: ['.rs'], syntax: { ...cLike, strings: ['"'] } },
  { name: 'Java', extensions: ['.java'], syntax: cLike },
  { name: 'Kotlin', extensions: ['.kt', '.kts'], syntax: cLike },
  { name: 'Scala', extensions: ['.scala'], syntax: cLike },
  { name: 'Swift', extensions: ['.swift'], syntax: { ...cLike, strings: ['"'] } },
  { name: 'C', extensions: ['.c', '.h'], syntax: cLike },
  { name: 'C++', extensions: ['.cc', '.cpp', '.cxx', '.hpp', '.hh', '.hxx'], syntax: cLike },
  { name: 'C#', extensions: ['.cs'], syntax: cLike },
  { name: 'Objective-C', extensions: ['.m', '.mm'], syntax: cLike },
  { name: 'PHP', extensions: ['.php'], syntax: { line: ['//', '#'], block: [['/*', '*/']], strings: ['"', "'"] } },
  { name: 'Dart', extensions: ['.dart'], syntax: cLike },
  { name: 'Lua', extensions: ['.lua'], syntax: { line: ['--'], block: [['--[[', ']]']], strings: ['"', "'"] } },
  { name: 'SQL', extensions: ['.sql'], syntax: { line: ['--'], block: [['/*', '*/']], strings: ["'"] }, type: 'data' },
  { name: 'GraphQL', extensions: ['.graphql', '.gql'], syntax: { line: ['#'], block: [], strings: ['"'] }, type: 'data' },
  { name: 'Protocol Buffers', extensions: ['.proto'], syntax: cLike, type: 'data' },
  { name: 'Dockerfile', extensions: ['.dockerfile'], fileNames: ['Dockerfile', 'Containerfile'], syntax: hashOnly },
  { name: 'Makefile', extensions: ['.mk'], fileNames: ['Makefile', 'GNUmakefile', 'makefile'], syntax: hashOnly },
  { name: 'Handlebars', extensions: ['.hbs', '.handlebars'], syntax: { line: [], block: [['{{!--', '--}}'], ['<!--', '-->']], strings: [] }, type: 'markup' },
  { name: 'Text', extensions: ['.txt'], syntax: noComments, type: 'prose' },
];

const byExtension = new Map<string, Language>();
const byFileName = new Map<string, Language>();
for (const language of languages) {
  for (const extension of language.extensions) byExtension.set(extension, language);
  for (const fileName of language.fileNames ?? []) byFileName.set(fileName, language);
}

/**
 * Whether a path holds code someone has to understand to change it (a programming or markup
 * language): what ownership findings are about. Data, prose and unknown files (lockfiles, .gitignore,
 * README) are not.
 */
export function holdsCode(path: string): boolean {
  const language = languageOf(path);
  return language !== undefined && (language.type === undefined || language.type === 'markup');
}

/** The language of a repository path (forward slashes), or undefined when Steward does not know it. */
export function languageOf(path: string): Language | undefined {
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const named = byFileName.get(fileName);
  if (named) return named;
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return byExtension.get(fileName.slice(dot).toLowerCase());
}
