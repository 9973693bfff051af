import { commitDay } from './format';

/**
 * A time axis spaced by time, not by point (a gap of a month looks like one), for data with `at` in
 * milliseconds; ticks as days.
 */
export const timeAxis = { dataKey: 'at', type: 'number', scale: 'time', domain: ['dataMin', 'dataMax'], tickFormatter: (at: number) => commitDay(new Date(at).toISOString()) } as const;

/**
 * A value axis on a log scale when one value dwarfs the rest (the largest over 20 × the median) and
 * every value can be drawn on one (above 0); linear otherwise.
 */
export function valueScale(values: readonly number[]): { scale: 'log' | 'linear'; domain: ['auto', 'auto'] | [number, 'auto'] } {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const skewed = sorted.length > 2 && sorted[0]! > 0 && sorted.at(-1)! > 20 * median;
  return skewed ? { scale: 'log', domain: ['auto', 'auto'] } : { scale: 'linear', domain: [0, 'auto'] };
}
