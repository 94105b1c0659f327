import { clockNow, type Holiday, type UpsertHolidayBody } from "@toandan/contracts";
import { isWeekend, parseISO } from "date-fns";
import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { forbidden, validationFailed } from "../../../kernel/errors";
import { managesCalendar } from "../calendar.policy";
import { findHoliday } from "../calendar.queries";
import { reloadWorkingCalendar } from "../calendar.loader";

/** A day off must fall on a weekday, a make-up working day on a Saturday or Sunday. */
export function checkDayKind(date: string, kind: Holiday["kind"]): void {
  const weekend = isWeekend(parseISO(date));
  if (kind === "working_weekend" && !weekend) {
    throw validationFailed([{ path: "kind", message: "Ngày làm bù phải là thứ Bảy hoặc Chủ nhật" }]);
  }
  if (kind === "day_off" && weekend) {
    throw validationFailed([
      { path: "kind", message: "Thứ Bảy, Chủ nhật đã là ngày nghỉ; nhập ngày nghỉ bù rơi vào ngày thường" },
    ]);
  }
}

/**
 * Adds or corrects one day of the holidays table (Labour Code 2019 Art. 112 and the yearly
 * notices), audited with what it was before; the calendar in force is reloaded at once.
 */
export async function upsertHoliday(
  db: Db,
  actor: Actor,
  date: string,
  body: UpsertHolidayBody,
  now = clockNow(),
): Promise<Holiday> {
  if (!managesCalendar(actor)) throw forbidden();
  checkDayKind(date, body.kind);
  const before = await findHoliday(db, date);
  const source = body.source || null;
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into calendar_days (date, kind, name, confidence, source, updated_at, updated_by)
      values (${date}::date, ${body.kind}, ${body.name}, ${body.confidence}, ${source}, ${now}, ${actor.accountId})
      on conflict (date) do update set kind = excluded.kind, name = excluded.name,
        confidence = excluded.confidence, source = excluded.source,
        updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "calendar.holiday_upserted",
      entityType: "calendar_day",
      entityId: date,
      orgUnitId: null,
      data: {
        date,
        kind: body.kind,
        name: body.name,
        confidence: body.confidence,
        source,
        before: before && { kind: before.kind, name: before.name, confidence: before.confidence },
      },
    });
  });
  await reloadWorkingCalendar(db);
  return (await findHoliday(db, date))!;
}
