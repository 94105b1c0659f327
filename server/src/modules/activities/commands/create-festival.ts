import type { ApiIssue, CreateFestivalBody, Festival } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { assertMayRecord, checkOrganizers } from "../activities.policy";
import { festivals } from "../activities.table";
import { festivalDetail } from "../festivals.queries";

/** Plans the festival day 19/8 of a unit for a year (one per unit and year), audited. */
export async function createFestival(db: Db, actor: Actor, body: CreateFestivalBody): Promise<Festival> {
  const unit = await loadUnit(db, actor, body.orgUnitId, {
    permission: "activity.create",
    scope: "rollup",
    withBodies: body.organizerBodyIds,
  });
  const { organizers, issues } = checkOrganizers(unit, unit.bodies, body.organizerBodyIds);
  const all: ApiIssue[] = [...issues];
  if (unit.validTo && body.year > Number(unit.validTo.slice(0, 4))) {
    all.push({ path: "year", message: "Đơn vị này không còn tồn tại vào năm đó" });
  }
  if (all.length) throw validationFailed(all);
  assertMayRecord(actor, "activity.create", unit.rollupPath, organizers);
  const [existing] = await db
    .select({ id: festivals.id })
    .from(festivals)
    .where(and(eq(festivals.orgUnitId, unit.id), eq(festivals.year, body.year)));
  if (existing) throw conflict(`Đơn vị đã có kế hoạch Ngày hội năm ${body.year}`);
  const venues = [...new Set(body.venues)];
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(festivals)
      .values({
        orgUnitId: unit.id,
        rollupPath: unit.rollupPath,
        year: body.year,
        level: body.level,
        showcase: body.showcase,
        planDate: body.planDate ?? null,
        venues,
        organizerBodyIds: organizers.map((o) => o.id),
        ceremonyContent: body.ceremonyContent || null,
        festivalContent: body.festivalContent || null,
        createdBy: actor.accountId,
      })
      .returning({ id: festivals.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "festival.created",
      entityType: "festival",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: {
        year: body.year,
        level: body.level,
        showcase: body.showcase,
        planDate: body.planDate ?? null,
        venues,
        organizerBodyIds: organizers.map((o) => o.id),
      },
    });
    return row!.id;
  });
  return festivalDetail(db, actor, id);
}
