import { describe, expect, it } from 'vitest';
import { type TimeSign, judgeTimes, timeSigns } from '../../analyzers/dependencies/metadata-quality.js';
import type { PackageMetadata } from '../../analyzers/dependencies/package-metadata.js';

/** A package document with the given versions and publish times (undefined: no time), created/modified set unless overridden. */
function metadata(versions: [string, string | undefined][], fields: Partial<Pick<PackageMetadata, 'created' | 'modified'>> = { created: '2019-01-01T00:00:00.000Z', modified: '2024-01-01T00:00:00.000Z' }): PackageMetadata {
  return {
    name: 'pkg',
    distTags: {},
    ...fields,
    versions: versions.map(([version, time]) => (time === undefined ? { version, installScripts: false } : { version, time, installScripts: false })),
  };
}

describe('timeSigns', () => {
  it('finds nothing in an ordinary package document', () => {
    expect(
      timeSigns(
        metadata([
          ['1.0.0', '2020-01-01T00:00:00.000Z'],
          ['1.0.1', '2020-02-01T00:00:00.000Z'],
          ['1.1.0', '2020-03-01T00:00:00.000Z'],
          ['2.0.0', '2021-01-01T00:00:00.000Z'],
        ]),
      ),
    ).toEqual([]);
  });

  it('says only "no publish times" when no version has a time, whatever else is missing', () => {
    expect(timeSigns(metadata([['1.0.0', undefined], ['1.0.1', undefined]]))).toEqual(['no publish times']);
    expect(timeSigns(metadata([['1.0.0', undefined]], {}))).toEqual(['no publish times']);
  });

  it('does not say "no publish times" when only some versions lack a time', () => {
    expect(timeSigns(metadata([['1.0.0', undefined], ['1.0.1', '2020-02-01T00:00:00.000Z']]))).toEqual([]);
  });

  it('says "no created/modified" when either is missing, also for a document without versions', () => {
    const versions: [string, string | undefined][] = [['1.0.0', '2020-01-01T00:00:00.000Z']];
    expect(timeSigns(metadata(versions, { created: '2020-01-01T00:00:00.000Z' }))).toEqual(['no created/modified']);
    expect(timeSigns(metadata(versions, { modified: '2020-01-01T00:00:00.000Z' }))).toEqual(['no created/modified']);
    expect(timeSigns(metadata([], {}))).toEqual(['no created/modified']);
    expect(timeSigns(metadata([]))).toEqual([]);
  });

  it('says "out of order" when a patch of one minor line was published before a lower patch of the same line', () => {
    expect(
      timeSigns(
        metadata([
          ['1.2.3', '2020-03-01T00:00:00.000Z'],
          ['1.2.4', '2020-02-01T00:00:00.000Z'],
        ]),
      ),
    ).toEqual(['out of order']);
  });

  it('finds the inversion whatever order the registry lists the versions in', () => {
    expect(
      timeSigns(
        metadata([
          ['1.2.5', '2020-04-01T00:00:00.000Z'],
          ['1.2.3', '2020-01-01T00:00:00.000Z'],
          ['1.2.4', '2020-05-01T00:00:00.000Z'],
        ]),
      ),
    ).toEqual(['out of order']);
  });

  it('does not count a backport: 1.2.5 published after 2.0.0', () => {
    expect(
      timeSigns(
        metadata([
          ['1.2.4', '2020-01-01T00:00:00.000Z'],
          ['2.0.0', '2020-02-01T00:00:00.000Z'],
          ['1.2.5', '2020-03-01T00:00:00.000Z'],
        ]),
      ),
    ).toEqual([]);
  });

  it('does not compare across minor lines: 1.2.9 published after 1.3.0 is a backport too', () => {
    expect(
      timeSigns(
        metadata([
          ['1.2.8', '2020-01-01T00:00:00.000Z'],
          ['1.3.0', '2020-02-01T00:00:00.000Z'],
          ['1.2.9', '2020-03-01T00:00:00.000Z'],
        ]),
      ),
    ).toEqual([]);
  });

  it('ignores prereleases: 1.2.4-beta.1 published after 1.2.4 is not out of order', () => {
    // Sorted by semver, 1.2.4-beta.1 sits between 1.2.3 and 1.2.4 and was published last.
    expect(
      timeSigns(
        metadata([
          ['1.2.3', '2020-01-01T00:00:00.000Z'],
          ['1.2.4', '2020-02-01T00:00:00.000Z'],
          ['1.2.4-beta.1', '2020-06-01T00:00:00.000Z'],
        ]),
      ),
    ).toEqual([]);
  });

  it('says "clustered" for three versions within less than one second, listed in any order', () => {
    expect(
      timeSigns(
        metadata([
          ['1.0.0', '2020-01-01T00:00:00.000Z'],
          ['2.0.0', '2021-05-05T10:00:00.999Z'],
          ['1.1.0', '2021-05-05T10:00:00.000Z'],
          ['1.2.0', '2021-05-05T10:00:00.500Z'],
        ]),
      ),
    ).toEqual(['clustered']);
  });

  it('does not say "clustered" for two versions within one second, nor for three spread over exactly one second', () => {
    expect(
      timeSigns(
        metadata([
          ['1.0.0', '2021-05-05T10:00:00.000Z'],
          ['1.0.1', '2021-05-05T10:00:00.001Z'],
          ['1.0.2', '2021-05-05T10:00:05.000Z'],
        ]),
      ),
    ).toEqual([]);
    // 10:00:01.000 − 10:00:00.000 = 1000 ms, not less than a second.
    expect(
      timeSigns(
        metadata([
          ['1.0.0', '2021-05-05T10:00:00.000Z'],
          ['1.0.1', '2021-05-05T10:00:00.500Z'],
          ['1.0.2', '2021-05-05T10:00:01.000Z'],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports every sign it finds, in a fixed order', () => {
    expect(
      timeSigns(
        metadata(
          [
            ['1.0.1', '2021-05-05T10:00:00.000Z'],
            ['1.0.0', '2021-05-05T10:00:00.100Z'],
            ['1.0.2', '2021-05-05T10:00:00.200Z'],
          ],
          {},
        ),
      ),
    ).toEqual(['no created/modified', 'out of order', 'clustered']);
  });
});

describe('judgeTimes', () => {
  const clean = (count: number): TimeSign[][] => Array.from({ length: count }, () => []);

  it('trusts a registry where no package shows a sign, also when there are none to judge', () => {
    expect(judgeTimes(clean(7))).toEqual({ reliable: true, signs: {}, packages: 7 });
    expect(judgeTimes([])).toEqual({ reliable: true, signs: {}, packages: 0 });
  });

  it('distrusts a single odd package judged on its own', () => {
    expect(judgeTimes([['out of order']])).toEqual({ reliable: false, signs: { 'out of order': 1 }, packages: 1 });
  });

  it('distrusts one sign among 5 packages and trusts one among 20', () => {
    expect(judgeTimes([['clustered'], ...clean(4)])).toEqual({ reliable: false, signs: { clustered: 1 }, packages: 5 });
    expect(judgeTimes([...clean(19), ['clustered']])).toEqual({ reliable: true, signs: { clustered: 1 }, packages: 20 });
  });

  it('distrusts at one in ten exactly (1 of 10, 2 of 20), trusts just below (2 of 21)', () => {
    expect(judgeTimes([['clustered'], ...clean(9)]).reliable).toBe(false);
    expect(judgeTimes([['clustered'], ['no created/modified'], ...clean(18)]).reliable).toBe(false);
    // 2 < 21 / 10 = 2.1
    expect(judgeTimes([['clustered'], ['no created/modified'], ...clean(19)]).reliable).toBe(true);
  });

  it('counts packages, not signs, against the threshold, and counts each sign per package', () => {
    // One package with three signs among 20: 1 < 2, still trusted.
    const verdict = judgeTimes([['no created/modified', 'out of order', 'clustered'], ['clustered'], ...clean(19)]);
    // Two packages showing among 21: 2 < 2.1.
    expect(verdict).toEqual({ reliable: true, signs: { 'no created/modified': 1, 'out of order': 1, clustered: 2 }, packages: 21 });
    expect(judgeTimes([['no publish times', 'clustered'], ...clean(19)])).toEqual({ reliable: true, signs: { 'no publish times': 1, clustered: 1 }, packages: 20 });
  });
});
