export const repositoryKeyedCaches = {
  version: 10,
  name: 'commit logs kept per repository (its root commits), not per folder',
  sql: /* sql */ `
    -- A log is named by the repository's root commits, so that a moved clone or a worktree reads only
    -- what its folder's log lacks. Logs named by folder are dropped: the next scan reads the history once.
    DELETE FROM history_file_changes;
    DELETE FROM history_commits;
    DELETE FROM history_logs;
    ALTER TABLE history_logs RENAME COLUMN root TO repository;
  `,
};
