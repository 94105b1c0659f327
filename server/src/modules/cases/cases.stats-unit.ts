import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { loadUnit } from "../org-units";

/** The unit for statistics (404 out of scope); `policeView` when the caller is police over it. */
export async function loadStatsUnit(db: Db, actor: Actor, unitId: string) {
  const u = await loadUnit(db, actor, unitId, { permission: "case.stats", scope: "rollup" });
  const policeView = actor.roles.some(
    (r) =>
      (r.body === "police" || r.role === "commune_case_officer") && u.rollupPath.startsWith(r.orgUnitPath),
  );
  return { ...u, policeView };
}

export async function listAccessRows(db: Db, caseId: string, offset: number, limit: number) {
  return queryRows<{
    id: string;
    caseId: string;
    accountId: string;
    username: string;
    displayName: string;
    basis: string;
    purpose: string;
    reason: string;
    accessedAt: string;
  }>(
    db,
    sql`select l.id, l.case_id as "caseId", l.account_id as "accountId", a.username, a.display_name as "displayName",
          l.basis, l.purpose, l.reason,
          to_char(l.accessed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "accessedAt"
        from case_access_log l join accounts a on a.id = l.account_id
        where l.case_id = ${caseId} order by l.accessed_at desc, l.id limit ${limit + 1} offset ${offset}`,
  );
}
