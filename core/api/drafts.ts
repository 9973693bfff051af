import { z } from 'zod';
import { type DraftKind, DraftKindSchema, type ItemKind, ItemKindSchema } from './inventory.js';

export { draftKinds } from './inventory.js';

/**
 * `drafting` (worktree made, changes and gates under way) → `ready` (for a person to review) →
 * `approved` / `rejected`; `failed` when nothing could be drafted (with why); `discarded` once its
 * worktree and branch are removed.
 */
const draftStates = ['drafting', 'ready', 'failed', 'approved', 'rejected', 'discarded'] as const;
const DraftStateSchema = z.enum(draftStates);
export type DraftState = z.infer<typeof DraftStateSchema>;

/** A draft's id: 8 characters, in its branch name and on the command line. */
const DraftIdSchema = z.string().regex(/^[a-z0-9]{8}$/, 'A draft id is 8 letters and digits, as steward drafts prints it');

const gateNames = ['install', 'dependency-tree', 'typecheck', 'lint', 'test', 'build', 'rescan', 'vulnerabilities'] as const;
const GateNameSchema = z.enum(gateNames);
export type GateName = z.infer<typeof GateNameSchema>;

/**
 * `failed-before`: it failed on the base commit too, so the draft did not break it; `not-run`: with
 * the reason (no such script, no consent to run the repository's code, an earlier gate failed).
 */
const GateStatusSchema = z.enum(['passed', 'failed', 'failed-before', 'timed-out', 'not-run']);


const GateResultSchema = z.object({
  gate: GateNameSchema,
  /** What ran, as a user would type it in the worktree; null for Steward's own checks. */
  command: z.string().nullable(),
  status: GateStatusSchema,
  /** Why it did not run or what failed, in one line. */
  reason: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  exitCode: z.number().int().nullable(),
  /** The last lines it printed. */
  logTail: z.string(),
});
export type GateResult = z.infer<typeof GateResultSchema>;

const VersionChangeSchema = z.object({
  workspace: z.string(),
  name: z.string(),
  field: z.enum(['dependencies', 'devDependencies', 'optionalDependencies', 'overrides']),
  from: z.string(),
  to: z.string(),
  /** semver class of the change; a 0.x minor counts as major. */
  change: z.enum(['patch', 'minor', 'major']),
});
export type VersionChange = z.infer<typeof VersionChangeSchema>;

const RemovalSchema = z.object({
  action: z.enum(['delete-file', 'remove-declaration', 'remove-export-keyword', 'remove-dependency']),
  path: z.string(),
  /** The export or package; null for a file. */
  symbol: z.string().nullable(),
  line: z.number().int().positive().nullable(),
});
export type Removal = z.infer<typeof RemovalSchema>;

/** One removal in words, as the commit message, the plan and the app say it. */
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

/** One unit a draft moves as a whole: a package with those that must move with it, or one removal. */
const DraftUnitSchema = z.object({
  label: z.string(),
  versions: z.array(VersionChangeSchema),
  removals: z.array(RemovalSchema),
  /** Deprecated names replaced by the name their deprecation gives, in one file (deprecations). */
  renames: z.array(z.object({ path: z.string(), from: z.string(), to: z.string(), lines: z.array(z.number().int().positive()) })),
  /** Why its members move together (peers, one family), when it has several. */
  together: z.string().nullable(),
  /** How it fixes what it fixes, where that is not plain: a parent's release that asks for a fixed version, an override. */
  fixedBy: z.string().nullable(),
  /** The inventory items it fixes. */
  fingerprints: z.array(z.string()),
});
export type DraftUnit = z.infer<typeof DraftUnitSchema>;

const CommitSchema = z.object({
  sha: z.string(),
  title: z.string(),
  message: z.string(),
  units: z.array(DraftUnitSchema),
});

/** A unit left out of the draft because a gate failed with it, and the log that shows it. */
const LeftOutSchema = z.object({ unit: DraftUnitSchema, gate: GateNameSchema, reason: z.string(), logTail: z.string() });

/** A group tried in the worktree: which units, and what its gates said. */
const AttemptSchema = z.object({ group: z.string(), units: z.array(z.string()), passed: z.boolean(), gates: z.array(GateResultSchema) });

const ImpactSchema = z.object({
  name: z.string(),
  /** Where the repository uses the package. */
  callSites: z.array(z.object({ path: z.string(), line: z.number().int().positive(), symbol: z.string() })),
  /** Type errors of the draft, in files that import the package. */
  typeErrors: z.array(z.object({ path: z.string(), line: z.number().int().positive(), message: z.string() })),
  /** Share of the affected files' lines the last coverage report ran; null when none was imported. */
  coveredPercent: z.number().min(0).max(100).nullable(),
});

const ReleaseNotesSchema = z.object({
  name: z.string(),
  from: z.string(),
  to: z.string(),
  /** Where they were read (`CHANGELOG.md in pkg@2.0.0`); null when the package ships none. */
  source: z.string().nullable(),
  /** The versions after `from` up to `to`, newest first. */
  versions: z.array(z.object({ version: z.string(), breaking: z.array(z.string()), text: z.string() })),
  note: z.string().nullable(),
});
export type ReleaseNotes = z.infer<typeof ReleaseNotesSchema>;

const RiskSchema = z.object({
  /** 0–100. */
  score: z.number().int().min(0).max(100),
  level: z.enum(['low', 'medium', 'high']),
  reasons: z.array(z.object({ points: z.number().int(), reason: z.string() })),
});
export type DraftRisk = z.infer<typeof RiskSchema>;

const RescanSchema = z.object({
  status: z.enum(['passed', 'failed', 'not-run']),
  /** Items the draft set out to fix that the scan of its commit no longer finds, and those it still does. */
  fixed: z.array(z.string()),
  remaining: z.array(z.object({ fingerprint: z.string(), title: z.string() })),
  /** Items the scan of the draft finds that the scan of the base did not. */
  added: z.array(z.object({ fingerprint: z.string(), kind: ItemKindSchema, title: z.string() })),
  note: z.string().nullable(),
});

const RollbackSchema = z.object({
  baseCommit: z.string(),
  steps: z.array(z.object({ command: z.string(), why: z.string() })),
  verification: z.array(z.string()),
  sideEffects: z.array(z.string()),
  estimatedMinutes: z.number().nonnegative(),
  /** The revert applied in a scratch worktree: its tree equals the base's, and it installs cleanly. */
  rehearsal: z.object({ status: z.enum(['passed', 'failed', 'not-run']), detail: z.string(), durationMs: z.number().int().nonnegative() }),
});

const DraftPlanSchema = z.object({
  /** What it changes, one line each. */
  changes: z.array(z.string()),
  /** Why: the inventory items it fixes, with their numbers. */
  why: z.array(z.object({ fingerprint: z.string(), kind: ItemKindSchema, title: z.string(), evidence: z.string() })),
  commits: z.array(CommitSchema),
  leftOut: z.array(LeftOutSchema),
  /** Manual steps a person must take (a deprecation without a plain replacement). */
  manual: z.array(z.object({ path: z.string(), line: z.number().int().positive().nullable(), step: z.string() })),
  baseline: z.array(GateResultSchema),
  attempts: z.array(AttemptSchema),
  gates: z.array(GateResultSchema),
  rescan: RescanSchema,
  impact: z.array(ImpactSchema),
  releaseNotes: z.array(ReleaseNotesSchema),
  risk: RiskSchema,
  rollback: RollbackSchema,
  /** The package manager and whether the repository's own code was allowed to run. */
  packageManager: z.string().nullable(),
  consent: z.boolean(),
  warnings: z.array(z.string()),
});
export type DraftPlan = z.infer<typeof DraftPlanSchema>;

export const DraftSchema = z.object({
  id: DraftIdSchema,
  repositoryId: z.number().int().positive(),
  kind: DraftKindSchema,
  state: DraftStateSchema,
  /** One line: what it does. */
  title: z.string(),
  branch: z.string(),
  baseCommit: z.string(),
  /** The draft's last commit; null while drafting or when nothing could be committed. */
  headCommit: z.string().nullable(),
  /** Where its worktree is; null once removed. */
  worktree: z.string().nullable(),
  /** What it is doing now, while drafting. */
  step: z.string().nullable(),
  risk: RiskSchema.nullable(),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Draft = z.infer<typeof DraftSchema>;

const AuditEntrySchema = z.object({
  at: z.string(),
  /** Who: git identity, else the OS user. */
  actor: z.string(),
  action: z.enum(['initiate', 'worktree', 'gate', 'split', 'commit', 'rescan', 'rehearsal', 'ready', 'failed', 'approve', 'reject', 'discard', 'recover', 'consent', 'revoke-consent']),
  /** What, in one line. */
  what: z.string(),
  /** Where: repository, branch, base. */
  where: z.string(),
  /** How: the commands run, when any. */
  how: z.array(z.string()),
  note: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const DraftDetailSchema = DraftSchema.extend({ plan: DraftPlanSchema.nullable(), audit: z.array(AuditEntrySchema) });
export type DraftDetail = z.infer<typeof DraftDetailSchema>;

export const draftTargets = ['patch', 'minor', 'latest'] as const;
const DraftTargetSchema = z.enum(draftTargets);
export type DraftTarget = z.infer<typeof DraftTargetSchema>;

const DraftRequestSchema = z.object({
  repositoryId: z.number().int().positive(),
  kind: DraftKindSchema,
  /** Inventory items to fix (fingerprints); default: every open item of the kind at or above `confidence`. */
  items: z.array(z.string()).max(10_000).optional(),
  confidence: z.enum(['high', 'medium', 'low']).default('high'),
  /** How far dependencies move (deps). */
  target: DraftTargetSchema.default('latest'),
  /** Agree now to run the repository's own code (install scripts, tests) in the draft's worktree; remembered. */
  consent: z.boolean().default(false),
});
export type DraftRequest = z.infer<typeof DraftRequestSchema>;

const DecisionSchema = z.object({
  id: DraftIdSchema,
  note: z.string().trim().max(2000).optional(),
  by: z.string().trim().min(1).max(200).optional(),
});

const ApprovalRateSchema = z.object({ kind: DraftKindSchema, approved: z.number().int(), rejected: z.number().int(), discarded: z.number().int(), rate: z.number().min(0).max(1).nullable() });

export const draftRoutes = {
  /** Starts a draft; it runs on (worktree, changes, gates) while its state says `drafting`. */
  'drafts.create': { input: DraftRequestSchema, output: DraftSchema },
  'drafts.list': { input: z.object({ repositoryId: z.number().int().positive().optional() }), output: z.array(DraftSchema) },
  'drafts.get': { input: z.object({ id: DraftIdSchema }), output: DraftDetailSchema },
  /** The plan as Markdown, for a pull-request description. */
  'drafts.markdown': { input: z.object({ id: DraftIdSchema }), output: z.object({ markdown: z.string() }) },
  /** Never merges or pushes: answers the commands that would. */
  'drafts.approve': { input: DecisionSchema, output: z.object({ draft: DraftSchema, next: z.array(z.string()) }) },
  'drafts.reject': { input: DecisionSchema, output: DraftSchema },
  /** Removes its worktree and branch. */
  'drafts.discard': { input: DecisionSchema, output: DraftSchema },
  'drafts.cancel': { input: z.object({ id: DraftIdSchema }), output: DraftSchema },
  'drafts.approvalRates': { input: z.object({}), output: z.array(ApprovalRateSchema) },
  /** Whether the repository's own code may run in its drafts' worktrees; granted or revoked by a person. */
  'drafts.consent': {
    input: z.object({ repositoryId: z.number().int().positive(), grant: z.boolean().optional(), by: z.string().trim().min(1).max(200).optional() }),
    output: z.object({ granted: z.boolean(), by: z.string().nullable(), at: z.string().nullable() }),
  },
} as const;

/** Each kind of draft as every view names it (and as a draft is titled before it knows what it changes). */
export const draftKindTitles: Record<DraftKind, string> = { deps: 'Dependency upgrades', security: 'Security fixes', deadcode: 'Dead-code removal', deprecations: 'Deprecation replacements' };

/** The inventory items each draft kind takes. */
export const draftItemKinds: Record<DraftKind, readonly ItemKind[]> = {
  deps: ['stale-dependency'],
  security: ['vulnerability'],
  deadcode: ['unused-file', 'unused-export', 'unused-type', 'unused-dependency'],
  deprecations: ['deprecated-api-use'],
};
