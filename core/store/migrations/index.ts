import { initial } from './001-initial.js';
import { codeEngine } from './002-code-engine.js';
import { deadCode } from './003-dead-code.js';
import { history } from './004-history.js';
import { dependencies } from './005-dependencies.js';
import { untrustedInput } from './006-untrusted-input.js';
import { analysisRegistry } from './007-analysis-registry.js';
import { inventory } from './008-inventory.js';
import { letterFingerprints } from './009-letter-fingerprints.js';
import { repositoryKeyedCaches } from './010-repository-keyed-caches.js';
import { snapshotItemsRowid } from './011-snapshot-items-rowid.js';
import { deadCodeConfidence } from './012-dead-code-confidence.js';
import { generatedFileFacts } from './013-generated-file-facts.js';
import { healthScores } from './014-health-scores.js';
import { backfillJobs } from './015-backfill-jobs.js';
import { testRuns } from './016-test-runs.js';
import { drafts } from './017-drafts.js';
import { repositoryTeams } from './018-repository-teams.js';
import { identities } from './019-identities.js';
import { scanSchedule } from './020-scan-schedule.js';
import { trendPointsPending } from './021-trend-points-pending.js';
import { blobMemo } from './022-blob-memo.js';
import { textWithoutNul } from './023-text-without-nul.js';
import { repositoryIdentity } from './024-repository-identity.js';
import { lastSeenDerived } from './025-last-seen-derived.js';

export interface Migration {
  /** user_version after this migration; migrations are numbered 1, 2, 3… without gaps. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** The same change on a team store, where it differs (a team store begins at postgresBaselineVersion). */
  readonly postgres?: string;
  /**
   * Rebuilds a table that others refer to (SQLite): run with foreign keys off, as SQLite's procedure
   * for schema changes asks (else dropping the old table would delete what refers to it), and checked
   * before the transaction commits.
   */
  readonly foreignKeysOff?: true;
}

export const migrations: readonly Migration[] = [initial, codeEngine, deadCode, history, dependencies, untrustedInput, analysisRegistry, inventory, letterFingerprints, repositoryKeyedCaches, snapshotItemsRowid, deadCodeConfidence, generatedFileFacts, healthScores, backfillJobs, testRuns, drafts, repositoryTeams, identities, scanSchedule, trendPointsPending, blobMemo, textWithoutNul, repositoryIdentity, lastSeenDerived];
