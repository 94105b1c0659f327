import { randomBytes } from "node:crypto";
import type { BodyKind, Role } from "@toandan/contracts";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { queryRows, type Db } from "../db/client";
import { auditLog } from "../kernel/audit.table";
import { createAccount } from "../modules/accounts";
import { insertLocalUnits } from "../modules/org-units";
import { findRoot } from "../modules/org-units";
import { orgUnits } from "../modules/org-units/org-units.table";
import type { OrgUnitDbRow } from "../modules/org-units";
import { login, type Session } from "./harness";

export const TEST_PASSWORD = "test-password-1";

/** The current official unit with this code (province or commune). */
export async function unitByCode(db: Db, kind: "province" | "commune", code: string) {
  const [u] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, kind), eq(orgUnits.code, code), isNull(orgUnits.validTo)));
  if (!u) throw new Error(`no current ${kind} ${code}`);
  return u;
}

export async function rootUnit(db: Db) {
  const r = await findRoot(db);
  if (!r) throw new Error("units not imported");
  return r;
}

/** Creates an account holding one role and signs it in. */
export async function signedInAs(
  app: FastifyInstance,
  role: Role,
  orgUnitId: string,
  body: BodyKind = role.includes("police") ? "police" : "front",
): Promise<Session & { username: string }> {
  const username = `u${randomBytes(5).toString("hex")}`;
  await createAccount(app.db, null, {
    username,
    displayName: `Test ${role}`,
    password: TEST_PASSWORD,
    roles: [{ role, orgUnitId, body }],
  });
  return { ...(await login(app, username, TEST_PASSWORD)), username };
}

export async function createResidentialArea(
  db: Db,
  communeId: string,
  name = `Khu ${randomBytes(3).toString("hex")}`,
) {
  const [parent] = await queryRows<OrgUnitDbRow>(
    db,
    sql`select id, code, kind, type, name, full_name as "fullName", parent_id as "parentId", province_id as "provinceId",
          path, depth, valid_from::text as "validFrom", valid_to::text as "validTo", is_official as "isOfficial", 0 as "childCount", null as "ancestorNames"
        from org_units where id = ${communeId}`,
  );
  const [id] = await db.transaction((tx) =>
    insertLocalUnits(tx, [{ parent: parent!, input: { kind: "residential_area", name } }]),
  );
  return id!;
}

export async function lastAuditEvent(db: Db) {
  const [row] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return row;
}
