import { sparkline } from '../api/report-chart.js';
import type { Block, Inline } from '../api/report-document.js';

/** Characters Markdown would read as formatting in running text (a name from a repository can hold any). */
const escapeText = (text: string): string => text.replace(/[\\`*_[\]<>]/g, (character) => `\\${character}`);

/** A code span that survives backticks in its text. */
function codeSpan(text: string): string {
  const fence = '`'.repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  return fence.length > 1 || text.startsWith('`') || text.endsWith('`') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function inline(content: Inline): string {
  return content.map((span) => (typeof span === 'string' ? escapeText(span) : 'code' in span ? codeSpan(span.code) : `**${escapeText(span.strong)}**`)).join('');
}

function block(item: Block): string {
  switch (item.kind) {
    case 'heading':
      return `${'#'.repeat(item.level)} ${escapeText(item.text)}`;
    case 'paragraph':
      // A paragraph that starts with # would read as a heading.
      return inline(item.content).replace(/^#/, '\\#');
    case 'list':
      return item.items.map((entry, index) => `${item.ordered ? `${index + 1}.` : '-'} ${inline(entry)}`).join('\n');
    case 'table': {
      const row = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replace(/\n/g, ' ').replace(/\|/g, '\\|')).join(' | ')} |`;
      return [row(item.head.map(escapeText)), row(item.numeric.map((numeric) => (numeric ? '---:' : '---'))), ...item.rows.map((cells) => row(cells.map(inline)))].join('\n');
    }
    case 'chart': {
      // A one-line chart of one series only: several would read as one line.
      const [first, second] = item.chart.series;
      const line = first && !second && first.points.length > 1 ? ` ${sparkline(first.points.map((point) => point.value))}` : '';
      return `${escapeText(item.chart.description)}${line}`;
    }
  }
}

/** The report's blocks as Markdown that reads well as an email (GitHub-flavoured tables). */
export function reportMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map(block).join('\n\n')}\n`;
}
