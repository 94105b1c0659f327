import { createHash } from "node:crypto";
import { parse, protocol, type PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";
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

/**
 * A value for `insertRows` already in the form the driver sends (a jsonb column's JSON text): passed
 * as is, without the column's `mapToDriverValue`.
 */
export class DriverValue {
  constructor(readonly value: string | null) {}
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
      shape += "p";
      if (value === null || typeof value !== "object") {
        params.push(value === null ? null : column.mapToDriverValue(value));
        continue;
      }
      if (value instanceof DriverValue) {
        params.push(value.value);
        continue;
      }
      if (is(value, SQL)) throw new Error(`insertRows: SQL value for ${name}.${key}`);
      params.push(column.mapToDriverValue(value));
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
    found = { text, name: nameOf(text) };
    if (texts.size >= 500) texts.clear();
    texts.set(shapeKey, found);
  }
  const params = parts.length === 1 ? parts[0]!.params : parts.flatMap((p) => p.params);
  await runPrepared(db, found.name, found.text, params);
}

const names = new Map<string, string>();

/** A statement's name: a hash of its text, so two texts never share a name. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `td_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    if (names.size >= 500) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * Rows of a statement run as a named prepared statement on either engine (see `runPrepared`): for
 * a hot read or a background statement that runs again and again with the same text. Drizzle SQL is
 * turned into text and parameters as `db.execute` does; rows come back as `queryRows` gives them.
 */
export async function preparedRows<T>(
  db: Db,
  query: SQL | { text: string; params: unknown[] },
): Promise<T[]> {
  const { sql: text, params } = is(query, SQL)
    ? (
        db as unknown as { dialect: { sqlToQuery: (q: SQL) => { sql: string; params: unknown[] } } }
      ).dialect.sqlToQuery(query)
    : { sql: query.text, params: query.params };
  const res = await runPrepared(db, nameOf(text), text, params);
  return (res as { rows: T[] }).rows;
}

type Session = {
  prepareQuery: (
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: string | undefined,
    arrayMode: boolean,
  ) => { execute: () => Promise<unknown>; client?: unknown };
};

/**
 * Runs a statement through the handle's Drizzle session (the pool, or the transaction's
 * connection), so it is sent, logged, traced and its errors wrapped as Drizzle's own; `name` makes
 * it a named prepared statement — node-postgres keeps it per connection; on PGlite (outside a
 * transaction) it is kept by the embedded engine, see `pgliteNamed`. A prepared statement is parsed
 * once and, without parameters or once PostgreSQL's plan cache settles on a generic plan, planned
 * once: inside PGlite's wasm engine, planning was the larger part of a hot statement's cost.
 */
export function runPrepared(db: Db, name: string, text: string, params: unknown[]): Promise<unknown> {
  const session = (db as unknown as { session: Session }).session;
  const prepared = session.prepareQuery({ sql: text, params }, undefined, name, false);
  const client = prepared.client;
  if (isPglite(client)) prepared.client = { query: pgliteNamed(client, name) };
  return prepared.execute();
}

/** The PGlite instance itself (a transaction's handle has no mutex of its own to take). */
function isPglite(client: unknown): client is PGlite {
  return typeof (client as PGlite | undefined)?._runExclusiveTransaction === "function";
}

/**
 * Per PGlite instance: the statements it has prepared, by name, with their parameters' types. Kept
 * on the engine, not in this module: what the engine has prepared is the engine's, and two copies
 * of this module can share one engine (a second app built on the same database in tests).
 */
const PREPARED = Symbol.for("toandan.pglite.preparedStatements");
function preparedOn(pg: PGlite): Map<string, number[]> {
  const holder = pg as PGlite & { [PREPARED]?: Map<string, number[]> };
  return (holder[PREPARED] ??= new Map<string, number[]>());
}
/** Distinct statements kept by one embedded engine before they are all deallocated (bounds its memory). */
const PGLITE_MAX_STATEMENTS = 300;

type ProtocolMessages = Awaited<ReturnType<PGlite["execProtocolStream"]>>;

/**
 * `query` as PGlite's own (same mutexes, same parsing of the answer and of errors), with the
 * statement parsed under `name` the first time and only bound and executed after that: PGlite's
 * `query` sends every statement unnamed, so the engine parses and plans it on every call.
 */
function pgliteNamed(pg: PGlite, name: string) {
  return (text: string, params: unknown[], options: QueryOptions): Promise<Results> =>
    pg._runExclusiveTransaction(() =>
      pg._runExclusiveQuery(async () => {
        const send = (message: Uint8Array) => pg.execProtocolStream(message, { syncToFs: false });
        const known = preparedOn(pg);
        const messages: ProtocolMessages = [];
        try {
          let types = known.get(name);
          if (!types) {
            if (known.size >= PGLITE_MAX_STATEMENTS) {
              await send(protocol.serialize.query("deallocate all"));
              known.clear();
            }
            messages.push(...(await send(protocol.serialize.parse({ name, text }))));
            types = parse.parseDescribeStatementResults(
              await send(protocol.serialize.describe({ type: "S", name })),
            );
            known.set(name, types);
          }
          const values = params.map((value, i) => {
            if (value === null || value === undefined) return null;
            const serialize = pg.serializers[types[i]!];
            // As PGlite's own query: its serializer for the parameter's type, else toString.
            return serialize ? serialize(value) : (value as { toString: () => string }).toString();
          });
          messages.push(
            ...(await send(protocol.serialize.bind({ statement: name, values }))),
            ...(await send(protocol.serialize.describe({ type: "P" }))),
            ...(await send(protocol.serialize.execute({}))),
          );
        } finally {
          messages.push(...(await send(protocol.serialize.sync())));
        }
        await pg.syncToFs();
        return parse.parseResults(messages, pg.parsers, options)[0]!;
      }),
    );
}
