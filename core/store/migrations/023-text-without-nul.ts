export const textWithoutNul = {
  version: 23,
  name: 'no NUL in stored text, which PostgreSQL refuses: match keys joined by the unit separator; caches keyed anew',
  sql: /* sql */ `
    UPDATE debt_items SET match_key = replace(match_key, char(0), char(31));
    -- Staging logs of reads that stopped, and cache entries under keys no longer asked for.
    DELETE FROM history_logs WHERE instr(repository, char(0)) > 0;
    DELETE FROM project_contexts WHERE instr(key, char(0)) > 0;
  `,
  // A team store never held a NUL.
  postgres: '',
};
