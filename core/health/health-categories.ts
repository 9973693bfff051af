import type { HealthCategory } from '../../analyzers/health/health-score.js';
import type { ItemKind } from '../api/inventory.js';

/**
 * The part of health each kind of debt item takes points from (docs/health-score.md). A new kind
 * does not compile until it has one.
 */
export const healthCategoryOf: Record<ItemKind, HealthCategory> = {
  'complex-function': 'complexity',
  'complex-file': 'complexity',
  'debt-marker': 'complexity',
  hotspot: 'hotspots',
  'unused-file': 'dead-code',
  'unused-export': 'dead-code',
  'unused-type': 'dead-code',
  'unused-enum-member': 'dead-code',
  'unused-dependency': 'dead-code',
  'unresolved-import': 'dead-code',
  'misplaced-dependency': 'dependencies',
  'unlisted-dependency': 'dependencies',
  'stale-dependency': 'dependencies',
  'deprecated-dependency': 'dependencies',
  'abandoned-dependency': 'dependencies',
  'deprecated-api-use': 'dependencies',
  vulnerability: 'vulnerabilities',
  'import-cycle': 'architecture',
  'boundary-violation': 'architecture',
  'uncovered-complex-function': 'coverage',
  'uncovered-hotspot': 'coverage',
  'flaky-test': 'test-stability',
  'knowledge-island': 'knowledge',
  'owners-inactive': 'knowledge',
};
