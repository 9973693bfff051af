export const dependencies = {
  version: 5,
  name: 'dependency intelligence',
  sql: /* sql */ `
    -- Package metadata from registries, reduced to what Steward reads, kept between runs and revalidated
    -- with the registry's validators once it is older than the freshness window. representation names
    -- the document asked for ('full': the packument with publish times). A 404 is kept too (metadata NULL).
    CREATE TABLE registry_documents (
      registry TEXT NOT NULL,
      name TEXT NOT NULL,
      representation TEXT NOT NULL,
      status INTEGER NOT NULL CHECK (status IN (200, 404)),
      etag TEXT,
      last_modified TEXT,
      -- When the registry last answered for it (200 or 304), and a hash of the metadata (changes mean new releases).
      fetched_at TEXT NOT NULL,
      metadata_hash TEXT,
      metadata TEXT CHECK (metadata IS NULL OR json_valid(metadata)),
      PRIMARY KEY (registry, name, representation)
    ) WITHOUT ROWID;

    -- npm-check-updates' upgrade targets for one installed version, valid while the metadata hash holds.
    CREATE TABLE upgrade_targets (
      registry TEXT NOT NULL,
      name TEXT NOT NULL,
      installed TEXT NOT NULL,
      cooldown_days INTEGER NOT NULL,
      metadata_hash TEXT NOT NULL,
      -- { latest, minor, patch }: versions, null where there is nothing newer.
      targets TEXT NOT NULL CHECK (json_valid(targets)),
      computed_at TEXT NOT NULL,
      PRIMARY KEY (registry, name, installed, cooldown_days)
    ) WITHOUT ROWID;

    -- Advisory sources' answers for one installed tree (request_hash: the package versions asked about),
    -- reused while fresh and served offline.
    CREATE TABLE advisory_answers (
      source TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      fetched_at TEXT NOT NULL,
      -- [{ id, package, severity, title, url, vulnerableVersions }]
      advisories TEXT NOT NULL CHECK (json_valid(advisories)),
      PRIMARY KEY (source, request_hash)
    ) WITHOUT ROWID;

    -- One row per snapshot that checked its dependencies: when, against what, and how trustworthy.
    CREATE TABLE snapshot_dependencies (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots (id) ON DELETE CASCADE,
      checked_at TEXT NOT NULL,
      -- { lockfile, registries: [{ url, source, packages, times, timeSigns, deprecations }], targets: { status, cooldownDays, note } }
      registries TEXT NOT NULL CHECK (json_valid(registries)),
      -- { offline, network, revalidated, cache, staleCache, failed, oldestFetch }
      metadata TEXT NOT NULL CHECK (json_valid(metadata)),
      -- { status, source, reason }
      advisories TEXT NOT NULL CHECK (json_valid(advisories)),
      -- { dependencies, outdated, libyears, meanLibyears, over90, over180, over365, deprecated, abandoned, vulnerabilities, bySeverity }
      summary TEXT NOT NULL CHECK (json_valid(summary)),
      warnings TEXT NOT NULL CHECK (json_valid(warnings))
    );

    CREATE TABLE snapshot_dependency_items (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot_dependencies (snapshot_id) ON DELETE CASCADE,
      workspace TEXT NOT NULL,
      name TEXT NOT NULL,
      -- dependencies, devDependencies or optionalDependencies: a package may be declared in two of them.
      field TEXT NOT NULL,
      -- The rest of the report's fields for this dependency, as the API names them.
      item TEXT NOT NULL CHECK (json_valid(item)),
      risk REAL NOT NULL,
      drift_days REAL,
      PRIMARY KEY (snapshot_id, workspace, name, field)
    ) WITHOUT ROWID;

    CREATE TABLE snapshot_vulnerabilities (
      snapshot_id INTEGER NOT NULL REFERENCES snapshot_dependencies (snapshot_id) ON DELETE CASCADE,
      package TEXT NOT NULL,
      installed TEXT NOT NULL,
      advisory TEXT NOT NULL,
      severity TEXT NOT NULL,
      -- The vulnerability as the API names it: { id, package, installed, severity, title, url, vulnerableVersions, fixedIn, fixIsMajor, paths }
      detail TEXT NOT NULL CHECK (json_valid(detail)),
      PRIMARY KEY (snapshot_id, package, installed, advisory)
    ) WITHOUT ROWID;
  `,
};
