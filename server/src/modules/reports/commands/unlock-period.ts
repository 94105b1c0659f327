import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { forbidden, notFound } from "../../../kernel/errors";
import { loadIndicatorUnit } from "../../indicators";
import { isLevelAbove } from "../reports.queries";

type LockRow = {
  id: string;
  orgUnitId: string;
  periodFrom: string;
  periodTo: string;
  reportId: string | null;
  unlockedAt: string | null;
  unlockReason: string | null;
};

/**
 * The level above a unit lifts the locks of that unit's subtree overlapping [from, to], with a
 * reason (audited). 404 when no lock is in force there.
 */
export async function unlockPeriod(
  db: Db,
  actor: Actor,
  body: { orgUnitId: string; periodFrom: string; periodTo: string; reason: string },
): Promise<{ unlocked: LockRow[] }> {
  const unit = await loadIndicatorUnit(db, actor, body.orgUnitId, "report.approve");
  if (!isLevelAbove(actor, "report.approve", unit.path)) {
    throw forbidden("Chỉ cấp trên mới được mở khóa kỳ báo cáo");
  }
  return db.transaction(async (tx) => {
    const rows = await queryRows<LockRow>(
      tx,
      sql`update period_locks set unlocked_at = now(), unlocked_by = ${actor.accountId}, unlock_reason = ${body.reason}
          where unlocked_at is null and unit_path like ${`${unit.rollupPath}%`}
            and period_from <= ${body.periodTo}::date and period_to >= ${body.periodFrom}::date
          returning id, org_unit_id as "orgUnitId", period_from::text as "periodFrom", period_to::text as "periodTo",
            report_id as "reportId", unlocked_at::text as "unlockedAt", unlock_reason as "unlockReason"`,
    );
    if (rows.length === 0) throw notFound("Không có kỳ báo cáo nào đang khóa trong khoảng này");
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "period.unlocked",
      entityType: "period_lock",
      entityId: rows[0]!.id,
      orgUnitId: unit.id,
      data: {
        reason: body.reason,
        periodFrom: body.periodFrom,
        periodTo: body.periodTo,
        locks: rows.map((r) => r.id),
      },
    });
    return { unlocked: rows };
  });
}
