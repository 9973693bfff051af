export const deadCodeConfidence = {
  version: 12,
  name: "each dead-code finding's confidence and its reason; the doubts about a report's entries",
  sql: /* sql */ `
    -- NULL in findings saved before Steward judged them: read back as such, never as "high".
    ALTER TABLE snapshot_dead_code_findings ADD COLUMN confidence TEXT CHECK (confidence IN ('high', 'medium', 'low'));
    ALTER TABLE snapshot_dead_code_findings ADD COLUMN confidence_reason TEXT;
    -- { missedEntries: [{ workspace, label, files, reachable, entries, likelyEntries }], entryFloods: [...] }
    ALTER TABLE snapshot_dead_code ADD COLUMN doubts TEXT CHECK (doubts IS NULL OR json_valid(doubts));
  `,
};
