import type { DraftKind } from '../../api/inventory.js';
import type { DraftKindModule } from '../draft-kind.js';
import { deadCodeRemoval } from './dead-code-removal.js';
import { dependencyUpgrades } from './dependency-upgrades.js';
import { deprecationRenames } from './deprecation-renames.js';
import { securityFixes } from './security-fixes.js';

/** Every kind of draft Steward makes: adding one is a module in this folder and a line here. */
export const draftKindModules: Record<DraftKind, DraftKindModule> = {
  deps: dependencyUpgrades,
  security: securityFixes,
  deadcode: deadCodeRemoval,
  deprecations: deprecationRenames,
};
