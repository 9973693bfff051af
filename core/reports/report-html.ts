import { chartSvg, escapeHtml } from '../api/report-chart.js';
import type { Block, Inline } from '../api/report-document.js';

function inline(content: Inline): string {
  return content.map((span) => (typeof span === 'string' ? escapeHtml(span) : 'code' in span ? `<code>${escapeHtml(span.code)}</code>` : `<strong>${escapeHtml(span.strong)}</strong>`)).join('');
}

function block(item: Block): string {
  switch (item.kind) {
    case 'heading':
      return `<h${item.level}>${escapeHtml(item.text)}</h${item.level}>`;
    case 'paragraph':
      return `<p>${inline(item.content)}</p>`;
    case 'list': {
      const tag = item.ordered ? 'ol' : 'ul';
      return `<${tag}>${item.items.map((entry) => `<li>${inline(entry)}</li>`).join('')}</${tag}>`;
    }
    case 'table': {
      const cell = (tag: 'th' | 'td', index: number, html: string) => `<${tag}${item.numeric[index] ? ' class="number"' : ''}>${html}</${tag}>`;
      return `<div class="table-wrap"><table><caption>${escapeHtml(item.caption)}</caption><thead><tr>${item.head.map((head, index) => cell('th', index, escapeHtml(head))).join('')}</tr></thead><tbody>${item.rows
        .map((row) => `<tr>${row.map((content, index) => cell('td', index, inline(content))).join('')}</tr>`)
        .join('')}</tbody></table></div>`;
    }
    case 'chart':
      return `<figure>${chartSvg(item.chart)}<figcaption>${escapeHtml(item.chart.description)}</figcaption></figure>`;
  }
}

/** Light and dark by the reader's preference; on paper, black on white without backgrounds, no table split across pages by a row. */
const styles = `
:root { color-scheme: light dark; --text: #1d2430; --muted: #5b6576; --line: #d5dae2; --head: #f3f5f8; --link: #2f6fdb; }
@media (prefers-color-scheme: dark) { :root { --text: #e6e9ef; --muted: #a3acba; --line: #3a4250; --head: #232936; --link: #7aa7ff; } body { background: #161a22; } }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); max-width: 60rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; } h3 { font-size: 1.05rem; margin: 1.5rem 0 .4rem; }
p, li { max-width: 48rem; } code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; } table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; } th { background: var(--head); } .number { text-align: right; white-space: nowrap; }
figure { margin: .75rem 0 1.25rem; } figcaption { color: var(--muted); font-size: .85rem; } svg.chart { width: 100%; max-width: 44rem; height: auto; display: block; }
.chart-legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .8rem; color: var(--muted); } .chart-legend i { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .3rem; vertical-align: -1px; }
@media print { :root { --text: #000; --muted: #333; --line: #999; --head: transparent; } body { background: none; margin: 0; max-width: none; font-size: 11pt; } h2, h3 { break-after: avoid; } tr, figure { break-inside: avoid; } }
`;

/** The report as one self-contained HTML file: inline CSS, charts as inline SVG, no script. */
export function reportHtml(blocks: readonly Block[], title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
${blocks.map(block).join('\n')}
</body>
</html>
`;
}
