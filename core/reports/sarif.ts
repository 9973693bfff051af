import { type FoundItem, type ItemKind, type Severity, itemKindTitles } from '../api/inventory.js';

/** SARIF 2.1.0, the format code-scanning tools (GitHub, IDEs) read. */
interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: unknown[];
}

const levels: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * Debt items as one SARIF run: a rule per kind of item, a result per item with its title, place,
 * level (by severity), fix and confidence, and its fingerprint as `partialFingerprints`, so that
 * code-scanning tools track each finding across commits as Steward's inventory does. Items without a
 * file (a vulnerability of the installed tree) are placed on package.json.
 */
export function itemsToSarif(items: readonly FoundItem[], commit: string, version: string): SarifLog {
  const kinds = [...new Set(items.map((item) => item.kind))].sort() as ItemKind[];
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'Steward', version, rules: kinds.map((kind) => ({ id: `steward/${kind}`, shortDescription: { text: itemKindTitles[kind] } })) } },
        versionControlProvenance: [{ repositoryUri: 'file:///', revisionId: commit }],
        results: items.map((item) => ({
          ruleId: `steward/${item.kind}`,
          ruleIndex: kinds.indexOf(item.kind),
          level: levels[item.severity],
          message: { text: item.title },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(item.path ?? 'package.json'), uriBaseId: '%SRCROOT%' },
                region: { startLine: item.line ?? 1 },
              },
            },
          ],
          partialFingerprints: { 'stewardFingerprint/v1': item.fingerprint },
          fixes: [{ description: { text: item.fix.text } }],
          properties: { confidence: item.confidence, confidenceReason: item.confidenceReason, effortMinutes: item.cost.effortMinutes, priority: item.cost.priority },
        })),
      },
    ],
  };
}
