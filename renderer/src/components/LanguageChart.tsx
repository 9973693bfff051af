import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LineTotals } from '../../../core/api/snapshots';
import { formatNumber } from '../format';

const shownLanguages = 10;

/** Lines of code by language, biggest first. */
export function LanguageChart({ languages }: { languages: Record<string, LineTotals> }) {
  const data = Object.entries(languages)
    .slice(0, shownLanguages)
    .map(([language, totals]) => ({ language, linesOfCode: totals.linesOfCode }));
  if (data.length === 0) return <p className="muted">No source files in a language Steward recognises.</p>;
  return (
    <figure className="chart" aria-label="Lines of code by language">
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ left: 16, right: 24, top: 8, bottom: 8 }}>
          <CartesianGrid horizontal={false} stroke="var(--border)" />
          <XAxis type="number" tickFormatter={formatNumber} stroke="var(--muted)" fontSize={12} />
          <YAxis type="category" dataKey="language" width={110} stroke="var(--muted)" fontSize={12} />
          <Tooltip
            formatter={(value) => [formatNumber(Number(value)), 'Lines of code']}
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            cursor={{ fill: 'var(--hover)' }}
          />
          <Bar dataKey="linesOfCode" fill="var(--accent)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
