export const healthScores = {
  version: 14,
  name: "each snapshot's health score and its breakdown, with the formula that made them",
  sql: /* sql */ `
    -- Scores of two formulas are never compared (docs/health-score.md). score is NULL when there was
    -- no code to weigh the debt against (reason says so). breakdown: [{ category, title, weight, lost, saturated, items }].
    CREATE TABLE health_scores (
      snapshot_id INTEGER PRIMARY KEY REFERENCES snapshots(id) ON DELETE CASCADE,
      formula TEXT NOT NULL,
      score REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
      rating TEXT CHECK (rating IS NULL OR rating IN ('A', 'B', 'C', 'D', 'E')),
      reason TEXT,
      lines_of_code INTEGER NOT NULL,
      breakdown TEXT NOT NULL CHECK (json_valid(breakdown))
    );
  `,
};
