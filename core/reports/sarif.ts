/** SARIF 2.1.0, the format code-scanning tools (GitHub, IDEs) read. */
export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: unknown[];
}

interface SarifRule {
  readonly id: string;
  readonly text: string;
}

export interface SarifResult {
  ruleId: string;
  message: string;
  path: string;
  line: number;
  column?: number;
}

/** One run of Steward with its rules and results, at the commit the results describe. */
export function sarifLog(rules: readonly SarifRule[], results: readonly SarifResult[], commit: string, version: string): SarifLog {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'Steward',
            version,
            rules: rules.map((rule) => ({ id: rule.id, shortDescription: { text: rule.text } })),
          },
        },
        versionControlProvenance: [{ repositoryUri: 'file:///', revisionId: commit }],
        results: results.map(({ ruleId, message, path, line, column }) => ({
          ruleId,
          ruleIndex: rules.findIndex((rule) => rule.id === ruleId),
          level: 'warning',
          message: { text: message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(path), uriBaseId: '%SRCROOT%' },
                region: { startLine: line, ...(column ? { startColumn: column } : {}) },
              },
            },
          ],
        })),
      },
    ],
  };
}
