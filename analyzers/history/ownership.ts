import { foldersOf } from '../discover/repo-paths.js';
import { holdsCode } from '../languages/language-table.js';
import type { CommitRecord } from './commit-record.js';
import { authorKey, monthsBefore } from './history-window.js';

interface AuthorShare {
  author: string;
  name: string;
  added: number;
  /** 0…1 of the file's added lines. */
  share: number;
}

export interface FileOwnership {
  path: string;
  /** The author with the most added lines (code-maat `main-dev`). */
  mainDeveloper: AuthorShare;
  /** 1 − Σ share² over authors' added lines: 0 for one author, towards 1 for many equal ones. */
  fragmentation: number;
  authors: number;
  /** A file of code (see `holdsCode`) where one still-active author wrote ≥ 95 % of the lines: if they leave, the knowledge goes with them. */
  knowledgeIsland: boolean;
  /** A file of code where every main developer (any author with ≥ 20 % of the lines) has been inactive for 6 months. */
  ownersInactive: boolean;
}

interface OwnershipOptions {
  islandShare: number;
  ownerShare: number;
  /** An author is active who committed in this many months before `asOf`. */
  activeMonths: number;
}

const defaultOwnershipOptions: OwnershipOptions = { islandShare: 0.95, ownerShare: 0.2, activeMonths: 6 };

/**
 * Who wrote each file, by added lines over the whole history (shares of added lines throughout,
 * where code-maat's fragmentation counts commits). Files with no added lines (binary, only deletions)
 * have no owner and are left out.
 */
export function ownershipByFile({ addedByFile, names, active }: AuthorTally, options: OwnershipOptions = defaultOwnershipOptions): FileOwnership[] {
  const result: FileOwnership[] = [];
  for (const [path, byAuthor] of addedByFile) {
    const shares = authorShares(byAuthor, names);
    if (shares.length === 0) continue;
    const main = shares[0]!;
    const code = holdsCode(path);
    const owners = shares.filter((share) => share.share >= options.ownerShare || share === main);
    result.push({
      path,
      mainDeveloper: main,
      fragmentation: fragmentationOf(shares),
      authors: byAuthor.size,
      knowledgeIsland: code && main.share >= options.islandShare && active.has(main.author),
      ownersInactive: code && owners.every((owner) => !active.has(owner.author)),
    });
  }
  return result.sort((a, b) => a.path.localeCompare(b.path));
}

export interface FolderOwnership {
  folder: string;
  mainDeveloper: AuthorShare;
  fragmentation: number;
  authors: number;
  files: number;
  knowledgeIslands: number;
  filesWithOwnersInactive: number;
}

/** Ownership per folder (everything below it): the folder's lines by author, and how many of its files are islands or orphaned. */
export function ownershipByFolder({ addedByFile, names }: AuthorTally, files: readonly FileOwnership[]): FolderOwnership[] {
  const folders = new Map<string, { added: Map<string, number>; files: FileOwnership[] }>();
  for (const file of files) {
    for (const folder of foldersOf(file.path)) {
      let entry = folders.get(folder);
      if (!entry) folders.set(folder, (entry = { added: new Map(), files: [] }));
      entry.files.push(file);
      for (const [author, added] of addedByFile.get(file.path) ?? []) entry.added.set(author, (entry.added.get(author) ?? 0) + added);
    }
  }
  return [...folders]
    .map(([folder, entry]) => {
      const shares = authorShares(entry.added, names);
      return {
        folder,
        mainDeveloper: shares[0]!,
        fragmentation: fragmentationOf(shares),
        authors: entry.added.size,
        files: entry.files.length,
        knowledgeIslands: entry.files.filter((file) => file.knowledgeIsland).length,
        filesWithOwnersInactive: entry.files.filter((file) => file.ownersInactive).length,
      };
    })
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** Added lines per file and author, authors' display names, and who was active in the months before `asOf`. */
interface AuthorTally {
  addedByFile: ReadonlyMap<string, ReadonlyMap<string, number>>;
  names: ReadonlyMap<string, string>;
  active: ReadonlySet<string>;
}

/** One pass over the history for both ownership analyses; bots own nothing, so their commits are left out. */
export function tallyAuthors(commits: readonly CommitRecord[], asOf: Date, options: OwnershipOptions = defaultOwnershipOptions): AuthorTally {
  const activeSince = monthsBefore(asOf, options.activeMonths).getTime();
  const active = new Set<string>();
  const names = new Map<string, string>();
  const addedByFile = new Map<string, Map<string, number>>();
  for (const commit of commits) {
    if (commit.bot) continue;
    const author = authorKey(commit);
    if (!names.has(author)) names.set(author, commit.authorName);
    const time = Date.parse(commit.authorDate);
    if (time >= activeSince) active.add(author);
    for (const change of commit.files) {
      let byAuthor = addedByFile.get(change.path);
      if (!byAuthor) addedByFile.set(change.path, (byAuthor = new Map()));
      byAuthor.set(author, (byAuthor.get(author) ?? 0) + change.added);
    }
  }
  return { addedByFile, names, active };
}

/** Authors by added lines, most first (ties by name); empty when nothing was added. */
function authorShares(addedByAuthor: ReadonlyMap<string, number>, names: ReadonlyMap<string, string>): AuthorShare[] {
  const total = [...addedByAuthor.values()].reduce((sum, added) => sum + added, 0);
  if (total === 0) return [];
  return [...addedByAuthor]
    .map(([author, added]) => ({ author, name: names.get(author) ?? author, added, share: added / total }))
    .sort((a, b) => b.added - a.added || a.name.localeCompare(b.name));
}

function fragmentationOf(shares: readonly AuthorShare[]): number {
  return 1 - shares.reduce((sum, { share }) => sum + share * share, 0);
}
