import { isObject } from '../discover/package-json.js';
import { joinPath } from '../discover/repo-paths.js';
import { type EntryContext, type WorkspaceInfo } from './entry-context.js';
import { findSourceOf } from './package-entries.js';
import { defaultConfigFlags, preloadFlags, splitOption } from './tools/command-args.js';
import { toolOfBinary } from './tools/registry.js';
import { addModule } from './tools/run-targets.js';

/** Where a command line comes from, and what its findings are attributed to. */
interface CommandSource {
  workspace: WorkspaceInfo;
  /** Repo-relative folder the command runs in. */
  cwd: string;
  /** Starts each reason: `script "build"`, `.github/workflows/ci.yml run`. */
  origin: string;
  /** The ScriptBinary `script`: the script name, or the workflow file. */
  script: string;
  production: boolean;
}

/** One simple command of a line, split into words, with its text as written (for reasons). */
interface Command {
  words: string[];
  text: string;
}

/** Commands that come with the system or the package manager, not from a dependency. */
const systemCommands = new Set(
  (
    'node npm npx pnpm pnpx yarn bun bunx deno corepack cd echo rm cp mv mkdir rmdir touch cat ls ln chmod chown exit true false test ' +
    'export set unset sh bash zsh source . printf sleep wait kill grep sed awk curl wget tee xargs find git docker make if fi for while ' +
    'until done case esac open eval read pwd date tar zip unzip python python3 pip head tail sort tr cut wc diff cmd powershell pwsh ' +
    'call trap shift return local which command type sudo'
  ).split(' '),
);

/** Commands that run the file named after them (and, except the runtimes, are packages themselves). */
const fileRunners = new Set(['node', 'bun', 'deno', 'tsx', 'ts-node', 'ts-node-esm', 'ts-node-dev', 'tsnd', 'esno', 'vite-node', 'babel-node', 'nodemon', 'electron']);

/** Bundlers that take their entry files as arguments (`tsup src/index.ts`, `esbuild src/app.ts --bundle`). */
const bundlers = new Set(['tsup', 'tsdown', 'esbuild', 'ncc', 'microbundle', 'parcel']);

/** Flags whose value is code to run. */
const evalFlags = new Set(['-e', '--eval', '-p', '--print']);

/** Words that only prefix the real command. */
const transparentWords = new Set(['env', 'cross-env', 'cross-env-shell', 'time', 'nohup', 'exec', 'then', 'do', 'else', '!']);

/** Package-manager words after which the next word is the binary to run. */
const packageRunners = new Set(['npx', 'bunx', 'pnpx', 'pnpm exec', 'pnpm dlx', 'yarn exec', 'yarn dlx', 'npm exec', 'npm x']);

/** Subcommands of yarn and pnpm; any other word after them is a script or, failing that, a binary. */
const packageManagerCommands = new Set(
  'run run-script install i add remove rm test t start publish pack link unlink why audit outdated update upgrade up init create info view list ls config cache workspace workspaces recursive import rebuild prune store patch version login logout'.split(
    ' ',
  ),
);

/** Coverage tools that run the command after their options (`nyc --reporter=lcov mocha`, `c8 node --test`). */
const coverageWrappers = new Set(['nyc', 'c8']);
/** Their options that take no value; every other option is followed by one unless written `--x=y`. */
const coverageSwitches = new Set(['-a', '--all', '--clean', '--no-clean', '--silent', '-s', '--cache', '--check-coverage', '--skip-full', '--skip-empty', '--per-file', '--produce-source-map', '--show-process-tree', '--hook-require', '--hook-run-in-context', '--hook-run-in-this-context', '--source-map', '--exclude-after-remap', '--exclude-node-modules', '--100']);

/** The command a coverage wrapper runs: what follows its options. */
function afterWrapperOptions(args: readonly string[]): string[] {
  let index = 0;
  while (index < args.length && args[index]!.startsWith('-')) {
    const word = args[index]!;
    index += word.includes('=') || coverageSwitches.has(word) ? 1 : 2;
  }
  return args.slice(index);
}

const serverTestBinaries = new Set(['start-server-and-test', 'start-test', 'server-test']);

/** concurrently's options that take a value; its other arguments are commands. */
const concurrentlyValueFlags = new Set(['-n', '--names', '-c', '--prefix-colors', '-p', '--prefix', '-s', '--success', '-m', '--max-processes', '-l', '--prefix-length', '-t', '--timestamp-format', '--restart-tries', '--restart-after', '--default-input-target']);

/** Every package.json script, run in the package folder; only `start` runs production code. */
export function addScriptEntries(context: EntryContext, workspace: WorkspaceInfo): void {
  for (const { name, line, origin } of commandsOf(context, workspace)) {
    addCommandLine(context, line, { workspace, cwd: workspace.dir, origin, script: name, production: name === 'start' });
  }
}

/**
 * Command lines a package runs: package.json `scripts`, Prisma's `prisma.seed`, the `tasks` of a
 * deno.json or deno.jsonc beside it, and its git hooks: `.husky/*` files, husky 4's `husky.hooks`,
 * `simple-git-hooks`, and the commands lint-staged runs (package.json `lint-staged`, .lintstagedrc).
 */
function commandsOf(context: EntryContext, workspace: WorkspaceInfo): { name: string; line: string; origin: string }[] {
  const commands: { name: string; line: string; origin: string }[] = [];
  const add = (source: unknown, origin: (name: string) => string): void => {
    if (!isObject(source)) return;
    for (const [name, value] of Object.entries(source)) {
      for (const line of typeof value === 'string' ? [value] : Array.isArray(value) ? value : []) if (typeof line === 'string') commands.push({ name, line, origin: origin(name) });
    }
  };
  const manifest = workspace.packageJson;
  add(manifest?.['scripts'], (name) => `script "${name}"`);
  const prisma = manifest?.['prisma'];
  if (isObject(prisma)) add({ seed: prisma['seed'] }, () => 'package.json "prisma.seed"');
  for (const file of ['deno.json', 'deno.jsonc']) {
    const path = joinPath(workspace.dir, file);
    if (!context.tracked.has(path)) continue;
    const deno = context.readConfig(path);
    if (isObject(deno)) add(deno['tasks'], (name) => `${path} task "${name}"`);
  }
  const husky = manifest?.['husky'];
  if (isObject(husky)) {
    add(husky['hooks'], (name) => `package.json "husky.hooks.${name}"`);
    context.addPackage(workspace.dir, 'husky', 'package.json "husky" (git hooks husky installs)');
  }
  add(manifest?.['simple-git-hooks'], (name) => `package.json "simple-git-hooks.${name}"`);
  add(manifest?.['lint-staged'], (glob) => `package.json "lint-staged" "${glob}"`);
  for (const file of ['.lintstagedrc', '.lintstagedrc.json']) {
    const path = joinPath(workspace.dir, file);
    if (context.tracked.has(path)) add(context.readConfig(path), (glob) => `${path} "${glob}"`);
  }
  for (const path of gitHooksOf(context, workspace)) {
    const text = context.tree.readFile(path) ?? '';
    commands.push({ name: path, line: text.replace(/^[^\S\n]*#.*$/gm, ''), origin: path });
  }
  return commands;
}

/** The hooks husky installs from the `.husky` folder of a package (its `_/` folder is husky's own). */
function gitHooksOf(context: EntryContext, workspace: WorkspaceInfo): string[] {
  const folder = joinPath(workspace.dir, '.husky');
  const hooks = context.tree.paths.filter((path) => path.startsWith(`${folder}/`) && !path.slice(folder.length + 1).includes('/'));
  if (hooks.length > 0) context.addPackage(workspace.dir, 'husky', `${folder}/ (git hooks husky installs)`);
  return hooks;
}

/**
 * Each `run:` of each GitHub Actions job step (and of each step of the repository's own composite
 * actions, .github/actions/<name>/action.yml), in its working-directory (step, job or workflow default).
 */
export function addWorkflowEntries(context: EntryContext, workspaces: readonly WorkspaceInfo[]): void {
  const files = context.tree.paths.filter((path) => /^\.github\/(?:workflows\/[^/]+|actions\/.+\/action)\.ya?ml$/.test(path)).sort();
  for (const path of files) {
    const workflow = context.readConfig(path);
    if (!isObject(workflow)) continue;
    const workflowDir = workingDirectory(workflow['defaults']);
    const jobs = isObject(workflow['jobs']) ? Object.values(workflow['jobs']) : isObject(workflow['runs']) ? [workflow['runs']] : [];
    for (const job of jobs) {
      if (!isObject(job) || !Array.isArray(job['steps'])) continue;
      const jobDir = workingDirectory(job['defaults']) ?? workflowDir;
      for (const step of job['steps']) {
        if (!isObject(step) || typeof step['run'] !== 'string') continue;
        const stepDir = step['working-directory'];
        const cwd = joinPath('', plainPath(stepDir) ?? jobDir ?? '');
        const workspace = context.workspaceOf(workspaces, cwd) ?? workspaces[0]!;
        addCommandLine(context, step['run'], { workspace, cwd, origin: `${path} run`, script: path, production: false });
      }
    }
  }
}

function workingDirectory(defaults: unknown): string | undefined {
  return isObject(defaults) && isObject(defaults['run']) ? plainPath(defaults['run']['working-directory']) : undefined;
}

/** A folder written without `${{ … }}` expressions, which only the runner can evaluate. */
function plainPath(value: unknown): string | undefined {
  return typeof value === 'string' && !value.includes('${{') ? value : undefined;
}

/** The commands of a line, each from the folder the `cd`s before it moved to. */
function addCommandLine(context: EntryContext, line: string, source: CommandSource): void {
  let current = source;
  for (const command of splitCommands(line)) {
    const [first, target, ...rest] = command.words;
    if (first === 'cd' && target !== undefined && rest.length === 0 && !/[$`~]/.test(target) && target !== '-') current = { ...current, cwd: joinPath(current.cwd, target) };
    else addCommand(context, command, current);
  }
}

function addCommand(context: EntryContext, command: Command, source: CommandSource): void {
  const words = skipPrefixes(context, command.words, source);
  const [first, ...args] = words;
  if (first === undefined) return;
  const reason = `${source.origin}: ${command.text}`;
  addInstalledPaths(context, words, source, reason);
  if (first.includes('/') && !first.startsWith('@') && !installedBinary.test(first)) {
    // An executable script run by its path (with a shebang).
    const file = runFile(context, source, first);
    if (file) context.addEntry(file, reason, source.production);
    return;
  }
  const binary = binaryName(first);
  if (binary === null) return;
  addNamedFiles(context, args, source, reason);
  if (!systemCommands.has(binary)) context.addBinary(source.workspace.dir, binary, source.script);
  if (fileRunners.has(binary)) addRunFile(context, args, source, reason);
  if (bundlers.has(binary)) addBundledFiles(context, args, source, reason);
  if (binary === 'concurrently') for (const inner of concurrentCommands(args)) addCommandLine(context, inner, source);
  // start-server-and-test takes script names, ports and URLs, and whole commands quoted ('tsx src/server.ts').
  if (serverTestBinaries.has(binary)) for (const inner of args.filter((arg) => arg.includes(' '))) addCommandLine(context, inner, source);
  if (coverageWrappers.has(binary)) addCommand(context, { words: afterWrapperOptions(args), text: command.text }, source);
  const tool = toolOfBinary(binary);
  if (tool) recordToolUse(source, tool, binary, args);
}

/**
 * A code file a command names as an argument is used by it, whatever the command: `tsc test/types.ts`
 * type-checks it, `ncp scripts/mock.js src/aws-exports.js` copies it into place.
 */
function addNamedFiles(context: EntryContext, args: readonly string[], source: CommandSource, reason: string): void {
  for (const [index, arg] of args.entries()) {
    const [flag, inline] = splitOption(arg);
    const written = inline ?? flag;
    // A config named with --config is the tool's, and says so in its own reason.
    const isConfig = defaultConfigFlags.includes(inline === undefined ? (args[index - 1] ?? '') : flag);
    if (isConfig || written.startsWith('-') || !/\.[cm]?[jt]sx?$/.test(written)) continue;
    const file = context.findCodeFile(joinPath(source.cwd, written));
    if (file) context.addEntry(file, reason, source.production);
  }
}

/** `node ../../node_modules/typescript56/lib/tsc.js` uses the package typescript56, wherever it is installed. */
function addInstalledPaths(context: EntryContext, words: readonly string[], source: CommandSource, reason: string): void {
  for (const word of words) {
    const match = /(?:^|\/)node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/.exec(word);
    if (match && match[1] !== '.bin') context.addPackage(source.workspace.dir, match[1]!, reason);
  }
}

/** Drops env assignments, cross-env, dotenv, npx and the like, recording those that are packages. */
function skipPrefixes(context: EntryContext, words: readonly string[], source: CommandSource): string[] {
  let rest = [...words];
  for (;;) {
    const [word, next] = rest;
    if (word === undefined) return rest;
    if (/^[A-Za-z_]\w*=/.test(word) || transparentWords.has(word)) {
      if (word.startsWith('cross-env')) context.addBinary(source.workspace.dir, word, source.script);
      rest = rest.slice(1);
    } else if (word === 'dotenv' || word === 'env-cmd') {
      context.addBinary(source.workspace.dir, word, source.script);
      const separator = rest.indexOf('--');
      rest = separator >= 0 ? rest.slice(separator + 1) : skipFlags(rest.slice(1), ['-e', '-f', '-c', '-v', '--file', '--environments']);
    } else if (packageRunners.has(word) || (next !== undefined && packageRunners.has(`${word} ${next}`))) {
      rest = skipFlags(rest.slice(packageRunners.has(word) ? 1 : 2), ['-p', '--package', '-c', '--call']);
    } else if ((word === 'yarn' || word === 'pnpm') && next !== undefined && runsBinary(next, source)) {
      rest = rest.slice(1);
    } else {
      return rest;
    }
  }
}

/** Drops leading options (and the values of `valueFlags`) and a `--` separator. */
function skipFlags(words: readonly string[], valueFlags: readonly string[]): string[] {
  let index = 0;
  while (index < words.length && words[index]!.startsWith('-')) {
    const word = words[index]!;
    index += valueFlags.includes(word) ? 2 : 1;
    if (word === '--') break;
  }
  return words.slice(index);
}

/** `yarn vitest` and `pnpm tsc` run a binary; `yarn build` runs a script and `pnpm install` is the manager's own. */
function runsBinary(word: string, source: CommandSource): boolean {
  const scripts = source.workspace.packageJson?.['scripts'];
  const isScript = isObject(scripts) && Object.hasOwn(scripts, word);
  return !word.startsWith('-') && !packageManagerCommands.has(word) && !isScript;
}

/** A binary run by its path in node_modules: `node_modules/.bin/tsc`, `./node_modules/.bin/coveralls`, `../../node_modules/.bin/x`. */
const installedBinary = /^(?:\.{1,2}\/)*node_modules\/\.bin\//;

/** `vitest`, `@scope/cli` for `@scope/cli@2`, `tsc` for `node_modules/.bin/tsc`; null for variables and oddities. */
function binaryName(word: string): string | null {
  const name = word.replace(installedBinary, '').replace(/(?<=.)@[^/]*$/, '');
  return /^(?:@[\w.-]+\/)?[\w.-]+$/.test(name) ? name : null;
}

/** The file a runtime runs (the first argument that is a code file) and the modules it preloads. */
function addRunFile(context: EntryContext, args: readonly string[], source: CommandSource, reason: string): void {
  for (let index = 0; index < args.length; index++) {
    const [flag, inline] = splitOption(args[index]!);
    if (preloadFlags.has(flag)) {
      const value = inline ?? args[++index];
      if (value !== undefined) addModule(context, source.workspace, source.cwd, value, reason, source.production);
    } else if (evalFlags.has(flag)) {
      // Inline code (`node -e "require('shelljs').sed(…)"`) uses the packages it requires or imports.
      const code = inline ?? args[++index] ?? '';
      for (const [, specifier] of code.matchAll(/(?:require\s*\(\s*|import\s*\(\s*|from\s+)['"]([^'"]+)['"]/g)) addModule(context, source.workspace, source.cwd, specifier!, reason);
    } else if (!flag.startsWith('-') && flag !== '.') {
      const file = runFile(context, source, flag);
      // A bare word is usually a subcommand (`tsx watch`, `bun test`), but may name a folder (`tsx server`).
      if (file && /[./]/.test(flag)) return context.addEntry(file, reason, source.production);
      if (file) context.addEntry(file, reason, source.production);
    }
  }
}

/** The source of a file a command runs: `node dist/server.js` runs what src/server.ts builds into. */
function runFile(context: EntryContext, source: CommandSource, written: string): string | null {
  return findSourceOf(context, source.workspace.dir, joinPath(source.cwd, written));
}

/** What a bundler is given to bundle ships: every argument that is a code file. */
function addBundledFiles(context: EntryContext, args: readonly string[], source: CommandSource, reason: string): void {
  for (const arg of args) {
    if (arg.startsWith('-') || !/[./]/.test(arg)) continue;
    const file = context.findCodeFile(joinPath(source.cwd, arg));
    if (file) context.addEntry(file, reason, true);
  }
}

function concurrentCommands(args: readonly string[]): string[] {
  const commands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (concurrentlyValueFlags.has(arg)) index++;
    else if (!arg.startsWith('-') && !arg.startsWith('npm:')) commands.push(arg);
  }
  return commands;
}

/** Records a command that starts a tool the registry knows, with its arguments and the folder it runs in. */
function recordToolUse(source: CommandSource, tool: string, binary: string, args: readonly string[]): void {
  const runs = source.workspace.tools.get(tool) ?? [];
  runs.push({ binary, cwd: source.cwd, args, origin: source.origin });
  source.workspace.tools.set(tool, runs);
}

/**
 * Splits a shell line into simple commands at `&&`, `||`, `;`, `|`, `&`, parentheses and newlines,
 * outside quotes. Quotes are removed from words, redirections dropped; nothing is expanded.
 */
function splitCommands(line: string): Command[] {
  const commands: Command[] = [];
  let words: string[] = [];
  let word: string | null = null;
  let start = -1;
  let redirect = false;
  const endWord = (): void => {
    if (word !== null && !redirect) words.push(word);
    if (word !== null) redirect = false;
    word = null;
  };
  const endCommand = (end: number): void => {
    endWord();
    if (words.length > 0) commands.push({ words, text: line.slice(start, end).trim().replace(/\s+/g, ' ') });
    words = [];
    start = -1;
  };
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (start < 0 && !/\s/.test(char)) start = index;
    if (char === "'" || char === '"') {
      const [text, end] = quoted(line, index);
      word = (word ?? '') + text;
      index = end;
    } else if (char === '\\') {
      if (line[index + 1] !== '\n') word = (word ?? '') + (line[index + 1] ?? '');
      index++;
    } else if (char === '\n') {
      endCommand(index);
    } else if (/\s/.test(char)) {
      endWord();
    } else if (';&|()'.includes(char)) {
      endCommand(index);
    } else if (char === '>' || char === '<') {
      // `2>&1`, `> out.log`: the descriptor before and the target after are not arguments.
      if (word !== null && /^\d*$/.test(word)) word = null;
      endWord();
      const duplicate = /^[<>]*&\d*/.exec(line.slice(index + 1));
      index += duplicate ? duplicate[0].length : /^[<>]*/.exec(line.slice(index + 1))![0].length;
      redirect = !duplicate;
    } else {
      word = (word ?? '') + char;
    }
  }
  endCommand(line.length);
  return commands;
}

/** The text of a quoted string starting at `open`, and the index of its closing quote. */
function quoted(line: string, open: number): [text: string, end: number] {
  const quote = line[open]!;
  let text = '';
  let index = open + 1;
  for (; index < line.length && line[index] !== quote; index++) {
    if (quote === '"' && line[index] === '\\' && index + 1 < line.length) index++;
    text += line[index];
  }
  return [text, index];
}
