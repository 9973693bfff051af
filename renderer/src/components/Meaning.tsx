import { type CSSProperties, useId } from 'react';
import { type MetricId, metricMeanings } from '../../../core/api/metric-meanings';

/**
 * A small "i" beside a metric's name that opens what the metric means: its scale, how it is made,
 * and its good and bad values. A native popover (the top layer: never clipped by a table; closes on
 * Escape or a click elsewhere), anchored to its button.
 */
export function Meaning({ metric }: { metric: MetricId }) {
  const id = useId();
  const anchor = `--meaning${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const { name, scale, meaning, bands } = metricMeanings[metric];
  return (
    <>
      <button type="button" className="meaning-button" popoverTarget={id} aria-label={`What ${name.toLowerCase()} means`} style={{ anchorName: anchor } as CSSProperties}>
        i
      </button>
      <div id={id} popover="auto" role="tooltip" className="meaning" style={{ positionAnchor: anchor } as CSSProperties}>
        <strong>{name}</strong> <span className="muted">({scale})</span>
        <p>{meaning}</p>
        {bands.length > 0 && (
          <ul>
            {bands.map((band) => (
              <li key={band}>{band}</li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
