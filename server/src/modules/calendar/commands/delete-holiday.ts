import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { forbidden, notFound } from "../../../kernel/errors";
import { managesCalendar } from "../calendar.policy";
import { findHoliday } from "../calendar.queries";
import { reloadWorkingCalendar } from "../calendar.loader";

/** Removes a wrong entry of the holidays table, with the reason and what it was in the audit log. */
export async function deleteHoliday(db: Db, actor: Actor, date: string, reason: string): Promise<void> {
  if (!managesCalendar(actor)) throw forbidden();
  const before = await findHoliday(db, date);
  if (!before) throw notFound("Không có ngày này trong bảng ngày nghỉ lễ, làm bù.");
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from calendar_days where date = ${date}::date`);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "calendar.holiday_deleted",
      entityType: "calendar_day",
      entityId: date,
      orgUnitId: null,
      data: { date, kind: before.kind, name: before.name, reason },
    });
  });
  await reloadWorkingCalendar(db);
}
