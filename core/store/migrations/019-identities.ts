export const identities = {
  version: 19,
  name: "the user's identity map (merged authors, bot and person marks) and people and bots apart in snapshots",
  sql: /* sql */ `
    -- One Steward-wide map (not per repository): an email is one person in every repository, and a
    -- bot is a bot everywhere. Keys are author keys: the lower-cased email after .mailmap, else the name.
    CREATE TABLE identity_merges (
      alias TEXT PRIMARY KEY,
      -- The key the alias counts as; never itself an alias (merging repoints the aliases of an alias).
      person TEXT NOT NULL,
      merged_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- What the user says an author is, over what its name and email suggest.
    CREATE TABLE identity_marks (
      author TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('bot', 'person')),
      marked_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- Contributors are identities after .mailmap; person and bot say how the scan counted them
    -- (NULL person: scanned before identities were resolved, each identity then counted as one).
    ALTER TABLE snapshot_contributors ADD COLUMN person TEXT;
    ALTER TABLE snapshot_contributors ADD COLUMN bot INTEGER NOT NULL DEFAULT 0 CHECK (bot IN (0, 1));

    -- [{ author, name, commits, added, deleted, firstCommit, lastCommit }] of bots; NULL before bots were set apart.
    ALTER TABLE snapshot_history ADD COLUMN bots TEXT CHECK (bots IS NULL OR json_valid(bots));
  `,
};
