export const repositoryTeams = {
  version: 18,
  name: 'the team that owns a repository (CODEOWNERS), kept with each scan’s inventory',
  sql: /* sql */ `
    -- The owners CODEOWNERS gives the whole repository (its "*" line) at the scanned commit, as a JSON array; NULL when it names none.
    ALTER TABLE snapshot_inventory ADD COLUMN owners TEXT CHECK (owners IS NULL OR json_valid(owners));
  `,
};
