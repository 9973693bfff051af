export const generatedFileFacts = {
  version: 13,
  name: 'facts of files a generator wrote, kept beside the reason they are not counted as code',
  sql: /* sql */ `
    -- A file with a generator's header has both: its facts (its imports are uses) and why its code is
    -- not the team's. A row still needs one of them. SQLite cannot change a CHECK: the table is rebuilt.
    CREATE TABLE file_facts_new (
      blob_sha TEXT NOT NULL,
      script_kind TEXT NOT NULL,
      engine_version TEXT NOT NULL,
      facts TEXT CHECK (facts IS NULL OR json_valid(facts)),
      excluded_reason TEXT,
      CHECK (facts IS NOT NULL OR excluded_reason IS NOT NULL),
      PRIMARY KEY (blob_sha, script_kind, engine_version)
    ) WITHOUT ROWID;
    INSERT INTO file_facts_new (blob_sha, script_kind, engine_version, facts, excluded_reason)
      SELECT blob_sha, script_kind, engine_version, facts, excluded_reason FROM file_facts;
    DROP TABLE file_facts;
    ALTER TABLE file_facts_new RENAME TO file_facts;
  `,
};
