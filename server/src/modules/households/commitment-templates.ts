// The commitment forms a unit manages: listed for a unit (its own and its ancestors'), created by
// whoever manages households there, and looked up when a commitment is recorded.
import {
  type CommitmentTemplate,
  type CommitmentTemplateList,
  type CreateCommitmentTemplateBody,
} from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { isInScope, type Actor } from "../../kernel/authz";
import { conflict, validationFailed } from "../../kernel/errors";
import { idsInPath, loadUnit } from "../org-units";
import { commitmentTemplates } from "./households.table";

type TemplateRow = {
  id: string;
  orgUnitId: string;
  orgUnitName: string;
  name: string;
  createdAt: Date | string;
};

const present = (r: TemplateRow): CommitmentTemplate => ({
  ...r,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** The templates of the units on this path (the unit and its ancestors): the nearest unit's first. */
function templatesOnPath(db: Db, path: string, id?: string): Promise<TemplateRow[]> {
  return queryRows<TemplateRow>(
    db,
    sql`select t.id, t.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", t.name, t.created_at as "createdAt"
        from commitment_templates t join org_units u on u.id = t.org_unit_id
        where t.org_unit_id = any(${sql.param(idsInPath(path))}::uuid[]) ${id ? sql`and t.id = ${id}` : sql``}
        order by u.depth desc, t.created_at desc, t.name`,
  );
}

/** The templates a unit's households may sign: its own and its ancestors'. */
export async function listCommitmentTemplates(
  db: Db,
  actor: Actor,
  orgUnitId: string,
): Promise<CommitmentTemplateList> {
  const unit = await loadUnit(db, actor, orgUnitId, { permission: "household.read" });
  const rows = await templatesOnPath(db, unit.path);
  // The same rule as the create command: managing households at this very unit.
  return { items: rows.map(present), can: { create: isInScope(actor, "household.manage", unit.path) } };
}

/** One template the household's unit may use (by the household's rollup path), else 400 on templateId. */
export async function templateForPath(db: Db, path: string, templateId: string): Promise<TemplateRow> {
  const [row] = await templatesOnPath(db, path, templateId);
  if (!row) {
    throw validationFailed([
      { path: "templateId", message: "Mẫu cam kết không thuộc đơn vị của hộ hoặc cấp trên" },
    ]);
  }
  return row;
}

/** A new template at a unit the caller manages households in (unique name per unit). */
export async function createCommitmentTemplate(
  db: Db,
  actor: Actor,
  body: CreateCommitmentTemplateBody,
): Promise<CommitmentTemplate> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "household.manage", scope: "path" });
  const [taken] = await queryRows<{ id: string }>(
    db,
    sql`select id from commitment_templates where org_unit_id = ${unit.id} and name = ${body.name}`,
  );
  if (taken) throw conflict(`Đơn vị đã có mẫu cam kết "${body.name}"`);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await tx
      .insert(commitmentTemplates)
      .values({ id, orgUnitId: unit.id, name: body.name, createdBy: actor.accountId });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "commitment_template.created",
      entityType: "commitment_template",
      entityId: id,
      orgUnitId: unit.id,
      data: { name: body.name },
    });
  });
  const [row] = await templatesOnPath(db, unit.path, id);
  return present(row!);
}
