/**
 * Where a measure's trend leads: a robust line through its history (Theil–Sen: the median of the
 * slopes between every two points, so a few odd scans do not bend it), its slope with an interval
 * (Sen's, from Kendall's S), and the date the line crosses a threshold — with the dates the
 * interval's slopes give, or "not on the current trend". Pure: points in, a forecast out.
 */

export interface SeriesPoint {
  /** When the measured commit was made (ms since the epoch). */
  readonly at: number;
  readonly value: number;
}

type Forecast =
  | { readonly kind: 'too-few-points'; readonly points: number; readonly needed: number }
  | { readonly kind: 'already-crossed'; readonly trend: Trend }
  | { readonly kind: 'not-on-trend'; readonly trend: Trend }
  | {
      readonly kind: 'crossing';
      readonly trend: Trend;
      /** When the fitted line crosses the threshold (ms). */
      readonly at: number;
      /** The interval: the crossing dates of the interval's faster and slower slopes. */
      readonly earliest: number;
      readonly latest: number;
    };

interface Trend {
  /** Change per week, and its interval. */
  readonly perWeek: number;
  readonly perWeekLow: number;
  readonly perWeekHigh: number;
  /** The line's value at the last point. */
  readonly current: number;
  /**
   * How far single points stray from the line (the interval's quantile × the residuals' robust
   * standard deviation, 1.4826 × their median absolute value): a prediction's band is the slope
   * interval's lines from `current`, widened by this much.
   */
  readonly spread: number;
}

/** Points a trend needs: fewer cannot tell a trend from noise. */
const minimumPoints = 4;
/** The interval's coverage (two-sided), as a normal quantile: 1.645 is 90 %. */
const intervalQuantile = 1.645;
const week = 7 * 24 * 3600 * 1000;

/**
 * When `series` crosses `threshold` going `direction` ('up': from below to at or above; 'down': from
 * above to at or below), on its current trend. A series already past it says so; one not moving
 * towards it, or moving too little to tell from no change (the slope's interval holds zero), is
 * "not on the current trend".
 */
export function forecastCrossing(series: readonly SeriesPoint[], threshold: number, direction: 'up' | 'down'): Forecast {
  const fitted = fitLine(series);
  if (fitted.kind === 'too-few-points') return fitted;
  const { trend, slope, last, low, high } = fitted;
  const sign = direction === 'up' ? 1 : -1;
  if (sign * (trend.current - threshold) >= 0) return { kind: 'already-crossed', trend };
  const [faster, slower] = sign > 0 ? [high, low] : [low, high];
  // Not towards the threshold, or not surely so: the interval's slower end does not move that way.
  if (sign * slope <= 0 || sign * slower <= 0) return { kind: 'not-on-trend', trend };
  // Lines from the last point: the trend's, and the band's edges (a faster slope and the spread towards the threshold, a slower one and the spread away).
  const crossing = (from: number, rate: number): number => last + Math.max(0, (threshold - from) / rate);
  const at = crossing(trend.current, slope);
  return {
    kind: 'crossing',
    trend,
    at,
    earliest: Math.min(crossing(trend.current + sign * trend.spread, faster), at),
    latest: Math.max(crossing(trend.current - sign * trend.spread, slower), at),
  };
}

/** The robust trend of a series without a threshold to cross (a measure watched, not forecast). */
export function fitTrend(series: readonly SeriesPoint[]): { readonly kind: 'too-few-points'; readonly points: number; readonly needed: number } | { readonly kind: 'trend'; readonly trend: Trend } {
  const fitted = fitLine(series);
  return fitted.kind === 'too-few-points' ? fitted : { kind: 'trend', trend: fitted.trend };
}

/** Theil–Sen's line through the series, with Sen's interval of its slope (per ms). */
function fitLine(series: readonly SeriesPoint[]) {
  const points = [...series].filter((point) => Number.isFinite(point.at) && Number.isFinite(point.value)).sort((a, b) => a.at - b.at);
  if (points.length < minimumPoints) return { kind: 'too-few-points' as const, points: points.length, needed: minimumPoints };
  const slopes = pairwiseSlopes(points);
  const slope = sortedMedian(slopes);
  const [low, high] = slopeInterval(slopes, points.length);
  const last = points.at(-1)!.at;
  const line = (rate: number) => {
    const intercept = median(points.map((point) => point.value - rate * point.at));
    return { rate, at: (t: number) => intercept + rate * t };
  };
  const fitted = line(slope);
  const spread = intervalQuantile * 1.4826 * median(points.map((point) => Math.abs(point.value - fitted.at(point.at))));
  const trend: Trend = { perWeek: slope * week, perWeekLow: low * week, perWeekHigh: high * week, current: fitted.at(last), spread };
  return { kind: 'line' as const, trend, slope, last, low, high };
}

/** The slopes between every two points of different dates, in ascending order (a typed array: a portfolio sorts hundreds of thousands of them). */
function pairwiseSlopes(points: readonly SeriesPoint[]): Float64Array {
  const slopes = new Float64Array((points.length * (points.length - 1)) / 2);
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (points[j]!.at !== points[i]!.at) slopes[count++] = (points[j]!.value - points[i]!.value) / (points[j]!.at - points[i]!.at);
    }
  }
  return slopes.subarray(0, count).sort();
}

/** Sen's interval: the slopes at the ranks (N ∓ C)/2, C from the variance of Kendall's S (without ties). */
function slopeInterval(sorted: Float64Array, n: number): [number, number] {
  const spread = intervalQuantile * Math.sqrt((n * (n - 1) * (2 * n + 5)) / 18);
  const lower = Math.max(0, Math.floor((sorted.length - spread) / 2));
  const upper = Math.min(sorted.length - 1, Math.ceil((sorted.length + spread) / 2));
  return [sorted[lower]!, sorted[upper]!];
}

function median(values: readonly number[]): number {
  return sortedMedian(Float64Array.from(values).sort());
}

function sortedMedian(sorted: Float64Array): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The latest value less the value of the latest point at least a week older (by commit date): what
 * changed over the last week of commits; null without such a point.
 */
export function changeOverWeek(series: readonly SeriesPoint[]): number | null {
  const points = [...series].sort((a, b) => a.at - b.at);
  const last = points.at(-1);
  const before = last ? points.filter((point) => point.at <= last.at - week).at(-1) : undefined;
  return last && before ? last.value - before.value : null;
}
