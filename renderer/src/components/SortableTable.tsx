import { type ReactNode, useMemo, useState } from 'react';

export interface Column<T> {
  key: string;
  title: string;
  /** The value sorted by; columns without one cannot be sorted. */
  sortValue?: (row: T) => number | string;
  numeric?: boolean;
  render: (row: T) => ReactNode;
}

/** A table whose column headers sort it (click again to reverse), largest numbers first. */
export function SortableTable<T>({ label, columns, rows, rowKey, initialSort }: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort: string;
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

  return (
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
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column) => (
              <td key={column.key} className={column.numeric ? 'number' : undefined}>
                {column.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
