export const codeEngine = {
  version: 2,
  name: 'code engine',
  sql: /* sql */ `
    -- Facts of one file's content, shared by every snapshot, branch and past commit that has it.
    CREATE TABLE file_facts (
      blob_sha TEXT NOT NULL,
      -- The same content parses differently as .ts, .tsx and .js.
      script_kind TEXT NOT NULL,
      engine_version TEXT NOT NULL,
      -- Either the facts (JSON) or why the file was left out (generated, minified, …).
      facts TEXT CHECK (facts IS NULL OR json_valid(facts)),
      excluded_reason TEXT,
      CHECK ((facts IS NULL) <> (excluded_reason IS NULL)),
      PRIMARY KEY (blob_sha, script_kind, engine_version)
    ) WITHOUT ROWID;

    -- Discovery and resolved imports of a project layout, keyed by a hash of what they depend on.
    CREATE TABLE project_contexts (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      used_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    -- One row per snapshot that ran the code engine: the thresholds its complexity counts used.
    CREATE TABLE snapshot_code (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      cognitive_threshold INTEGER NOT NULL,
      cyclomatic_threshold INTEGER NOT NULL
    );

    -- Code files the scan left out or could not parse, with the reason.
    CREATE TABLE snapshot_code_issues (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('excluded', 'parse-error')),
      line INTEGER,
      message TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, path, kind)
    ) WITHOUT ROWID;

    -- The most complex functions of a snapshot (every one over a threshold, and the worst few hundred).
    CREATE TABLE snapshot_functions (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      line INTEGER NOT NULL,
      column_number INTEGER NOT NULL,
      end_line INTEGER NOT NULL,
      name TEXT NOT NULL,
      kind TEXT NOT NULL,
      parameters INTEGER NOT NULL,
      cyclomatic INTEGER NOT NULL,
      cognitive INTEGER NOT NULL,
      max_nesting INTEGER NOT NULL,
      PRIMARY KEY (snapshot_id, path, line, column_number)
    ) WITHOUT ROWID;

    -- Complexity rolled up per file and per folder ('' is the repository root).
    CREATE TABLE snapshot_complexity (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      scope TEXT NOT NULL CHECK (scope IN ('file', 'folder')),
      path TEXT NOT NULL,
      files INTEGER NOT NULL,
      functions INTEGER NOT NULL,
      lines_of_code INTEGER NOT NULL,
      cyclomatic_sum INTEGER NOT NULL,
      cyclomatic_max INTEGER NOT NULL,
      cognitive_sum INTEGER NOT NULL,
      cognitive_max INTEGER NOT NULL,
      cognitive_p90 REAL NOT NULL,
      over_threshold INTEGER NOT NULL,
      maintainability REAL,
      PRIMARY KEY (snapshot_id, scope, path)
    ) WITHOUT ROWID;

    CREATE TABLE snapshot_deprecated_uses (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      line INTEGER NOT NULL,
      symbol TEXT NOT NULL,
      -- The file that declares it, or the package for an installed dependency.
      declared_in TEXT NOT NULL,
      message TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, path, line, symbol, declared_in)
    ) WITHOUT ROWID;

    CREATE TABLE snapshot_import_cycles (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      cycle INTEGER NOT NULL,
      -- The cycle's import edges: [{ from, to, line }].
      edges TEXT NOT NULL CHECK (json_type(edges) = 'array'),
      PRIMARY KEY (snapshot_id, cycle)
    ) WITHOUT ROWID;

    CREATE TABLE snapshot_boundary_violations (
      snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      line INTEGER NOT NULL,
      specifier TEXT NOT NULL,
      target TEXT NOT NULL,
      rule TEXT NOT NULL,
      PRIMARY KEY (snapshot_id, path, line, specifier)
    ) WITHOUT ROWID;
  `,
};
