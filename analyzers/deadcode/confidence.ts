import { groupBy } from '../collections/group-by.js';
import type { Workspace } from '../discover/workspaces.js';
import type { FileMention } from './file-mentions.js';
import type { Confidence, DeadCodeFinding, EntryDoubts, EntryFlood, MissedEntries, UnjudgedFinding as Unjudged } from './dead-code.js';

interface ConfidenceInput {
  workspaces: readonly Pick<Workspace, 'dir' | 'name'>[];
  /** Every code file. */
  files: readonly string[];
  workspaceOf: (path: string) => string;
  /** Files in use: reached from an entry, or possibly loaded by a non-literal import. */
  live: ReadonlySet<string>;
  entries: readonly { path: string; reason: string }[];
  /** The import graph, both ways: the files each file imports, and those importing it (findReachableFiles'). */
  targets: ReadonlyMap<string, ReadonlySet<string>>;
  importers: ReadonlyMap<string, readonly string[]>;
  /** Packages with a config naming entries Steward could not read, and that setting. */
  unreadableEntries: readonly { workspaceDir: string; origin: string }[];
  /** Published packages without an `exports` map, whose every file its users may import. */
  openPackages: readonly { workspaceDir: string; name: string }[];
}

/**
 * Below this share of a package's files reached from its entries, Steward has most likely missed how
 * the package starts (a test runner, a bundler config, a tool it does not know), and its unused-file
 * findings are not to be acted on.
 */
const reachedShareGuard = 0.5;
/** At or above this share of a package's files being entries (with at least `floodMinimum` files), nothing in it can be found unused. */
const entryShareFlood = 0.8;
const floodMinimum = 20;
/** Likely entry points listed per package. */
const likelyEntriesShown = 10;

/** Paths of tests and test helpers: reached only through a runner's globs. */
const testLike = /(^|\/)(__tests__|__mocks__|tests?|spec|specs|e2e|cypress|playwright)\/|\.(test|spec|tst|e2e|bench)\.[cm]?[jt]sx?$/;
/** Programs and material run or copied by path: examples, scripts, benchmarks, executables, docs. */
const runByPath = /(^|\/)(examples?|samples?|demos?|scripts?|bin|benchmarks?|bench|playground|docs?|tools)\//;

/**
 * How sure each finding is, and the doubts about the entries behind them: packages whose entries
 * reach less than half their files (Steward missed how they start: unused-file findings there are
 * low confidence, and the files most likely to be the missing entries are listed) and packages where
 * nearly every file is an entry (nothing in them can be found unused: said, not silently skipped).
 */
export function judgeConfidence(findings: readonly Unjudged[], input: ConfidenceInput): { findings: DeadCodeFinding[]; doubts: EntryDoubts } {
  const missed = missedEntries(input);
  const flooded = entryFloods(input);
  const missedByWorkspace = new Map(missed.map((doubt) => [doubt.workspace, doubt]));
  const unreadable = new Map(input.unreadableEntries.map(({ workspaceDir, origin }) => [workspaceDir, origin]));
  const open = new Map(input.openPackages.map(({ workspaceDir, name }) => [workspaceDir, name]));
  const judged = findings.map((finding): DeadCodeFinding => ({
    ...finding,
    ...confidenceOf(finding, { missed: missedByWorkspace.get(finding.workspace), unreadableEntry: unreadable.get(finding.workspace), openPackage: open.get(finding.workspace) }),
  }));
  return { findings: judged, doubts: { missedEntries: missed, entryFloods: flooded } };
}

/**
 * Unused files Steward was sure of whose name another text writes (a manifest, a Dockerfile, a
 * workflow, a build script, a document): something may load them by that path, which imports do not
 * show, so they are medium, with that place as the reason.
 */
export function doubtNamedFiles(findings: readonly DeadCodeFinding[], mentions: ReadonlyMap<string, FileMention>): DeadCodeFinding[] {
  return findings.map((finding) => {
    const mention = finding.kind === 'file' && finding.confidence === 'high' ? mentions.get(finding.path) : undefined;
    if (!mention) return finding;
    return {
      ...finding,
      confidence: 'medium',
      confidenceReason: `Nothing imports it, but ${mention.path}:${mention.line} names it (${mention.name}): a tool, a config or a page may load it by that path.`,
    };
  });
}

/** What Steward doubts about the package of a finding. */
interface PackageDoubts {
  missed: MissedEntries | undefined;
  /** The setting naming entries computed at run time. */
  unreadableEntry: string | undefined;
  /** The package's name, when it is published without an `exports` map. */
  openPackage: string | undefined;
}

function confidenceOf(finding: Unjudged, { missed, unreadableEntry, openPackage }: PackageDoubts): { confidence: Confidence; confidenceReason: string } {
  const judged = (confidence: Confidence, confidenceReason: string) => ({ confidence, confidenceReason });
  const deepImport = `${openPackage} is published without an "exports" map, so its users can import any of its files directly (${openPackage}/dist/…): nothing in the repository uses this one, but a user may.`;
  switch (finding.kind) {
    case 'file':
      if (missed) {
        return judged(
          'low',
          `Only ${missed.reachable} of the ${missed.files} code files of ${missed.label} are reached from the ${missed.entries} entries Steward found: it has most likely missed how this package starts (the likely entry points are listed; name the right ones in steward.config.json deadCode.entry).`,
        );
      }
      if (testLike.test(finding.path)) return judged('medium', 'Named like a test or test helper, and no test runner Steward knows runs it: check the runner’s configuration before deleting.');
      if (runByPath.test(finding.path)) return judged('medium', 'An example, script, benchmark or program: something outside the code (a README, a command) may run it by path.');
      if (unreadableEntry) return judged('medium', `Steward could not read all of ${unreadableEntry} (computed when the tool runs, or not readable without running it), so it cannot tell which files the tool starts from; it may start from this one.`);
      if (openPackage) return judged('medium', deepImport);
      return judged('high', 'Nothing imports it and no entry reaches it, in a package whose entries reach most of its files.');
    case 'export':
    case 'type':
    case 'enum-member':
      if (missed) {
        return judged('medium', `Steward has most likely missed how ${missed.label} starts (only ${missed.reachable} of its ${missed.files} code files are reached): the code that asks for it may be among the files it could not reach.`);
      }
      if (openPackage && !testLike.test(finding.path) && !runByPath.test(finding.path)) return judged('medium', deepImport);
      return judged('high', 'No file in use asks for it, through re-export chains and namespaces; its file is in use.');
    case 'dependency':
    case 'dev-dependency':
      return judged('medium', 'No import, script, config or peer requirement names it; a package loaded by name at run time would look the same.');
    case 'misplaced-dependency':
      return judged('medium', 'Imported by files in use of another package that does not list it, and named by nothing in the package that does; a package loaded by name at run time would look the same.');
    case 'unlisted-dependency':
      return judged('high', 'Imported by files in use, and absent from every dependency list of the workspace and the root.');
    case 'unresolved-import':
      return judged('medium', 'The import resolves to no tracked file or package; generated or build-time files would look the same.');
  }
}

/** Packages whose entries reach less than half their code files, with the files most likely to be their real entries. */
function missedEntries({ workspaces, files, workspaceOf, live, entries, targets, importers }: ConfidenceInput): MissedEntries[] {
  const byWorkspace = groupBy(files, workspaceOf);
  const entriesOf = groupBy(
    entries.map((entry) => entry.path),
    workspaceOf,
  );
  const result: MissedEntries[] = [];
  for (const workspace of workspaces) {
    const own = byWorkspace.get(workspace.dir) ?? [];
    const unreached = own.filter((path) => !live.has(path));
    const reachable = own.length - unreached.length;
    if (unreached.length === 0 || reachable >= own.length * reachedShareGuard) continue;
    const unreachedSet = new Set(unreached);
    // Roots of what is not reached: files nothing imports, ranked by how much unreached code each pulls in.
    const roots = unreached
      .filter((path) => (importers.get(path) ?? []).length === 0)
      .map((path) => ({ path, pulls: reachedFrom(path, targets, unreachedSet) - 1 }))
      .sort((a, b) => hint(b.path) - hint(a.path) || b.pulls - a.pulls || a.path.localeCompare(b.path));
    result.push({
      workspace: workspace.dir,
      label: workspace.name ?? (workspace.dir || 'the repository'),
      files: own.length,
      reachable,
      entries: (entriesOf.get(workspace.dir) ?? []).length,
      likelyEntries: roots.slice(0, likelyEntriesShown).map(({ path, pulls }) => ({ path, why: whyLikely(path, pulls) })),
    });
  }
  return result;
}

/**
 * Entries by nature rather than by a pattern that may be too wide: tests, test data, documents and
 * declaration files. A package made mostly of them is not flooded.
 */
const naturalEntry = /^(\S+ folder \(|fixtures folder|MDX document|component document|HTML page|declaration file|test file|type test|written by a generator)/;

/** Packages where nearly every file of code (tests, test data and documents aside) is an entry, and the entry reason that made most of them. */
function entryFloods({ workspaces, files, workspaceOf, entries }: ConfidenceInput): EntryFlood[] {
  const natural = new Set(entries.filter((entry) => naturalEntry.test(entry.reason)).map((entry) => entry.path));
  const counted = (path: string): boolean => !natural.has(path) && !testLike.test(path);
  const byWorkspace = groupBy(files.filter(counted), workspaceOf);
  const result: EntryFlood[] = [];
  for (const workspace of workspaces) {
    const own = byWorkspace.get(workspace.dir) ?? [];
    const ownEntries = entries.filter((entry) => counted(entry.path) && workspaceOf(entry.path) === workspace.dir);
    if (own.length < floodMinimum || ownEntries.length < own.length * entryShareFlood) continue;
    const reasons = groupBy(ownEntries, (entry) => entry.reason.replace(/ \(.*\)$/, ''));
    const [cause, made] = [...reasons].sort((a, b) => b[1].length - a[1].length)[0]!;
    result.push({ workspace: workspace.dir, label: workspace.name ?? (workspace.dir || 'the repository'), files: own.length, entries: ownEntries.length, cause, causeEntries: made.length });
  }
  return result;
}

/** How many unreached files a root leads to, itself included. */
function reachedFrom(root: string, targets: ReadonlyMap<string, ReadonlySet<string>>, within: ReadonlySet<string>): number {
  const seen = new Set<string>([root]);
  const queue = [root];
  while (queue.length > 0) {
    for (const next of targets.get(queue.pop()!) ?? []) {
      if (within.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.size;
}

/** Names that start programs rank first: tests, executables, index/main/server/app/cli files. */
function hint(path: string): number {
  if (testLike.test(path)) return 2;
  if (/(^|\/)bin\/|(^|\/)(index|main|server|app|cli)\.[cm]?[jt]sx?$/.test(path)) return 1;
  return 0;
}

function whyLikely(path: string, pulls: number): string {
  const leads = pulls > 0 ? `; it leads to ${pulls} other unreached file${pulls === 1 ? '' : 's'}` : '';
  if (testLike.test(path)) return `named like a test: a test runner Steward does not know may run it${leads}`;
  if (hint(path) === 1) return `named like a program's start${leads}`;
  return `nothing imports it${leads}`;
}
