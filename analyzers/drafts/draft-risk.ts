import type { ChangeClass } from './upgrade-groups.js';

/** What an upgrade in a draft brings that can bite. */
export interface UpgradeRisk {
  name: string;
  from: string;
  to: string;
  change: ChangeClass;
  /** Days since the target was published; null when the registry's times cannot be trusted. */
  targetAgeDays: number | null;
  targetDeprecated: string | null;
  /** The target runs install scripts where the version in use did not. */
  newInstallScripts: boolean;
  newPublisher: string | null;
}

export interface RiskInput {
  upgrades: readonly UpgradeRisk[];
  /** Removals of code (dead-code drafts): files deleted, declarations removed. */
  removals: { files: number; declarations: number; dependencies: number };
  /** Places in the repository that use what changes. */
  callSites: number;
  /** Share of the affected files' lines covered by tests; null without a coverage report. */
  coveredPercent: number | null;
  /** Gates that failed (what also failed on the base does not count), and those not run. */
  failedGates: readonly string[];
  testsRun: boolean;
  /** Items the scan of the draft finds that the base did not. */
  addedItems: number;
}

interface RiskReason {
  points: number;
  reason: string;
}

/** A recent release has had little time to be found broken by others. */
const youngReleaseDays = 30;

/**
 * A draft's risk, 0–100 with every point's reason (docs/drafts.md): the semver class and 0.x of each
 * upgrade, the age of its target, deprecations, install scripts and publishers it brings, how much
 * code uses it and how much of that the tests cover, gates that failed or did not run, and what the
 * re-scan found new. Low under 25, high from 50.
 */
export function draftRisk(input: RiskInput): { score: number; level: 'low' | 'medium' | 'high'; reasons: RiskReason[] } {
  const reasons: RiskReason[] = [];
  const add = (points: number, reason: string): void => void (points > 0 && reasons.push({ points, reason }));
  const majors = input.upgrades.filter((upgrade) => upgrade.change === 'major');
  const minors = input.upgrades.filter((upgrade) => upgrade.change === 'minor');
  if (majors.length > 0) add(25 + Math.min(15, 5 * (majors.length - 1)), `${majors.length === 1 ? 'A major upgrade' : `${majors.length} major upgrades`} (${majors.map((upgrade) => `${upgrade.name} ${upgrade.from} → ${upgrade.to}`).join(', ')}): breaking changes are allowed`);
  else if (minors.length > 0) add(8, `${minors.length} minor upgrade${minors.length === 1 ? '' : 's'}: new features, no breaking change promised away`);
  else if (input.upgrades.length > 0) add(3, `patch upgrades only`);
  const zero = input.upgrades.filter((upgrade) => upgrade.to.startsWith('0.'));
  if (zero.length > 0) add(10, `${zero.map((upgrade) => upgrade.name).join(', ')} ${zero.length === 1 ? 'is' : 'are'} below 1.0, where any release may break`);
  const young = input.upgrades.filter((upgrade) => upgrade.targetAgeDays !== null && upgrade.targetAgeDays < youngReleaseDays);
  if (young.length > 0) add(10, `${young.map((upgrade) => `${upgrade.name} ${upgrade.to} (${Math.round(upgrade.targetAgeDays!)} days old)`).join(', ')}: released less than ${youngReleaseDays} days ago`);
  const unknownAge = input.upgrades.filter((upgrade) => upgrade.targetAgeDays === null);
  if (unknownAge.length > 0) add(5, `the age of ${unknownAge.length === 1 ? `${unknownAge[0]!.name} ${unknownAge[0]!.to}` : `${unknownAge.length} targets`} is unknown (the registry's publish times cannot be trusted)`);
  for (const upgrade of input.upgrades) {
    if (upgrade.targetDeprecated) add(15, `${upgrade.name} ${upgrade.to} is deprecated: ${upgrade.targetDeprecated}`);
    if (upgrade.newInstallScripts) add(10, `${upgrade.name} ${upgrade.to} runs install scripts the version in use did not`);
    if (upgrade.newPublisher) add(10, `${upgrade.name} ${upgrade.to} was published by ${upgrade.newPublisher}, who published none of the versions before`);
  }
  const { files, declarations, dependencies } = input.removals;
  if (files + declarations + dependencies > 0) add(Math.min(20, files * 3 + declarations + dependencies * 2), `removes ${[files && `${files} file${files === 1 ? '' : 's'}`, declarations && `${declarations} export${declarations === 1 ? '' : 's'}`, dependencies && `${dependencies} dependenc${dependencies === 1 ? 'y' : 'ies'}`].filter(Boolean).join(', ')}`);
  if (input.callSites > 0) add(input.callSites > 20 ? 15 : input.callSites > 5 ? 10 : 5, `${input.callSites} place${input.callSites === 1 ? '' : 's'} in the code use${input.callSites === 1 ? 's' : ''} what changes`);
  if (input.callSites > 0 && input.coveredPercent === null) add(5, 'no coverage report: how well tests guard the affected files is unknown');
  else if (input.coveredPercent !== null && input.coveredPercent < 50) add(10, `tests cover ${Math.round(input.coveredPercent)} % of the affected files' lines`);
  else if (input.coveredPercent !== null && input.coveredPercent < 80) add(5, `tests cover ${Math.round(input.coveredPercent)} % of the affected files' lines`);
  if (input.failedGates.length > 0) add(30, `gates failed: ${input.failedGates.join(', ')}`);
  if (!input.testsRun) add(10, 'the tests did not run');
  if (input.addedItems > 0) add(10, `the scan of the draft finds ${input.addedItems} item${input.addedItems === 1 ? '' : 's'} the base did not have`);
  const score = Math.min(100, reasons.reduce((sum, reason) => sum + reason.points, 0));
  return { score, level: score < 25 ? 'low' : score < 50 ? 'medium' : 'high', reasons };
}
