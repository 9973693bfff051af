import { describe, expect, it } from 'vitest';
import { multiRowInsert, rowInsertOf, rowsInsert, rowsPerStatement, toPostgresStatement } from '../../core/store/postgres-sql.js';

describe('toPostgresStatement', () => {
  it('numbers ? and @name parameters, leaving literals, quoted names and comments alone', () => {
    const positional = toPostgresStatement(`SELECT '?', "a?b", x FROM t -- is it?\nWHERE a = ? AND b = ? /* ? */`);
    expect(positional.text).toBe(`SELECT '?', "a?b", x FROM t -- is it?\nWHERE a = $1 AND b = $2 /* ? */`);
    expect(positional.values([1, 'two'])).toEqual([1, 'two']);
    const named = toPostgresStatement("UPDATE t SET a = @a, b = @b WHERE id = @id OR parent = @id AND note <> '@a'");
    expect(named.text).toBe("UPDATE t SET a = $1, b = $2 WHERE id = $3 OR parent = $3 AND note <> '@a'");
    expect(named.values([{ id: 7, a: 'x', b: null }])).toEqual(['x', null, 7]);
    expect(() => toPostgresStatement('SELECT ? WHERE a = @a')).toThrow(/either/);
  });
});

describe('row inserts sent many at a time', () => {
  it('knows a one-row insert of placeholders, with or without ON CONFLICT DO NOTHING, and nothing else', () => {
    expect(rowInsertOf('INSERT INTO t (a, "binary", c)\n     VALUES ($1, $2, $3)')).toEqual({
      head: 'INSERT INTO t (a, "binary", c)\n     VALUES',
      table: 't',
      columnList: 'a, "binary", c',
      columns: ['a', 'binary', 'c'],
      width: 3,
      tail: '',
      upsertKeys: null,
    });
    expect(rowInsertOf('INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING')?.tail).toBe('ON CONFLICT DO NOTHING');
    for (const other of [
      'INSERT INTO t (a, b) VALUES ($1, $2) RETURNING id',
      'INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (a) DO UPDATE SET b = t.b + excluded.b',
      'INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (a) DO UPDATE SET b = excluded.a',
      'INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (c) DO UPDATE SET b = excluded.b',
      'INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT (a) DO UPDATE SET b = $3',
      "INSERT INTO t (a, b) VALUES ($1, 'fixed')",
      'INSERT INTO t (a, b) VALUES ($2, $1)',
      'INSERT INTO t (a, b) VALUES ($1, lower($2))',
      'INSERT INTO t (a, b) SELECT a, b FROM u',
      'UPDATE t SET a = $1',
    ])
      expect(rowInsertOf(other), other).toBeNull();
  });

  it('writes rows of one insert as one statement, its values numbered row after row, within the server’s 65,535', () => {
    const insert = rowInsertOf('INSERT INTO t (a, b) VALUES ($1, $2) ON CONFLICT DO NOTHING')!;
    expect(multiRowInsert(insert, 3)).toBe('INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6) ON CONFLICT DO NOTHING');
    expect(rowsPerStatement(insert)).toBe(1_000);
    const wide = rowInsertOf(`INSERT INTO w (${Array.from({ length: 100 }, (_, index) => `c${index}`).join(', ')}) VALUES (${Array.from({ length: 100 }, (_, index) => `$${index + 1}`).join(', ')})`)!;
    expect(rowsPerStatement(wide) * wide.width).toBeLessThanOrEqual(65_535);
    expect(rowsPerStatement(wide)).toBe(655);
  });

  it('sends the rows as one JSON parameter read through the table’s row type, unless a value would not cross unchanged', () => {
    const insert = rowInsertOf('INSERT INTO t (a, "binary", c) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING')!;
    const json = rowsInsert(insert, [
      ['x', Buffer.from([1, 254]), 1.5],
      [null, null, 7],
    ], new Set());
    expect(json.sql).toBe('INSERT INTO t (a, "binary", c) SELECT a, "binary", c FROM json_populate_recordset(NULL::t, $1) ON CONFLICT DO NOTHING');
    expect(JSON.parse(json.parameters[0] as string)).toEqual([
      { a: 'x', binary: '\\x01fe', c: 1.5 },
      { a: null, binary: null, c: 7 },
    ]);
    const notANumber = rowsInsert(insert, [
      ['x', null, Number.NaN],
      ['y', null, 2],
    ], new Set());
    expect(notANumber).toEqual({ sql: multiRowInsert(insert, 2), parameters: ['x', null, Number.NaN, 'y', null, 2] });
  });

  it('sends overwriting upserts many at a time, keeping the last of rows with the same keys, as one at a time would', () => {
    const upsert = rowInsertOf('INSERT INTO memo (reader, sha, value) VALUES ($1, $2, $3) ON CONFLICT (reader, sha) DO UPDATE SET value = excluded.value')!;
    expect(upsert.upsertKeys).toEqual([0, 1]);
    const sent = rowsInsert(upsert, [
      ['r', 'a', 'first'],
      ['r', 'b', 'only'],
      ['r', 'a', 'last'],
    ], new Set());
    expect(sent.sql).toBe('INSERT INTO memo (reader, sha, value) SELECT reader, sha, value FROM json_populate_recordset(NULL::memo, $1) ON CONFLICT (reader, sha) DO UPDATE SET value = excluded.value');
    expect(JSON.parse(sent.parameters[0] as string)).toEqual([
      { reader: 'r', sha: 'b', value: 'only' },
      { reader: 'r', sha: 'a', value: 'last' },
    ]);
  });

  it('puts a JSON column’s text in as the JSON it holds, and text that is not JSON as numbered values', () => {
    const insert = rowInsertOf('INSERT INTO reports (id, body) VALUES ($1, $2)')!;
    const sent = rowsInsert(insert, [
      [1, '{"a":[1,2]}'],
      [2, null],
    ], new Set(['body']));
    expect(JSON.parse(sent.parameters[0] as string)).toEqual([
      { id: 1, body: { a: [1, 2] } },
      { id: 2, body: null },
    ]);
    // Text that would change the document it goes in is not JSON: it goes as a parameter, for the server to refuse.
    expect(rowsInsert(insert, [[1, '1},{"id":9'], [2, '2']], new Set(['body'])).sql).toBe(multiRowInsert(insert, 2));
  });
});
