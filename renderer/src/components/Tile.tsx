import type { MetricId } from '../../../core/api/metric-meanings';
import { formatNumber } from '../format';
import { Meaning } from './Meaning';

/** One figure of a row of tiles; a count of 0 is dimmed when nothing is wrong at 0 (findings, violations); a metric's tile explains it. */
export function Tile({ label, value, dimZero = false, meaning }: { label: string; value: number | string; dimZero?: boolean; meaning?: MetricId }) {
  return (
    <div className={dimZero && value === 0 ? 'tile zero' : 'tile'}>
      <dt>
        {label}
        {meaning && <Meaning metric={meaning} />}
      </dt>
      <dd>{typeof value === 'number' ? formatNumber(value) : value}</dd>
    </div>
  );
}
