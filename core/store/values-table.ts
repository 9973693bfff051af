/**
 * Many keys looked up in one statement, on either engine: the keys as a `VALUES` table whose columns
 * both SQLite and PostgreSQL name column1, column2… (column1 is the key's position in the caller's
 * list). In chunks, so no statement passes either engine's limit on parameters.
 */
export function* valuesTables(rows: readonly (readonly unknown[])[], chunkRows = 300): Generator<{ sql: string; params: unknown[] }> {
  for (let start = 0; start < rows.length; start += chunkRows) {
    const chunk = rows.slice(start, start + chunkRows);
    const row = `(?${', ?'.repeat(chunk[0]!.length)})`;
    yield {
      sql: `(VALUES ${Array.from({ length: chunk.length }, () => row).join(', ')}) AS k`,
      params: chunk.flatMap((values, index) => [start + index, ...values]),
    };
  }
}
