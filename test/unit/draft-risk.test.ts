import { describe, expect, it } from 'vitest';
import { type RiskInput, draftRisk } from '../../analyzers/drafts/draft-risk.js';

const quiet: RiskInput = { upgrades: [], removals: { files: 0, declarations: 0, dependencies: 0 }, callSites: 0, coveredPercent: null, failedGates: [], testsRun: true, addedItems: 0 };

describe('draftRisk', () => {
  it('is low for a covered patch upgrade with its tests passing, and says why', () => {
    const risk = draftRisk({ ...quiet, upgrades: [{ name: 'a', from: '1.0.0', to: '1.0.1', change: 'patch', targetAgeDays: 200, targetDeprecated: null, newInstallScripts: false, newPublisher: null }], callSites: 3, coveredPercent: 92 });
    expect(risk).toEqual({ score: 8, level: 'low', reasons: [{ points: 3, reason: 'patch upgrades only' }, { points: 5, reason: '3 places in the code use what changes' }] });
  });

  it('adds up what can bite in a major upgrade: a young 0.x release by a new publisher, many call sites, little coverage, no tests', () => {
    const risk = draftRisk({
      ...quiet,
      upgrades: [{ name: 'b', from: '0.3.0', to: '0.4.0', change: 'major', targetAgeDays: 3, targetDeprecated: null, newInstallScripts: true, newPublisher: 'mallory' }],
      callSites: 40,
      coveredPercent: 20,
      testsRun: false,
    });
    expect(risk.reasons.map((reason) => reason.points)).toEqual([25, 10, 10, 10, 10, 15, 10, 10]);
    expect(risk).toMatchObject({ score: 100, level: 'high' });
  });

  it('says so when publish times cannot be trusted, and counts a failed gate and new items', () => {
    const risk = draftRisk({ ...quiet, upgrades: [{ name: 'c', from: '1.0.0', to: '1.1.0', change: 'minor', targetAgeDays: null, targetDeprecated: null, newInstallScripts: false, newPublisher: null }], failedGates: ['typecheck'], addedItems: 2 });
    expect(risk.reasons.map((reason) => reason.reason)).toEqual([
      '1 minor upgrade: new features, no breaking change promised away',
      "the age of c 1.1.0 is unknown (the registry's publish times cannot be trusted)",
      'gates failed: typecheck',
      'the scan of the draft finds 2 items the base did not have',
    ]);
    expect(risk).toMatchObject({ score: 53, level: 'high' });
  });
});
