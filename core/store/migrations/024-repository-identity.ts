export const repositoryIdentity = {
  version: 24,
  name: 'a repository known by its remote or root commit, with a folder per machine: clones in different folders and machines share one history',
  // Dropping path's UNIQUE means rebuilding the table that every other one refers to (foreign keys off).
  foreignKeysOff: true,
  sql: /* sql */ `
    CREATE TABLE repositories_new (
      id INTEGER PRIMARY KEY,
      -- remote:<host>/<path> or root:<sha> (core/git/repository-identity.ts); null until a scan has told.
      identity TEXT UNIQUE,
      -- The folder it was last added or scanned from, on whichever machine (repository_folders has each one's).
      path TEXT NOT NULL,
      name TEXT NOT NULL,
      added_at TEXT NOT NULL,
      -- Removing a repository hides it; adding it again brings its history back.
      removed_at TEXT
    );
    INSERT INTO repositories_new (id, path, name, added_at, removed_at) SELECT id, path, name, added_at, removed_at FROM repositories;
    DROP TABLE repositories;
    ALTER TABLE repositories_new RENAME TO repositories;

    -- Where each machine has the repository (a folder is one repository's on its machine).
    CREATE TABLE repository_folders (
      repository_id INTEGER NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      host TEXT NOT NULL,
      path TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      PRIMARY KEY (host, path)
    );
    CREATE INDEX repository_folders_repository ON repository_folders (repository_id);
  `,
  postgres: /* sql */ `
    ALTER TABLE repositories ADD COLUMN identity TEXT UNIQUE;
    ALTER TABLE repositories DROP CONSTRAINT repositories_path_key;
    CREATE TABLE repository_folders (
      repository_id BIGINT NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
      host TEXT NOT NULL,
      path TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      PRIMARY KEY (host, path)
    );
    CREATE INDEX repository_folders_repository ON repository_folders (repository_id);
  `,
};
