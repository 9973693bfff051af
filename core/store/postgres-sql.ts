/**
 * Steward's statements are written once, with SQLite's parameters (`?` in order, or `@name` with an
 * object); PostgreSQL numbers them (`$1`). This turns one into the other, leaving string literals,
 * quoted names and comments alone. `::` casts and `$1`-style text are left as they are.
 */
export interface PostgresStatementText {
  text: string;
  /** The values in `$n` order, from the arguments a caller gave `run`/`get`/`all`. */
  values(parameters: readonly unknown[]): unknown[];
}

export function toPostgresStatement(sql: string): PostgresStatementText {
  let text = '';
  let positional = 0;
  const named: string[] = [];
  let index = 0;
  while (index < sql.length) {
    const char = sql[index]!;
    const end = skipQuotedOrComment(sql, index);
    if (end > index) {
      text += sql.slice(index, end);
      index = end;
    } else if (char === '?') {
      text += `$${++positional}`;
      index++;
    } else if (char === '@' && /[A-Za-z_]/.test(sql[index + 1] ?? '')) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(sql.slice(index + 1))![0];
      if (!named.includes(name)) named.push(name);
      text += `$${named.indexOf(name) + 1}`;
      index += name.length + 1;
    } else {
      text += char;
      index++;
    }
  }
  if (positional > 0 && named.length > 0) throw new Error('A statement takes either ? or @name parameters, not both');
  return {
    text,
    values:
      named.length === 0
        ? (parameters) => parameters.map(toPostgresValue)
        : (parameters) => {
            const object = (parameters[0] ?? {}) as Record<string, unknown>;
            return named.map((name) => toPostgresValue(object[name]));
          },
  };
}

/** Where a literal, quoted name or comment starting at `index` ends (`index` when none starts there). */
function skipQuotedOrComment(sql: string, index: number): number {
  const char = sql[index];
  if (char === "'" || char === '"') {
    let at = index + 1;
    while (at < sql.length) {
      if (sql[at] === char) {
        if (sql[at + 1] === char) at += 2;
        else return at + 1;
      } else at++;
    }
    return sql.length;
  }
  if (char === '-' && sql[index + 1] === '-') {
    const newline = sql.indexOf('\n', index);
    return newline === -1 ? sql.length : newline;
  }
  if (char === '/' && sql[index + 1] === '*') {
    const close = sql.indexOf('*/', index + 2);
    return close === -1 ? sql.length : close + 2;
  }
  return index;
}

/** What SQLite takes and PostgreSQL stores alike: a bigint as its number, a Buffer as bytes, undefined as NULL. */
function toPostgresValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * A one-row INSERT of placeholders only (`INSERT INTO t (a, b) VALUES ($1, $2)`), plain, with
 * `ON CONFLICT DO NOTHING`, or with `ON CONFLICT (keys) DO UPDATE SET` columns to the new row's
 * values (`c = excluded.c`): many of them in a row can go to the server as one statement of many
 * rows, which does the same (a conflict skips, or overwrites, a row either way; of rows with the same
 * keys in one statement, the last is kept, as it would have won one at a time). Null for any other.
 */
export interface RowInsert {
  /** `INSERT INTO t (a, b) VALUES`. */
  readonly head: string;
  /** `t`, as written. */
  readonly table: string;
  /** `a, b`, as written. */
  readonly columnList: string;
  /** The columns' names (unquoted), one per value of a row. */
  readonly columns: readonly string[];
  /** Values per row. */
  readonly width: number;
  /** `ON CONFLICT DO NOTHING`, `ON CONFLICT (…) DO UPDATE SET …`, or ''. */
  readonly tail: string;
  /** For an overwriting upsert: the positions of its conflict keys among the row's values. */
  readonly upsertKeys: readonly number[] | null;
}

export function rowInsertOf(text: string): RowInsert | null {
  const match = /^\s*(INSERT\s+INTO\s+([\w."]+)\s*\(([^()]*)\)\s*VALUES)\s*\(([^()]*)\)\s*(ON\s+CONFLICT\s+DO\s+NOTHING|ON\s+CONFLICT\s*\(([^()]*)\)\s*DO\s+UPDATE\s+SET\s+([^;$]*?))?\s*;?\s*$/i.exec(text);
  if (!match) return null;
  const values = match[4]!.split(',').map((value) => value.trim());
  if (!values.every((value, index) => value === `$${index + 1}`)) return null;
  const columns = match[3]!.split(',').map(unquoted);
  if (columns.length !== values.length) return null;
  let upsertKeys: number[] | null = null;
  if (match[6] !== undefined) {
    upsertKeys = match[6].split(',').map((key) => columns.indexOf(unquoted(key)));
    // Only a plain overwrite with the new row's values: then the last of several rows with the same keys is what one at a time leaves.
    const overwrites = match[7]!.split(',').every((assignment) => {
      const [column, value] = assignment.split('=').map((side) => side.trim());
      return column !== undefined && value !== undefined && /^excluded\./i.test(value) && unquoted(value.slice('excluded.'.length)) === unquoted(column);
    });
    if (upsertKeys.includes(-1) || !overwrites) return null;
  }
  return { head: match[1]!, table: match[2]!, columnList: match[3]!.trim(), columns, width: values.length, tail: match[5]?.trim() ?? '', upsertKeys };
}

function unquoted(name: string): string {
  return name.trim().replace(/^"(.*)"$/, '$1');
}

/** PostgreSQL takes at most 65,535 values in one statement. */
const maximumValues = 65_535;

/** How many rows of `insert` one statement holds. */
export function rowsPerStatement(insert: RowInsert): number {
  return Math.max(1, Math.min(1_000, Math.floor(maximumValues / insert.width)));
}

/**
 * One statement of several rows of `insert`: their values as one JSON parameter when they can all
 * be, else numbered row after row. An upsert keeps the last of rows with the same keys (PostgreSQL
 * refuses to update one row twice in a statement).
 */
export function rowsInsert(insert: RowInsert, given: readonly (readonly unknown[])[], jsonColumns: ReadonlySet<string>): { sql: string; parameters: unknown[] } {
  const rows = insert.upsertKeys ? lastOfEachKey(given, insert.upsertKeys) : given;
  const json = jsonRows(insert, rows, jsonColumns);
  if (json !== null) {
    // The table's row type reads each value as its column's type, as a parameter would be read.
    return { sql: `INSERT INTO ${insert.table} (${insert.columnList}) SELECT ${insert.columnList} FROM json_populate_recordset(NULL::${insert.table}, $1)${insert.tail ? ` ${insert.tail}` : ''}`, parameters: [json] };
  }
  return { sql: multiRowInsert(insert, rows.length), parameters: rows.flat() };
}

function lastOfEachKey(rows: readonly (readonly unknown[])[], keys: readonly number[]): (readonly unknown[])[] {
  const keyOf = (row: readonly unknown[]) => keys.map((key) => String(row[key])).join('\u0000');
  const last = new Map<string, number>();
  rows.forEach((row, index) => last.set(keyOf(row), index));
  return rows.filter((row, index) => last.get(keyOf(row)) === index);
}

/** The statement that inserts `rows` rows of `insert` at once (values row after row). */
export function multiRowInsert(insert: RowInsert, rows: number): string {
  const tuples = Array.from({ length: rows }, (_, row) => `(${Array.from({ length: insert.width }, (_, column) => `$${row * insert.width + column + 1}`).join(', ')})`);
  return `${insert.head} ${tuples.join(', ')}${insert.tail ? ` ${insert.tail}` : ''}`;
}

/**
 * The rows as a JSON array of objects keyed by column, which the server parses far faster than
 * thousands of parameters; null when a value would not cross unchanged (a number JSON cannot hold,
 * an object other than bytes, text for a JSON column that is not JSON). A JSON column's text goes in
 * as the JSON it holds, as the server would have read it from a parameter.
 */
function jsonRows(insert: RowInsert, rows: readonly (readonly unknown[])[], jsonColumns: ReadonlySet<string>): string | null {
  // Each field's `"column":`, and whether the column is JSON, once per statement rather than per value.
  const keys = insert.columns.map((column) => `${JSON.stringify(column)}:`);
  const asJson = insert.columns.map((column) => jsonColumns.has(column));
  let document = '[';
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    document += index === 0 ? '{' : ',{';
    for (let column = 0; column < insert.width; column++) {
      const value = row[column];
      let text: string;
      if (value === null) text = 'null';
      else if (typeof value === 'string') {
        if (!asJson[column]) {
          // Well-formed, as a parameter's UTF-8 would make it (a lone surrogate becomes U+FFFD; the server refuses its JSON escape).
          text = JSON.stringify(value.isWellFormed() ? value : value.toWellFormed());
        } else if (isJsonText(value)) text = value;
        else return null;
      } else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
      // bytea's text form, \x and the bytes in hex, as a JSON string (its backslash escaped).
      else if (Buffer.isBuffer(value)) text = `"\\\\x${value.toString('hex')}"`;
      else return null;
      document += column === 0 ? keys[column]! + text : `,${keys[column]!}${text}`;
    }
    document += '}';
  }
  return `${document}]`;
}

/** Whether text is one JSON value (and nothing after it that could change the document it goes in). */
function isJsonText(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
