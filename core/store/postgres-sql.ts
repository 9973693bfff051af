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
