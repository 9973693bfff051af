/**
 * The weekly report as a document: headings, sentences, lists, tables and charts. Every sentence of
 * the report is written here, once; the Markdown, the HTML file and the app's Report page only lay
 * these blocks out (core/reports/report-markdown.ts, report-html.ts, renderer ReportDocumentView).
 */

/** Inline text: plain, code (a path, a name from the repository) or strong (the line a reader must not miss). */
export type Span = string | { code: string } | { strong: string };
export type Inline = readonly Span[];

interface ChartSeries {
  readonly name: string;
  readonly points: readonly { at: string; value: number }[];
}

export interface Chart {
  readonly title: string;
  /** What the chart shows, in words: its text alternative (and the Markdown's line for it). */
  readonly description: string;
  readonly unit: string;
  /** The bounds of the value axis (the score's 0–100): the axis spans the values with some room, within them. */
  readonly domain?: readonly [number, number];
  readonly series: readonly ChartSeries[];
  /** Dates to mark with a labelled vertical line (the snapshot compared with). */
  readonly marks: readonly { at: string; label: string }[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: Inline }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly Inline[] }
  | { readonly kind: 'table'; readonly caption: string; readonly head: readonly string[]; readonly numeric: readonly boolean[]; readonly rows: readonly (readonly Inline[])[] }
  | { readonly kind: 'chart'; readonly chart: Chart };

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "21 Mar 2026": the day as the timestamp records it (a commit's own day, whatever the reader's time zone). */
export function reportDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${Number(day)} ${months[Number(month) - 1]} ${year}`;
}

/** Points with a precision that keeps small changes visible: "4.2", "0.35", "0.004". */
export function formatPoints(value: number): string {
  const size = Math.abs(value);
  if (size === 0) return '0';
  if (size < 0.005) return size.toPrecision(1);
  return size >= 1 ? size.toFixed(1) : size.toFixed(2);
}

/** A change of points with its sign: "+4.2", "−0.35", "±0". */
export function signedPoints(value: number): string {
  return value === 0 ? '±0' : `${value > 0 ? '+' : '−'}${formatPoints(value)}`;
}

/** "45 min", "6 h", "6.5 h". */
export function formatEffort(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${Number.isInteger(hours) ? hours.toFixed(0) : hours.toFixed(1)} h`;
}

/** "1 item", "2,345 items". */
export function counted(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? noun : nouns}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Spans joined with ", " and a final " and ". */
export function joinInline(parts: readonly Inline[]): Span[] {
  return parts.flatMap((part, index) => [...(index === 0 ? [] : [index === parts.length - 1 ? ' and ' : ', ']), ...part]);
}

/** Plain text of spans (for a chart's description or a summary cell). */
export function plainText(content: Inline): string {
  return content.map((span) => (typeof span === 'string' ? span : 'code' in span ? span.code : span.strong)).join('');
}
