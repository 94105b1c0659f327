import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";

/** The id of the body of `kind` at a unit. */
export async function bodyAt(db: Db, unitId: string, kind: string): Promise<string> {
  const [b] = await queryRows<{ id: string }>(
    db,
    sql`select id from bodies where org_unit_id = ${unitId} and kind = ${kind}`,
  );
  if (!b) throw new Error(`no ${kind} body at ${unitId}`);
  return b.id;
}

/** A pre-reform (no longer valid) official unit by kind and code. */
export async function formerUnit(db: Db, kind: string, code: string) {
  const [u] = await queryRows<{ id: string; path: string; rollupPath: string; validTo: string }>(
    db,
    sql`select id, path, rollup_path as "rollupPath", valid_to::text as "validTo" from org_units
        where kind = ${kind} and code = ${code} and valid_to is not null order by valid_to desc limit 1`,
  );
  if (!u) throw new Error(`no former ${kind} ${code}`);
  return u;
}
