import type { ApiIssue, Commendation, NominateCommendationBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import { pathInScope, type Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit, provinceOf } from "../../org-units";
import { getCommendationRow, presentCommendation } from "../commendations.queries";
import { commendations } from "../commendations.table";

/** Tables of the evidence kinds built on this branch; tips and certified units are checked when their modules land. */
const EVIDENCE_TABLES: Record<string, string | undefined> = {
  activity: "activities",
  group: "groups",
  hotspot: "hotspots",
};

/** Evidence must exist and lie in the nominator's scope (never reveals records outside it). */
export async function evidenceIssues(
  db: Db,
  actor: Actor,
  links: NominateCommendationBody["evidence"],
): Promise<ApiIssue[]> {
  const issues: ApiIssue[] = [];
  for (const [i, link] of links.entries()) {
    const table = EVIDENCE_TABLES[link.kind];
    if (!table) continue;
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`select id from ${sql.identifier(table)} where id = ${link.id}
          and ${pathInScope(actor, "commendation.nominate", sql`rollup_path`)}`,
    );
    if (!row) issues.push({ path: `evidence.${i}.id`, message: "Không tìm thấy hồ sơ làm căn cứ" });
  }
  return issues;
}

export async function nominateCommendation(
  db: Db,
  actor: Actor,
  body: NominateCommendationBody,
): Promise<Commendation> {
  const unit = await loadUnit(db, actor, body.orgUnitId, {
    permission: "commendation.nominate",
    scope: "path",
  });
  const issues = await evidenceIssues(db, actor, body.evidence);
  if (unit.validTo) issues.push({ path: "orgUnitId", message: "Đơn vị không còn hiệu lực" });
  if (issues.length) throw validationFailed(issues);
  const id = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(commendations)
      .values({
        orgUnitId: unit.id,
        provinceId: provinceOf(unit.path),
        rollupPath: unit.path,
        unitKind: unit.kind,
        nomineeKind: body.nomineeKind,
        nomineeName: body.nomineeName,
        achievements: body.achievements,
        evidence: body.evidence,
        nominatedOn: body.nominatedOn,
        createdBy: actor.accountId,
      })
      .returning({ id: commendations.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commendation.nominated",
      entityType: "commendation",
      entityId: c!.id,
      orgUnitId: unit.id,
      data: { nomineeKind: body.nomineeKind, nominatedOn: body.nominatedOn, evidence: body.evidence },
    });
    return c!.id;
  });
  return presentCommendation(await getCommendationRow(db, actor, id, "commendation.nominate"));
}
