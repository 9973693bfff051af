import type { DraftKind } from '../../api/inventory.js';
import type { DraftKindModule } from '../draft-kind.js';
import { deadCodeRemoval } from './dead-code-removal.js';
import { dependencyUpgrades } from './dependency-upgrades.js';
import { securityFixes } from './security-fixes.js';

/** Every kind of draft Steward makes: adding one is a module in this folder and a line here. */
export const draftKindModules: Record<DraftKind, DraftKindModule | null> = {
  deps: dependencyUpgrades,
  security: securityFixes,
  deadcode: deadCodeRemoval,
  deprecations: null,
};
