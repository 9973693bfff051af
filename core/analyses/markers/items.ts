import type { MarkersReport } from '../../api/markers.js';
import type { ItemDraft } from '../../inventory/item-draft.js';
import { ordinals } from '../../inventory/ordinals.js';

/** Each marker is an item: the authors' own word that something is owed. */
export function markerItems(report: MarkersReport): ItemDraft[] {
  const ordinal = ordinals(report.markers, (marker) => `${marker.path}\0${marker.kind}\0${marker.text}`, () => null, (marker) => marker.line);
  return report.markers.map((marker): ItemDraft => {
    const place = ordinal.get(marker)!;
    const directive = marker.kind.startsWith('@ts-') || marker.kind === 'eslint-disable';
    const symbol = `${marker.kind}${marker.text ? `: ${marker.text.slice(0, 80)}` : ''}`;
    return {
      kind: 'debt-marker',
      title: directive ? `${marker.path} silences a check (${marker.kind})${marker.text ? `: ${marker.text}` : ''}` : `${marker.kind} in ${marker.path}${marker.text ? `: ${marker.text}` : ''}`,
      path: marker.path,
      line: marker.line,
      symbol: place === 0 ? symbol : `${symbol} #${place + 1}`,
      evidence: { marker: marker.kind, text: marker.text },
      severity: marker.kind === 'TODO' ? 'info' : 'low',
      confidence: 'high',
      confidenceReason: 'Written in a comment by the code’s authors.',
      size: 1,
      material: marker.text,
      fix: { text: directive ? `Fix what ${marker.kind} hides, then remove it.` : `Do what the ${marker.kind} says, or remove it if it no longer applies.`, draft: null },
    };
  });
}
