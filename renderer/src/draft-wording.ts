import type { GateResult } from '../../core/api/drafts';
import type { DraftKind } from '../../core/api/inventory';

/** The kinds the Drafts page and the inventory start, with what starting one says and what its items are called. */
export const offeredDraftKinds = {
  deps: {
    action: 'Upgrade dependencies',
    what: 'Moves stale dependencies to newer versions: patch and minor upgrades together, each major apart, peers together. A group that breaks a gate is split until the package that breaks it is found and left out.',
    item: ['stale dependency', 'stale dependencies'],
  },
  security: {
    action: 'Fix vulnerabilities',
    what: 'Moves each vulnerable package to its lowest fixed version: directly, through the release of the package that pulls it in, or by an override. A fix across a major version is a commit of its own.',
    item: ['vulnerability', 'vulnerabilities'],
  },
  deadcode: {
    action: 'Remove dead code',
    what: 'Deletes unused files, exports and dependencies found with high confidence, then what that leaves unused, checking each step with the gates.',
    item: ['piece of unused code', 'pieces of unused code'],
  },
  deprecations: {
    action: 'Replace deprecated APIs',
    what: 'Renames uses of a deprecated function whose deprecation names a replacement with the same signature; every other use becomes a manual step of the plan.',
    item: ['deprecated API use', 'deprecated API uses'],
  },
} as const satisfies Record<DraftKind, { action: string; what: string; item: readonly [string, string] }>;

export type OfferedDraftKind = keyof typeof offeredDraftKinds;

export const isOfferedDraftKind = (kind: DraftKind | null): kind is OfferedDraftKind => kind !== null && kind in offeredDraftKinds;

export const gateStatusTitles: Record<GateResult['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  'failed-before': 'failed on the base too',
  'timed-out': 'timed out',
  'not-run': 'not run',
};

/** A duration as people read it: "0.4 s", "12 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
