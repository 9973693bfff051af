import type { Severity } from './advisories.js';

const severityWeights: Record<Severity, number> = { critical: 40, high: 20, moderate: 8, low: 2 };

interface RiskInput {
  /** Severities of the advisories reached through the dependency. */
  severities: readonly Severity[];
  deprecated: boolean;
  abandoned: boolean;
  driftDays: number | null;
  majorsBehind: number;
  peerConflicts: number;
  enginesMismatch: boolean;
}

/**
 * How urgent a dependency is, for sorting (higher first): advisories by severity (critical 40, high
 * 20, moderate 8, low 2), deprecated 15, abandoned 10, 4 per libyear of drift (up to 5 years),
 * 3 per major behind (up to 3), 2 for peer conflicts or an engines mismatch of the upgrade.
 */
export function dependencyRisk(input: RiskInput): number {
  const score =
    input.severities.reduce((sum, severity) => sum + severityWeights[severity], 0) +
    (input.deprecated ? 15 : 0) +
    (input.abandoned ? 10 : 0) +
    Math.min(5, (input.driftDays ?? 0) / 365.25) * 4 +
    Math.min(3, input.majorsBehind) * 3 +
    (input.peerConflicts > 0 ? 2 : 0) +
    (input.enginesMismatch ? 2 : 0);
  return Math.round(score * 10) / 10;
}
