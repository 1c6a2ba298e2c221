// Dumps every table of a PostgreSQL database (real server or PGlite) as searchable text. Binary
// columns appear as hex, as decoded text and as base64, so that a clear string stored in a bytea
// is found as well as one in a text column.
import { writeFileSync } from 'node:fs';
import { bytesForms, type Haystack } from './canary.ts';

/** What `pg.Client` and `PGlite` have in common. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string): Promise<{ rows: T[] }>;
}

export interface TableDump {
  readonly table: string;
  readonly rows: readonly string[];
}

const TABLES_SQL = `
  select n.nspname as schema, c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'm')
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname not like 'pg_toast%'
    and n.nspname not like 'pg_temp%'
  order by 1, 2`;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function serialiseValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Uint8Array) {
    const [utf8, latin1, utf16, hex, base64] = bytesForms(value);
    return `bytes(hex=${hex} base64=${base64} utf8=${JSON.stringify(utf8)} latin1=${JSON.stringify(latin1)} utf16=${JSON.stringify(utf16)})`;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `[${value.map(serialiseValue).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, inner]) => `${key}: ${serialiseValue(inner)}`)
      .join(', ')}}`;
  }
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

export function serialiseRow(row: Record<string, unknown>): string {
  return Object.entries(row)
    .map(([column, value]) => `${column}=${serialiseValue(value)}`)
    .join(' | ');
}

/** Every row of every user table, plus large objects, one string per row. */
export async function dumpAllTables(db: Queryable): Promise<TableDump[]> {
  const { rows: tables } = await db.query<{ schema: string; name: string }>(TABLES_SQL);
  const dumps: TableDump[] = [];
  for (const { schema, name } of tables) {
    const { rows } = await db.query(`select * from ${quoteIdent(schema)}.${quoteIdent(name)}`);
    // The row's own text form too: it shows every type exactly as PostgreSQL prints it.
    const { rows: textRows } = await db.query<{ t: string }>(`select t::text as t from ${quoteIdent(schema)}.${quoteIdent(name)} t`);
    dumps.push({
      table: `${schema}.${name}`,
      rows: [...rows.map(serialiseRow), ...textRows.map((row) => `rowtext=${row.t}`)],
    });
  }
  const { rows: largeObjects } = await db.query('select loid, pageno, data from pg_catalog.pg_largeobject');
  dumps.push({ table: 'pg_catalog.pg_largeobject', rows: largeObjects.map(serialiseRow) });
  return dumps;
}

export function tableHaystacks(dumps: readonly TableDump[]): Haystack[] {
  return dumps.flatMap((dump) => dump.rows.map((text, index) => ({ where: `table ${dump.table} row ${index}`, text })));
}

export function writeDump(file: string, dumps: readonly TableDump[]): void {
  // Each row appears twice: its values as the driver returns them, then PostgreSQL's own text form.
  const text = dumps.map((dump) => `== ${dump.table} (${dump.rows.length} lines)\n${dump.rows.join('\n')}`).join('\n\n');
  writeFileSync(file, `${text}\n`);
}
