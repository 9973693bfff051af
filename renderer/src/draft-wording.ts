import type { GateResult, Removal } from '../../core/api/drafts';
import type { DraftKind } from '../../core/api/inventory';

/** Each kind of draft as the list and its details name it. */
export const draftKindTitles: Record<DraftKind, string> = {
  deps: 'Dependencies',
  security: 'Security fixes',
  deadcode: 'Dead code',
  deprecations: 'Deprecations',
};

/** The kinds the Drafts page and the inventory start, with what starting one says. Security and deprecation drafts are listed and shown, not yet offered here. */
export const offeredDraftKinds = {
  deps: {
    action: 'Upgrade dependencies',
    what: 'Moves stale dependencies to newer versions: patch and minor upgrades together, each major apart, peers together. A group that breaks a gate is split until the package that breaks it is found and left out.',
  },
  deadcode: {
    action: 'Remove dead code',
    what: 'Deletes unused files, exports and dependencies found with high confidence, then what that leaves unused, checking each step with the gates.',
  },
} as const satisfies Partial<Record<DraftKind, { action: string; what: string }>>;

export type OfferedDraftKind = keyof typeof offeredDraftKinds;

export const isOfferedDraftKind = (kind: DraftKind | null): kind is OfferedDraftKind => kind !== null && kind in offeredDraftKinds;

export const gateStatusTitles: Record<GateResult['status'], string> = {
  passed: 'passed',
  failed: 'failed',
  'failed-before': 'failed on the base too',
  'timed-out': 'timed out',
  'not-run': 'not run',
};

/** One removal in words, as the draft's commit message and plan say it. */
export function describeRemoval(removal: Removal): string {
  const at = `${removal.path}${removal.line ? `:${removal.line}` : ''}`;
  switch (removal.action) {
    case 'delete-file':
      return `deleted ${removal.path}`;
    case 'remove-declaration':
      return `removed ${removal.symbol ?? 'a declaration'} from ${at}`;
    case 'remove-export-keyword':
      return `unexported ${removal.symbol ?? 'a declaration'} in ${at} (still used in its file)`;
    case 'remove-dependency': {
      const [field, name] = (removal.symbol ?? '').split(':');
      return `removed ${name ?? removal.symbol} from ${removal.path} ${field ?? ''}`.trimEnd();
    }
  }
}

/** A duration as people read it: "0.4 s", "12 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
