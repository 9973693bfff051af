import { forecastScoreThreshold } from '../../../core/api/health';

/**
 * A score's recent trend as a small line (time across; up from a little below the lowest of the
 * scores and the threshold, to 100: small moves of a healthy score stay visible), the threshold
 * dashed; named for screen readers.
 */
export function Sparkline({ points, label, colour }: { points: readonly { at: string; score: number }[]; label: string; colour: string }) {
  const [width, height] = [96, 28];
  if (points.length < 2) return <span className="muted sparkline-empty">{points.length === 0 ? 'no trend yet' : 'one scan'}</span>;
  const times = points.map((point) => Date.parse(point.at));
  const [first, last] = [Math.min(...times), Math.max(...times)];
  const x = (at: number) => (last === first ? width : ((at - first) / (last - first)) * (width - 2) + 1);
  const floor = Math.max(0, Math.min(forecastScoreThreshold, ...points.map((point) => point.score)) - 5);
  const y = (score: number) => height - 1 - ((score - floor) / (100 - floor)) * (height - 2);
  const line = points.map((point, index) => `${x(times[index]!).toFixed(1)},${y(point.score).toFixed(1)}`).join(' ');
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1="0" x2={width} y1={y(forecastScoreThreshold)} y2={y(forecastScoreThreshold)} className="sparkline-threshold" />
      <polyline points={line} fill="none" stroke={colour} strokeWidth="1.75" strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
