import { createHash } from "node:crypto";
import { getTableColumns, is, SQL, type Column } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";

/**
 * Hot write paths without rebuilding their SQL on every call (decision 0016). Drizzle builds an
 * insert from scratch each time — every column, value and chunk an object checked with `is()` —
 * which was the largest share of a createActivity's CPU after the socket. Here the text of an
 * insert is built once per shape (which columns have a value, how many rows) and kept; a call
 * computes only its parameters, with each column's own `mapToDriverValue` as Drizzle does, and
 * runs as a named prepared statement on PostgreSQL (parsed once per connection).
 */

/** Part of a statement: its text from a first placeholder number, and this call's parameters. */
export type StatementPart = {
  /** Equal for every call whose text is the same (the table and which columns have values). */
  shape: string;
  /** The text, its placeholders numbered from `first` ($first, $first+1, …); called once per shape. */
  text: (first: number) => string;
  params: unknown[];
};

export function isStatementPart(w: unknown): w is StatementPart {
  return typeof (w as StatementPart).shape === "string" && typeof (w as StatementPart).text === "function";
}

type InsertColumn = { key: string; column: Column; quoted: string };

const columnsOf = new WeakMap<PgTable, { name: string; columns: InsertColumn[] }>();

function insertColumns(table: PgTable): { name: string; columns: InsertColumn[] } {
  let found = columnsOf.get(table);
  if (!found) {
    const columns = Object.entries(getTableColumns(table))
      .filter(
        ([, column]) => !(column as unknown as { shouldDisableInsert: () => boolean }).shouldDisableInsert(),
      )
      .map(([key, column]) => ({ key, column, quoted: `"${column.name}"` }));
    const { name, schema } = getTableConfig(table);
    found = { name: schema ? `"${schema}"."${name}"` : `"${name}"`, columns };
    columnsOf.set(table, found);
  }
  return found;
}

/**
 * `insert into <table> (every column) values (…), (…)` for plain values, as Drizzle's insert writes
 * it: a column without a value takes its `$defaultFn`, else (no default, with `$onUpdate`) that,
 * else `default`. SQL expressions as values are not accepted (use Drizzle's insert for those).
 */
export function insertRows(table: PgTable, rows: readonly Record<string, unknown>[]): StatementPart {
  const { name, columns } = insertColumns(table);
  const params: unknown[] = [];
  let shape = `${name}:`;
  for (const row of rows) {
    shape += "(";
    for (const { key, column } of columns) {
      let value = row[key];
      if (value === undefined) {
        if (column.defaultFn !== undefined) value = column.defaultFn();
        else if (!column.default && column.onUpdateFn !== undefined) value = column.onUpdateFn();
      }
      if (value === undefined) {
        shape += "d";
        continue;
      }
      if (is(value, SQL)) throw new Error(`insertRows: SQL value for ${name}.${key}`);
      shape += "p";
      params.push(value === null ? null : column.mapToDriverValue(value));
    }
    shape += ")";
  }
  const text = (first: number) => {
    let n = first;
    const groups = shape
      .slice(name.length + 1)
      .split(")")
      .filter(Boolean)
      .map((g) => `(${[...g.slice(1)].map((m) => (m === "p" ? `$${n++}` : "default")).join(", ")})`);
    return `insert into ${name} (${columns.map((c) => c.quoted).join(", ")}) values ${groups.join(", ")}`;
  };
  return { shape, text, params };
}

const texts = new Map<string, { text: string; name: string }>();

/**
 * Runs `compose(texts of parts)` with the parts' parameters in order, the composed text built once
 * per combination of shapes (under `key`) and kept. On PostgreSQL it is a named prepared statement.
 */
export async function runParts(
  db: Db,
  key: string,
  parts: readonly StatementPart[],
  compose: (texts: string[]) => string,
): Promise<void> {
  const shapeKey = `${key}|${parts.map((p) => p.shape).join("|")}`;
  let found = texts.get(shapeKey);
  if (!found) {
    let first = 1;
    const partTexts = parts.map((p) => {
      const t = p.text(first);
      first += p.params.length;
      return t;
    });
    const text = compose(partTexts);
    found = { text, name: `td_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}` };
    if (texts.size >= 500) texts.clear();
    texts.set(shapeKey, found);
  }
  const params = parts.length === 1 ? parts[0]!.params : parts.flatMap((p) => p.params);
  await runPrepared(db, found.name, found.text, params);
}

type Session = {
  prepareQuery: (
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string | undefined,
    arrayMode: boolean,
  ) => { execute: () => Promise<unknown> };
};

/**
 * Runs a statement through the handle's Drizzle session (the pool, or the transaction's
 * connection), so it is sent, logged and traced as Drizzle's own; `name` makes it a named prepared
 * statement on node-postgres (PGlite ignores it).
 */
export function runPrepared(db: Db, name: string, text: string, params: unknown[]): Promise<unknown> {
  const session = (db as unknown as { session: Session }).session;
  return session.prepareQuery({ sql: text, params }, undefined, name, false).execute();
}
