import { formatNumber } from '../format';

/** One figure of a row of tiles; a count of 0 is dimmed when nothing is wrong at 0 (findings, violations). */
export function Tile({ label, value, dimZero = false }: { label: string; value: number | string; dimZero?: boolean }) {
  return (
    <div className={dimZero && value === 0 ? 'tile zero' : 'tile'}>
      <dt>{label}</dt>
      <dd>{typeof value === 'number' ? formatNumber(value) : value}</dd>
    </div>
  );
}
