import type { ApiIssue, Festival, RecordFestivalHeldBody } from "@toandan/contracts";
import { and, eq, ne, sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { assertMayRecord } from "../activities.policy";
import { festivals } from "../activities.table";
import { festivalDetail, getFestivalRow } from "../festivals.queries";

/**
 * Records that the festival was held: the day (in its year, not in the future), attendance, gifts
 * and commendations, and optionally the unit's `festival_day` activity that counts it (1:1).
 * Recording again corrects the figures; audited each time.
 */
export async function recordFestivalHeld(
  db: Db,
  actor: Actor,
  id: string,
  body: RecordFestivalHeldBody,
): Promise<Festival> {
  const row = await getFestivalRow(db, actor, id, "activity.update");
  assertMayRecord(actor, "activity.update", row.rollupPath, row.organizers ?? []);
  const issues: ApiIssue[] = [];
  if (!body.heldOn.startsWith(String(row.year))) {
    issues.push({ path: "heldOn", message: `Ngày tổ chức phải trong năm ${row.year}` });
  }
  const activityId = body.activityId ?? null;
  if (activityId) {
    const [a] = await queryRows<{ kind: string; orgUnitId: string }>(
      db,
      sql`select kind, org_unit_id as "orgUnitId" from activities where id = ${activityId}`,
    );
    if (!a || a.orgUnitId !== row.orgUnitId || a.kind !== "festival_day") {
      issues.push({
        path: "activityId",
        message: "Phải là hoạt động loại Ngày hội Toàn dân bảo vệ an ninh Tổ quốc của cùng đơn vị",
      });
    }
  }
  if (issues.length) throw validationFailed(issues);
  if (activityId) {
    const [other] = await db
      .select({ id: festivals.id })
      .from(festivals)
      .where(and(eq(festivals.activityId, activityId), ne(festivals.id, id)));
    if (other) throw conflict("Hoạt động này đã gắn với một Ngày hội khác");
  }
  const figures = {
    heldOn: body.heldOn,
    attendees: body.attendees,
    gifts: body.gifts,
    giftValue: body.giftValue,
    awards: body.awards,
    activityId,
  };
  await db.transaction(async (tx) => {
    await tx
      .update(festivals)
      .set({ ...figures, updatedAt: sql`now()` })
      .where(eq(festivals.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "festival.held_recorded",
      entityType: "festival",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: figures,
    });
  });
  return festivalDetail(db, actor, id);
}
