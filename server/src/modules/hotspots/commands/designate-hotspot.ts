import type { DesignateHotspotBody, HotspotDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { loadUnit, provinceOf } from "../../org-units";
import { hotspotDetail } from "../hotspots.queries";
import { hotspotStatusHistory, hotspotTasks, hotspots } from "../hotspots.table";

/** Designates an area (a commune or residential area) with reasons, date and transformation plan. */
export async function designateHotspot(
  db: Db,
  actor: Actor,
  body: DesignateHotspotBody,
): Promise<HotspotDetail> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "hotspot.manage", scope: "path" });
  const issues = [];
  if (unit.validTo || !["commune", "residential_area"].includes(unit.kind)) {
    issues.push({ path: "orgUnitId", message: "Địa bàn phải là xã, phường hoặc khu dân cư hiện hành" });
  }
  const bodyIds = [...new Set(body.tasks.map((t) => t.responsibleBodyId))];
  const found = bodyIds.length
    ? await queryRows<{ id: string; path: string }>(
        db,
        sql`select b.id, u.path from bodies b join org_units u on u.id = b.org_unit_id
            where b.id in (${sql.join(
              bodyIds.map((i) => sql`${i}`),
              sql`, `,
            )})`,
      )
    : [];
  body.tasks.forEach((t, i) => {
    const b = found.find((f) => f.id === t.responsibleBodyId);
    if (!b || !(unit.path.startsWith(b.path) || b.path.startsWith(unit.path))) {
      issues.push({
        path: `tasks.${i}.responsibleBodyId`,
        message: "Cơ quan phụ trách phải thuộc địa bàn hoặc cấp trên",
      });
    }
    if (t.dueOn && t.dueOn < body.designatedOn) {
      issues.push({ path: `tasks.${i}.dueOn`, message: "Hạn trước ngày xác định" });
    }
  });
  if (issues.length) throw validationFailed(issues);
  const id = await db.transaction(async (tx) => {
    const [h] = await tx
      .insert(hotspots)
      .values({
        orgUnitId: unit.id,
        provinceId: provinceOf(unit.path),
        rollupPath: unit.path,
        name: body.name,
        designatedOn: body.designatedOn,
        decisionNumber: body.decisionNumber || null,
        reasons: body.reasons,
        description: body.description || null,
        statusChangedOn: body.designatedOn,
        createdBy: actor.accountId,
      })
      .returning({ id: hotspots.id });
    if (body.tasks.length) {
      await tx
        .insert(hotspotTasks)
        .values(body.tasks.map((t) => ({ hotspotId: h!.id, ...t, dueOn: t.dueOn ?? null })));
    }
    await tx.insert(hotspotStatusHistory).values({
      hotspotId: h!.id,
      toStatus: "designated",
      date: body.designatedOn,
      reason: body.decisionNumber ? `Quyết định ${body.decisionNumber}` : "Xác định địa bàn",
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "hotspot.designated",
      entityType: "hotspot",
      entityId: h!.id,
      orgUnitId: unit.id,
      data: { ...body },
    });
    return h!.id;
  });
  return hotspotDetail(db, actor, id);
}
