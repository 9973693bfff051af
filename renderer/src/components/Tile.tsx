import type { MetricId } from '../../../core/api/metric-meanings';
import { formatNumber } from '../format';
import { Meaning } from './Meaning';

/**
 * One figure of a row of tiles; a count of 0 is dimmed when nothing is wrong at 0 (findings,
 * violations); a metric's tile explains it; `note` says what is counted where another page counts
 * the same name differently (all files or code files, commits with merges or without).
 */
export function Tile({ label, value, dimZero = false, meaning, note }: { label: string; value: number | string; dimZero?: boolean; meaning?: MetricId; note?: string }) {
  return (
    <div className={dimZero && value === 0 ? 'tile zero' : 'tile'}>
      <dt>
        <span>{label}</span>
        {meaning && <Meaning metric={meaning} />}
        {note && <span className="tile-note">{note}</span>}
      </dt>
      <dd>{typeof value === 'number' ? formatNumber(value) : value}</dd>
    </div>
  );
}
