import type { InstallEquipmentBody, RemoveEquipmentBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { getVisibleGroup, type GroupDbRow } from "../groups.queries";
import { groupEquipmentChanges } from "../group-equipment.table";

/** The date must fall in the group's life: not before founding, not after dissolution; 409 once dissolved. */
export function assertInLife(group: GroupDbRow, on: string, path: string): void {
  if (group.status === "dissolved") {
    throw conflict("Tổ, mô hình đã giải thể, không ghi nhận thêm trang thiết bị, nhóm trực tuyến");
  }
  if (on < group.foundedOn) {
    throw validationFailed([{ path, message: "Ngày ghi nhận trước ngày thành lập tổ, mô hình" }]);
  }
}

/** Locks the group row so two changes of its ledger are checked one after the other. */
async function lockGroup(tx: Db, groupId: string): Promise<void> {
  await queryRows(tx, sql`select id from groups where id = ${groupId} for update`);
}

/** Records equipment installed at a model: the ledger gains +quantity on the date. */
export async function installEquipment(
  db: Db,
  actor: Actor,
  groupId: string,
  body: InstallEquipmentBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  assertInLife(group, body.on, "on");
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupEquipmentChanges)
      .values({
        groupId,
        kind: body.kind,
        change: body.quantity,
        on: body.on,
        fundedBy: body.fundedBy,
        note: body.note || null,
        recordedBy: actor.accountId,
      })
      .returning({ id: groupEquipmentChanges.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.equipment_installed",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { changeId: row!.id, ...body },
    });
  });
}

/**
 * Records equipment removed: −quantity on the date. Refused (400) when the model would have fewer
 * than none of the kind on that date or on any later date of its ledger.
 */
export async function removeEquipment(
  db: Db,
  actor: Actor,
  groupId: string,
  body: RemoveEquipmentBody,
): Promise<void> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  assertInLife(group, body.on, "on");
  await db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    // The count on the removal date and on every later change date: the lowest must cover the removal.
    const [low] = await queryRows<{ least: number }>(
      tx,
      sql`select coalesce(min(c.total), 0)::int as least from (
            select (select coalesce(sum(e.change), 0) from group_equipment_changes e
                    where e.group_id = ${groupId} and e.kind = ${body.kind} and e."on" <= d.day) as total
            from (select ${body.on}::date as day union
                  select "on" from group_equipment_changes
                  where group_id = ${groupId} and kind = ${body.kind} and "on" > ${body.on}::date) d) c`,
    );
    if ((low?.least ?? 0) < body.quantity) {
      throw validationFailed([
        {
          path: "quantity",
          message: `Số lượng tháo dỡ vượt quá số đang có (${low?.least ?? 0}) vào ngày đó hoặc sau đó`,
        },
      ]);
    }
    const [row] = await tx
      .insert(groupEquipmentChanges)
      .values({
        groupId,
        kind: body.kind,
        change: -body.quantity,
        on: body.on,
        fundedBy: null,
        note: body.note || null,
        recordedBy: actor.accountId,
      })
      .returning({ id: groupEquipmentChanges.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.equipment_removed",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: { changeId: row!.id, ...body },
    });
  });
}
