import { describe, expect, it } from 'vitest';
import { type SeriesPoint, changeOverWeek, forecastCrossing } from '../../analyzers/health/forecast.js';

const day = 24 * 3600 * 1000;
const week = 7 * day;
const start = Date.UTC(2026, 0, 5);

/** A fixed pseudo-random number in [-1, 1) for a point: the same on every run. */
const jitter = (index: number, seed: number): number => {
  const x = Math.sin(index * 12.9898 + seed * 78.233) * 43758.5453;
  return (x - Math.floor(x)) * 2 - 1;
};

/** Weekly points: value(week) plus up to ±noise. */
function weekly(count: number, value: (index: number) => number, noise = 0, seed = 1): SeriesPoint[] {
  return Array.from({ length: count }, (_, index) => ({ at: start + index * week, value: value(index) + noise * jitter(index, seed) }));
}

describe('forecastCrossing', () => {
  it('dates the crossing of a measure rising every week within a week of the true one', () => {
    // Complexity per function: 10 rising by 0.25 a week, with a little noise; 15 is crossed at week 20.
    const series = weekly(12, (index) => 10 + 0.25 * index, 0.05);
    const forecast = forecastCrossing(series, 15, 'up');
    expect(forecast.kind).toBe('crossing');
    if (forecast.kind !== 'crossing') return;
    const truth = start + 20 * week;
    expect(Math.abs(forecast.at - truth)).toBeLessThanOrEqual(week);
    expect(forecast.earliest).toBeLessThanOrEqual(forecast.at);
    expect(forecast.latest).toBeGreaterThanOrEqual(forecast.at);
    expect(forecast.trend.perWeek).toBeCloseTo(0.25, 1);
  });

  it('says a flat series is not on a trend to the threshold, and a falling one neither', () => {
    expect(forecastCrossing(weekly(20, () => 10, 0.5), 15, 'up').kind).toBe('not-on-trend');
    expect(forecastCrossing(weekly(20, (index) => 10 - 0.2 * index, 0.1), 15, 'up').kind).toBe('not-on-trend');
  });

  it('gives a noisy series a wider interval than a clean one with the same trend', () => {
    const width = (noise: number) => {
      const forecast = forecastCrossing(weekly(16, (index) => 50 - 1 * index, noise, 7), 20, 'down');
      if (forecast.kind !== 'crossing') throw new Error(`expected a crossing, got ${forecast.kind}`);
      return forecast.latest - forecast.earliest;
    };
    expect(width(3)).toBeGreaterThan(width(0.3) * 2);
  });

  it('is not bent by one odd scan', () => {
    const series = weekly(12, (index) => 10 + 0.5 * index);
    series[5] = { ...series[5]!, value: 100 };
    const forecast = forecastCrossing(series, 20, 'up');
    expect(forecast.kind).toBe('crossing');
    if (forecast.kind === 'crossing') expect(forecast.trend.perWeek).toBeCloseTo(0.5, 6);
  });

  it('says when the threshold is already crossed, and when there are too few points to tell', () => {
    expect(forecastCrossing(weekly(6, (index) => 20 + index), 15, 'up').kind).toBe('already-crossed');
    expect(forecastCrossing(weekly(3, (index) => 10 + index), 15, 'up')).toEqual({ kind: 'too-few-points', points: 3, needed: 4 });
  });
});

describe('changeOverWeek', () => {
  it('compares the latest value with the latest one at least a week older, and has none without it', () => {
    const series = [
      { at: start, value: 10 },
      { at: start + 5 * day, value: 12 },
      { at: start + 9 * day, value: 13 },
      { at: start + 13 * day, value: 17 },
    ];
    expect(changeOverWeek(series)).toBe(17 - 12);
    expect(changeOverWeek(series.slice(1, 3))).toBeNull();
    expect(changeOverWeek([])).toBeNull();
  });
});
