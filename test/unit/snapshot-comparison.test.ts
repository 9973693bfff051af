import { describe, expect, it } from 'vitest';
import { dependencyChanges } from '../../analyzers/compare/dependency-changes.js';
import { functionChanges } from '../../analyzers/compare/function-changes.js';
import { healthChanges } from '../../analyzers/compare/health-changes.js';
import { hotspotChanges } from '../../analyzers/compare/hotspot-changes.js';
import { itemChanges } from '../../analyzers/compare/item-changes.js';

const item = (fingerprint: string, kind: string, path: string) => ({ fingerprint, kind, title: `${kind} in ${path}`, path, line: 1 });

describe('items of two snapshots, matched by fingerprint', () => {
  it('counts new, resolved and still open per kind, the most changed kind first, and lists the new and the resolved', () => {
    const before = [item('a', 'complex-function', 'src/a.ts'), item('b', 'unused-export', 'src/b.ts'), item('c', 'unused-export', 'src/c.ts')];
    // a moved to another file: the same fingerprint, so still open, not one resolved and one new.
    const after = [item('a', 'complex-function', 'src/moved.ts'), item('d', 'complex-function', 'src/d.ts'), item('e', 'todo-marker', 'src/e.ts')];
    const changes = itemChanges(before, after);
    expect(changes.byKind).toEqual([
      { kind: 'unused-export', new: 0, resolved: 2, stillOpen: 0 },
      { kind: 'complex-function', new: 1, resolved: 0, stillOpen: 1 },
      { kind: 'todo-marker', new: 1, resolved: 0, stillOpen: 0 },
    ]);
    expect(changes.new.map((entry) => entry.fingerprint)).toEqual(['d', 'e']);
    expect(changes.resolved.map((entry) => entry.fingerprint)).toEqual(['b', 'c']);
  });

  it('finds nothing changed between a snapshot and itself', () => {
    const items = [item('a', 'complex-function', 'src/a.ts')];
    expect(itemChanges(items, items)).toEqual({ byKind: [{ kind: 'complex-function', new: 0, resolved: 0, stillOpen: 1 }], new: [], resolved: [] });
  });
});

describe('the most complex functions of two snapshots', () => {
  const fn = (name: string, cognitive: number, line = 10, ordinal: number | null = 0) => ({ path: 'src/orders.ts', name, ordinal, line, cognitive, cyclomatic: cognitive + 1 });

  it('tells those that appeared, got worse, got better and left the list, the biggest changes first; a moved function is the same one', () => {
    const changes = functionChanges([fn('total', 20), fn('vat', 30), fn('ship', 18), fn('gone', 40), fn('pay', 22)], [fn('total', 25, 80), fn('vat', 16), fn('ship', 17), fn('fresh', 19), fn('big', 50), fn('pay', 22)]);
    expect(changes.appeared.map((entry) => entry.name)).toEqual(['big', 'fresh']);
    expect(changes.worse).toEqual([{ path: 'src/orders.ts', name: 'total', line: 80, cognitiveBefore: 20, cognitiveAfter: 25, cyclomaticBefore: 21, cyclomaticAfter: 26 }]);
    expect(changes.better.map((entry) => entry.name)).toEqual(['vat', 'ship']);
    expect(changes.left).toEqual([{ path: 'src/orders.ts', name: 'gone', line: 10, cognitiveBefore: 40, cognitiveAfter: null, cyclomaticBefore: 41, cyclomaticAfter: null }]);
  });

  it('keeps two same-named functions of a file apart by their place among them', () => {
    const changes = functionChanges([fn('handler', 20, 10, 0)], [fn('handler', 20, 10, 0), fn('handler', 30, 50, 1)]);
    expect(changes.appeared).toMatchObject([{ name: 'handler', line: 50, cognitiveAfter: 30 }]);
    expect(changes.worse).toEqual([]);
  });
});

describe('dependencies of two snapshots', () => {
  const dep = (name: string, version: string | null, workspace = '.') => ({ workspace, name, version });
  const advisory = (id: string, name: string, installed: string) => ({ id, package: name, installed, severity: 'high', title: `${id} in ${name}` });

  it('tells upgraded, downgraded, added and removed packages per workspace, and the advisories that newly apply and no longer do', () => {
    const changes = dependencyChanges(
      { dependencies: [dep('react', '18.2.0'), dep('lodash', '4.17.20'), dep('left-pad', '1.0.0'), dep('zod', '4.1.0'), dep('react', '18.2.0', 'web')], vulnerabilities: [advisory('GHSA-1', 'lodash', '4.17.20')] },
      { dependencies: [dep('react', '19.0.0'), dep('lodash', '4.17.20'), dep('zod', '4.0.0'), dep('semver', '7.6.0'), dep('react', '18.2.0', 'web')], vulnerabilities: [advisory('GHSA-1', 'lodash', '4.17.20'), advisory('GHSA-2', 'semver', '7.6.0')] },
    );
    expect(changes.upgraded).toEqual([{ workspace: '.', name: 'react', before: '18.2.0', after: '19.0.0' }]);
    expect(changes.downgraded).toEqual([{ workspace: '.', name: 'zod', before: '4.1.0', after: '4.0.0' }]);
    expect(changes.added).toEqual([{ workspace: '.', name: 'semver', before: null, after: '7.6.0' }]);
    expect(changes.removed).toEqual([{ workspace: '.', name: 'left-pad', before: '1.0.0', after: null }]);
    expect(changes.newlyVulnerable.map((entry) => entry.id)).toEqual(['GHSA-2']);
    expect(changes.noLongerVulnerable).toEqual([]);
  });

  it('does not call a package changed when one snapshot could not tell its version', () => {
    const changes = dependencyChanges({ dependencies: [dep('react', null)], vulnerabilities: [] }, { dependencies: [dep('react', '19.0.0')], vulnerabilities: [] });
    expect(changes).toMatchObject({ upgraded: [], downgraded: [], added: [], removed: [] });
  });

  it('does not call a version of the same precedence a change, let alone a downgrade (build metadata, a leading v)', () => {
    const changes = dependencyChanges(
      { dependencies: [dep('tool', '1.2.0+build.1'), dep('cli', 'v2.0.0')], vulnerabilities: [] },
      { dependencies: [dep('tool', '1.2.0+build.2'), dep('cli', '2.0.0')], vulnerabilities: [] },
    );
    expect(changes).toMatchObject({ upgraded: [], downgraded: [], added: [], removed: [] });
  });
});

describe('hotspots of two snapshots', () => {
  const spot = (path: string, rank: number, score: number) => ({ path, rank, score });

  it('shows the later top hotspots with where each stood before, and the earlier ones that cooled off', () => {
    const changes = hotspotChanges([spot('a.ts', 1, 900), spot('b.ts', 2, 800), spot('c.ts', 3, 100)], [spot('c.ts', 1, 1000), spot('a.ts', 2, 950), spot('b.ts', 3, 700), spot('d.ts', 4, 10)], 2);
    expect(changes.top).toEqual([
      { path: 'c.ts', rankBefore: 3, rankAfter: 1, scoreBefore: 100, scoreAfter: 1000 },
      { path: 'a.ts', rankBefore: 1, rankAfter: 2, scoreBefore: 900, scoreAfter: 950 },
    ]);
    expect(changes.cooled).toEqual([{ path: 'b.ts', rankBefore: 2, rankAfter: 3, scoreBefore: 800, scoreAfter: 700 }]);
  });
});

describe('health scores of two snapshots', () => {
  const part = (category: string, lost: number) => ({ category, title: category, lost });

  it('puts each part’s lost points side by side, the most changed first', () => {
    const changes = healthChanges(
      { formula: 'v2', score: 80, rating: 'B', parts: [part('complexity', 10), part('dead-code', 5)] },
      { formula: 'v2', score: 72, rating: 'C', parts: [part('complexity', 12), part('dead-code', 1), part('vulnerabilities', 8)] },
    );
    expect(changes).toEqual({
      comparable: true,
      scoreBefore: 80,
      scoreAfter: 72,
      ratingBefore: 'B',
      ratingAfter: 'C',
      parts: [
        { category: 'vulnerabilities', title: 'vulnerabilities', lostBefore: null, lostAfter: 8 },
        { category: 'dead-code', title: 'dead-code', lostBefore: 5, lostAfter: 1 },
        { category: 'complexity', title: 'complexity', lostBefore: 10, lostAfter: 12 },
      ],
    });
  });

  it('does not compare scores of two formulas, and says why', () => {
    const changes = healthChanges({ formula: 'v1', score: 80, rating: 'B', parts: [] }, { formula: 'v2', score: 70, rating: 'C', parts: [] });
    expect(changes).toMatchObject({ comparable: false, reason: expect.stringContaining('two formulas') });
  });
});
