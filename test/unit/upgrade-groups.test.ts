import { describe, expect, it } from 'vitest';
import { type Upgrade, changeClass, movedSpecifier, unitLabel, upgradeGroups, upgradeUnits } from '../../analyzers/drafts/upgrade-groups.js';

const upgrade = (name: string, from: string, to: string, extra: Partial<Upgrade> = {}): Upgrade => ({ workspace: '', name, field: 'dependencies', from, to, peers: [], fingerprints: [name], ...extra });

describe('changeClass', () => {
  it('counts a change outside what a caret range allows as major, below 1.0.0 too', () => {
    expect([changeClass('1.2.3', '1.2.4'), changeClass('1.2.3', '1.3.0'), changeClass('1.2.3', '2.0.0')]).toEqual(['patch', 'minor', 'major']);
    expect([changeClass('0.3.1', '0.3.2'), changeClass('0.3.1', '0.4.0'), changeClass('0.0.1', '0.0.2')]).toEqual(['patch', 'major', 'major']);
  });
});

describe('upgradeUnits', () => {
  it('keeps a package with its types, a peer with the package that names it, and one family released together', () => {
    const units = upgradeUnits([
      upgrade('react', '18.2.0', '19.0.0'),
      upgrade('react-dom', '18.2.0', '19.0.0', { peers: ['react'] }),
      upgrade('@types/react', '18.2.0', '19.0.1'),
      upgrade('@babel/core', '7.20.0', '7.24.0'),
      upgrade('@babel/preset-env', '7.20.0', '7.24.0'),
      upgrade('@babel/parser', '7.20.0', '7.23.0'),
      upgrade('lodash', '4.17.20', '4.17.21'),
    ]);
    expect(units.map((unit) => unit.upgrades.map((member) => member.name))).toEqual([['react', 'react-dom', '@types/react'], ['@babel/core', '@babel/preset-env'], ['@babel/parser'], ['lodash']]);
    expect(units[0]!.together).toContain('react-dom 19.0.0 names react as a peer');
    expect(units[0]!.together).toContain('@types/react');
    expect(units[1]!.together).toBe('@babel packages are released together (both 7.24.0)');
    expect(units.map((unit) => unit.change)).toEqual(['major', 'minor', 'minor', 'patch']);
  });

  it('moves one package declared by several workspaces as one', () => {
    const [unit] = upgradeUnits([upgrade('zod', '3.0.0', '3.2.0', { workspace: 'a' }), upgrade('zod', '3.0.0', '3.2.0', { workspace: 'b' })]);
    expect(unit!.upgrades).toHaveLength(2);
    expect(unit!.together).toBe('zod is upgraded in several packages');
  });
});

describe('upgradeGroups', () => {
  it('puts patch and minor units in one group and each major unit in one of its own', () => {
    const groups = upgradeGroups(upgradeUnits([upgrade('b', '1.0.0', '2.0.0'), upgrade('a', '1.0.0', '1.1.0'), upgrade('c', '1.0.0', '1.0.1'), upgrade('d', '1.0.0', '3.0.0')]));
    expect(groups.map((group) => [group.title, group.units.map(unitLabel)])).toEqual([
      ['Patch and minor upgrades', ['a 1.0.0 → 1.1.0', 'c 1.0.0 → 1.0.1']],
      ['Major upgrade of b 1.0.0 → 2.0.0', ['b 1.0.0 → 2.0.0']],
      ['Major upgrade of d 1.0.0 → 3.0.0', ['d 1.0.0 → 3.0.0']],
    ]);
  });
});

describe('movedSpecifier', () => {
  it('keeps the kind of range', () => {
    expect(['^1.0.0', '~1.0.0', '1.0.0', '>=1.0.0', '1.x', 'latest'].map((specifier) => movedSpecifier(specifier, '2.1.0'))).toEqual(['^2.1.0', '~2.1.0', '2.1.0', '>=2.1.0', '^2.1.0', '^2.1.0']);
  });
});
