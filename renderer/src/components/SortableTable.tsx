import { type ReactNode, useMemo, useState } from 'react';
import type { MetricId } from '../../../core/api/metric-meanings';
import { Meaning } from './Meaning';

export interface Column<T> {
  key: string;
  title: string;
  /** The value sorted by; columns without one cannot be sorted. */
  sortValue?: (row: T) => number | string;
  numeric?: boolean;
  /** The metric the column shows: its header explains it. */
  meaning?: MetricId;
  render: (row: T) => ReactNode;
}

/**
 * A table whose column headers sort it (click again to reverse), largest numbers first; with
 * `groupOf`, rows are grouped under a heading row per group (groups by name, rows sorted within).
 */
export function SortableTable<T>({ label, columns, rows, rowKey, initialSort, groupOf }: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort: string;
  groupOf?: ((row: T) => string) | undefined;
}) {
  const [sort, setSort] = useState({ key: initialSort, descending: true });
  const sorted = useMemo(() => {
    const value = columns.find((column) => column.key === sort.key)?.sortValue;
    if (!value) return rows;
    const direction = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction;
    });
  }, [rows, columns, sort]);
  const groups = useMemo(() => {
    if (!groupOf) return [{ name: null, rows: sorted }];
    const byName = new Map<string, T[]>();
    for (const row of sorted) byName.set(groupOf(row), [...(byName.get(groupOf(row)) ?? []), row]);
    return [...byName].sort(([a], [b]) => a.localeCompare(b)).map(([name, grouped]) => ({ name, rows: grouped }));
  }, [sorted, groupOf]);

  return (
    <div className="table-scroll">
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} className={column.numeric ? 'number' : undefined} aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                {column.sortValue ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => setSort((current) => ({ key: column.key, descending: current.key === column.key ? !current.descending : true }))}
                  >
                    {column.title}
                    {sort.key === column.key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                  </button>
                ) : (
                  column.title
                )}
                {column.meaning && <Meaning metric={column.meaning} />}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.name ?? ''}>
            {group.name !== null && (
              <tr className="group-row">
                <th colSpan={columns.length} scope="rowgroup">
                  {group.name} <span className="muted">({group.rows.length})</span>
                </th>
              </tr>
            )}
            {group.rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'number' : undefined}>
                    {column.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
