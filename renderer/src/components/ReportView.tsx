import { useMemo } from 'react';
import { chartSvg } from '../../../core/api/report-chart';
import type { Block, Inline } from '../../../core/api/report-document';
import { reportBlocks } from '../../../core/api/report-wording';
import type { WeeklyReport } from '../../../core/api/reports';

/**
 * The weekly report in the app: the same blocks, words and charts as the Markdown and HTML files
 * (core/api/report-wording.ts), laid out with the app's styles. Headings move one level down: the
 * page has its own title.
 */
export function ReportView({ report }: { report: WeeklyReport }) {
  const blocks = useMemo(() => reportBlocks(report), [report]);
  return (
    <article className="report" aria-label="Weekly health report">
      {blocks.map((block, index) => (
        <ReportBlock key={index} block={block} />
      ))}
    </article>
  );
}

function InlineText({ content }: { content: Inline }) {
  return (
    <>
      {content.map((span, index) => (typeof span === 'string' ? span : 'code' in span ? <code key={index}>{span.code}</code> : <strong key={index}>{span.strong}</strong>))}
    </>
  );
}

function ReportBlock({ block }: { block: Block }) {
  switch (block.kind) {
    case 'heading': {
      const Heading = (['h2', 'h3', 'h4'] as const)[block.level - 1]!;
      return <Heading>{block.text}</Heading>;
    }
    case 'paragraph':
      return (
        <p>
          <InlineText content={block.content} />
        </p>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, index) => (
            <li key={index}>
              <InlineText content={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'table':
      return (
        <div className="table-scroll">
          <table>
            <caption>{block.caption}</caption>
            <thead>
              <tr>
                {block.head.map((head, index) => (
                  <th key={head} className={block.numeric[index] ? 'number' : undefined}>
                    {head}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, index) => (
                    <td key={index} className={block.numeric[index] ? 'number' : undefined}>
                      <InlineText content={cell} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case 'chart':
      return (
        <figure className="report-chart">
          {/* The chart's markup is built by chartSvg from numbers and escaped text only (one chart for the file and the app). */}
          <div dangerouslySetInnerHTML={{ __html: chartSvg(block.chart) }} />
          <figcaption>{block.chart.description}</figcaption>
        </figure>
      );
  }
}
