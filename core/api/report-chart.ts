import type { Chart } from './report-document.js';
import { reportDay } from './report-document.js';

/**
 * A report chart as inline SVG markup: time on the x axis (spaced by time, not by snapshot), values
 * on the y axis, one line per series, labelled marks. Self-contained (no script, no external font),
 * so the same markup serves the HTML file, its PDF and the app's Report page. Text is escaped.
 */

const width = 640;
const height = 240;
const margin = { top: 16, right: 16, bottom: 36, left: 48 };
/** Colours that read on white and on a dark background alike, and apart for most colour vision. */
const chartColours = ['#2f6fdb', '#d9822b', '#2b9a66', '#c2417a', '#7a5af5'];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** About five round steps covering [low, high]. */
function ticks(low: number, high: number): number[] {
  const span = high - low || 1;
  const rough = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const result: number[] = [];
  for (let value = Math.ceil(low / step) * step; value <= high + step / 1e6; value += step) result.push(Math.round(value * 1e6) / 1e6);
  return result;
}

/** The values' range with some room, at least a tenth of the bounds' span (a score that moves 0.2 points is drawn as nearly flat, not as a cliff), kept within the bounds. */
function valueRange(values: readonly number[], bounds: Chart['domain']): [number, number] {
  const [floor, ceiling] = bounds ?? [0, Number.POSITIVE_INFINITY];
  if (values.length === 0) return [floor, Number.isFinite(ceiling) ? ceiling : 1];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  const room = Math.max((max - min) * 0.15, bounds ? (ceiling - floor) / 20 : max * 0.1, 1);
  const low = Math.max(floor, Math.floor(min - room));
  return [low, Math.max(low + 1, Math.min(ceiling, Math.ceil(max + room)))];
}

export function chartSvg(chart: Chart): string {
  const points = chart.series.flatMap((series) => series.points);
  const times = [...points.map((point) => Date.parse(point.at)), ...chart.marks.map((mark) => Date.parse(mark.at))];
  const values = points.map((point) => point.value);
  const [timeLow, timeHigh] = times.length === 0 ? [0, 1] : [Math.min(...times), Math.max(...times)];
  const [low, high] = valueRange(values, chart.domain);
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (at: string) => margin.left + (timeHigh === timeLow ? plotWidth / 2 : ((Date.parse(at) - timeLow) / (timeHigh - timeLow)) * plotWidth);
  const y = (value: number) => margin.top + plotHeight - ((value - low) / (high - low || 1)) * plotHeight;
  const round = (value: number) => Math.round(value * 10) / 10;

  const grid = ticks(low, high)
    .map((tick) => `<line x1="${margin.left}" x2="${width - margin.right}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="currentColor" stroke-opacity="0.15"/><text x="${margin.left - 6}" y="${round(y(tick)) + 4}" text-anchor="end">${tick}</text>`)
    .join('');
  const dates = times.length === 0 ? [] : timeHigh === timeLow ? [new Date(timeLow).toISOString()] : [0, 0.5, 1].map((share) => new Date(timeLow + share * (timeHigh - timeLow)).toISOString());
  const xAxis = dates.map((at, index) => `<text x="${round(x(at))}" y="${height - 12}" text-anchor="${dates.length === 1 ? 'middle' : ['start', 'middle', 'end'][index]}">${escapeHtml(reportDay(at))}</text>`).join('');
  const marks = chart.marks
    .map((mark) => {
      // A label near the right edge goes to the left of its line.
      const left = x(mark.at) > width - margin.right - 90;
      const label = `<text x="${round(x(mark.at)) + (left ? -4 : 4)}" y="${margin.top + 10}" text-anchor="${left ? 'end' : 'start'}">${escapeHtml(mark.label)}</text>`;
      return `<line x1="${round(x(mark.at))}" x2="${round(x(mark.at))}" y1="${margin.top}" y2="${margin.top + plotHeight}" stroke="currentColor" stroke-dasharray="4 3" stroke-opacity="0.6"/>${label}`;
    })
    .join('');
  const lines = chart.series
    .map((series, index) => {
      const colour = chartColours[index % chartColours.length]!;
      const path = series.points.map((point) => `${round(x(point.at))},${round(y(point.value))}`).join(' ');
      const dots = series.points.map((point) => `<circle cx="${round(x(point.at))}" cy="${round(y(point.value))}" r="3" fill="${colour}"><title>${escapeHtml(`${series.name}: ${point.value} on ${reportDay(point.at)}`)}</title></circle>`).join('');
      return `<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}`;
    })
    .join('');
  const legend =
    chart.series.length < 2
      ? ''
      : `<div class="chart-legend">${chart.series.map((series, index) => `<span><i style="background:${chartColours[index % chartColours.length]}"></i>${escapeHtml(series.name)}</span>`).join('')}</div>`;
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.description}`)}" font-size="11" font-family="system-ui, sans-serif" fill="currentColor"><text x="${margin.left}" y="${margin.top - 4}" font-size="10" opacity="0.8">${escapeHtml(chart.unit)}</text>${grid}${xAxis}${marks}${lines}</svg>${legend}`;
}

/** A chart in one line of text: ▁▃▅█ from the first series' values (for Markdown and plain text). */
export function sparkline(values: readonly number[]): string {
  const bars = '▁▂▃▄▅▆▇█';
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return values.map((value) => bars[high === low ? 3 : Math.round(((value - low) / (high - low)) * (bars.length - 1))]).join('');
}
