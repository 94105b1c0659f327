import { randomUUID } from "node:crypto";
import { foldVietnamese, type CreateHouseholdBody, type HouseholdFields } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict } from "../../../kernel/errors";
import { households } from "../households.table";
import { loadArea, type AreaRow } from "../households.queries";

export const householdSearchText = (headName: string, address: string) =>
  foldVietnamese(`${headName} ${address}`);

export const codeTakenMessage = (code: string) => `Số hộ ${code} đã có trong khu dân cư này`;

/** The row to insert for one household of `area`. */
export function householdRow(area: AreaRow, fields: HouseholdFields, actorId: string) {
  return {
    id: randomUUID(),
    orgUnitId: area.id,
    provinceId: area.provinceId,
    rollupPath: area.rollupPath,
    headName: fields.headName,
    address: fields.address,
    members: fields.members,
    memberOrgs: fields.memberOrgs,
    code: fields.code ?? null,
    searchText: householdSearchText(fields.headName, fields.address),
    createdBy: actorId,
  };
}

export async function isCodeTaken(db: Db, areaId: string, code: string, exceptId?: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from households where org_unit_id = ${areaId} and code = ${code}
        ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`,
  );
  return rows.length > 0;
}

/** Registers one household in a residential area in the actor's scope. */
export async function createHousehold(db: Db, actor: Actor, body: CreateHouseholdBody): Promise<string> {
  const area = await loadArea(db, actor, body.orgUnitId);
  if (body.code && (await isCodeTaken(db, area.id, body.code))) throw conflict(codeTakenMessage(body.code));
  const row = householdRow(area, body, actor.accountId);
  return db.transaction(async (tx) => {
    await tx.insert(households).values(row);
    // Names and addresses stay out of the append-only log (minimal personal data).
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "household.created",
      entityType: "household",
      entityId: row.id,
      orgUnitId: area.id,
      data: { members: row.members, memberOrgs: row.memberOrgs, code: row.code },
    });
    return row.id;
  });
}
