import { sql } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { queryRows, type Db } from "../db/client";
import { AppError, validationFailed } from "./errors";

/**
 * Row versions for offline edits (decision 0015). Records a phone can edit carry `version` (1 at
 * insert, +1 by a database trigger on every update). An edit may send `If-Match: <version>`; when the
 * record has moved on, the edit is refused with 412 `version_conflict` and nothing changes. Without
 * the header an edit proceeds as before.
 */

export const IF_MATCH_HEADER = "if-match";

/** The If-Match version (a bare integer; quotes and a weak `W/` prefix tolerated), or undefined. */
export function ifMatchOf(req: FastifyRequest): number | undefined {
  const value = req.headers[IF_MATCH_HEADER];
  if (value === undefined) return undefined;
  const match = typeof value === "string" ? /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value) : null;
  if (!match) {
    throw validationFailed([{ path: "If-Match", message: "If-Match phải là số phiên bản của bản ghi" }]);
  }
  return Number(match[1]);
}

const versionConflict = () => new AppError("version_conflict");

/** Errors that say the caller may not see or touch the record: they win over a version conflict. */
const isAccessError = (err: unknown) =>
  err instanceof AppError && (err.status === 401 || err.status === 403 || err.status === 404);

/**
 * Runs the edit `write` in one transaction that first locks the record's row (`table`.id = `id`,
 * SELECT … FOR UPDATE, so concurrent edits queue) and compares its version with `expected`. The edit
 * runs on the locked row, so a scope or existence refusal (401/403/404) is answered as without the
 * header and never reveals a version; any other outcome of a stale edit is 412 and is rolled back.
 */
export async function runVersioned<T>(
  db: Db,
  table: string,
  id: string,
  expected: number | undefined,
  write: (tx: Db) => Promise<T>,
): Promise<T> {
  if (expected === undefined) return write(db);
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ version: number }>(
      tx,
      sql`select version from ${sql.identifier(table)} where id = ${id} for update`,
    );
    const stale = row !== undefined && row.version !== expected;
    let result: T;
    try {
      result = await write(tx);
    } catch (err) {
      if (stale && !isAccessError(err)) throw versionConflict();
      throw err;
    }
    if (stale) throw versionConflict();
    return result;
  });
}
