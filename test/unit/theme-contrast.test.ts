import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The colour tokens of the stylesheet, as `light-dark(light, dark)` pairs. */
const tokens = new Map(
  [...readFileSync(new URL('../../renderer/src/styles.css', import.meta.url), 'utf8').matchAll(/--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/gi)].map(([, name, light, dark]) => [name!, { light: light!, dark: dark! }]),
);

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}

describe('the themes meet WCAG AA contrast', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: text, links and ratings 4.5:1 on every background; control edges 3:1`, () => {
      for (const background of ['surface', 'bg']) {
        for (const text of ['text', 'muted', 'accent', 'rating-a', 'rating-b', 'rating-c', 'rating-d', 'rating-e']) {
          expect(contrast(tokens.get(text)![theme], tokens.get(background)![theme]), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
        expect(contrast(tokens.get('control-border')![theme], tokens.get(background)![theme]), `control-border on ${background}`).toBeGreaterThanOrEqual(3);
      }
      for (const [text, background] of [['accent-text', 'accent'], ['error-text', 'error-bg'], ['warning-text', 'warning-bg']]) {
        expect(contrast(tokens.get(text!)![theme], tokens.get(background!)![theme]), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
