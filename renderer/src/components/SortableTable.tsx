import { type ReactNode, useMemo, useState } from 'react';
import type { MetricId } from '../../../core/api/metric-meanings';
import { isProductCode } from '../../../analyzers/discover/code-role';
import { formatNumber } from '../format';
import { useProductCode } from '../product-code';
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

/** The path a row is about, for rows with a `path` (a file). */
export const filePath = (row: { path: string }): readonly string[] => [row.path];
/** The folder a row is about, for rows of folders with a `path` ('' for the root). */
export const folderPath = (row: { path: string }): readonly string[] => [`${row.path}/`];

/** Rows per page: a long list is read a page at a time, not as one page thousands of pixels long. */
const pageSize = 50;

/**
 * A table whose column headers sort it (click again to reverse), largest numbers first; with
 * `groupOf`, rows are grouped under a heading row per group (groups by name, rows sorted within);
 * 50 rows a page, the header row kept in view while the table scrolls.
 */
export function SortableTable<T>({ label, columns, rows, rowKey, initialSort, groupOf, pathsOf }: {
  label: string;
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  initialSort: string;
  groupOf?: ((row: T) => string) | undefined;
  /** The files or folders (ending in "/") a row is about: with "only product code" on, rows about tests, generated or vendored code are hidden. */
  pathsOf?: (row: T) => readonly string[];
}) {
  const [sort, setSort] = useState({ key: initialSort, descending: true });
  const { only } = useProductCode();
  const kept = useMemo(() => (only && pathsOf ? rows.filter((row) => pathsOf(row).every(isProductCode)) : rows), [rows, only, pathsOf]);
  const sorted = useMemo(() => {
    const value = columns.find((column) => column.key === sort.key)?.sortValue;
    if (!value) return kept;
    const direction = sort.descending ? -1 : 1;
    return [...kept].sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * direction;
    });
  }, [kept, columns, sort]);
  // Grouped rows go group by group (groups by name), sorted within; then a page of them is shown.
  const ordered = useMemo(() => {
    if (!groupOf) return sorted;
    const byName = new Map<string, T[]>();
    for (const row of sorted) byName.set(groupOf(row), [...(byName.get(groupOf(row)) ?? []), row]);
    return [...byName].sort(([a], [b]) => a.localeCompare(b)).flatMap(([, grouped]) => grouped);
  }, [sorted, groupOf]);
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(ordered.length / pageSize));
  const shown = Math.min(page, pages - 1);
  const groups = useMemo(() => {
    const rowsOfPage = ordered.slice(shown * pageSize, (shown + 1) * pageSize);
    if (!groupOf) return [{ name: null, rows: rowsOfPage, total: ordered.length }];
    const result: { name: string; rows: T[]; total: number }[] = [];
    for (const row of rowsOfPage) {
      const name = groupOf(row);
      if (result.at(-1)?.name === name) result.at(-1)!.rows.push(row);
      else result.push({ name, rows: [row], total: ordered.filter((other) => groupOf(other) === name).length });
    }
    return result;
  }, [ordered, shown, groupOf]);

  return (
    <>
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
                      onClick={() => {
                        setSort((current) => ({ key: column.key, descending: current.key === column.key ? !current.descending : true }));
                        setPage(0);
                      }}
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
                    {group.name} <span className="muted">({group.total})</span>
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
      {kept.length < rows.length && (
        <p className="muted note">
          {formatNumber(rows.length - kept.length)} of {formatNumber(rows.length)} rows hidden: tests, generated and vendored code (“Only product code” in the sidebar).
        </p>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={`${label}: pages`}>
          <span className="muted">
            {formatNumber(shown * pageSize + 1)}–{formatNumber(Math.min((shown + 1) * pageSize, ordered.length))} of {formatNumber(ordered.length)}
          </span>
          <button type="button" className="secondary" disabled={shown === 0} onClick={() => setPage(shown - 1)}>
            Previous
          </button>
          <button type="button" className="secondary" disabled={shown === pages - 1} onClick={() => setPage(shown + 1)}>
            Next
          </button>
        </nav>
      )}
    </>
  );
}
