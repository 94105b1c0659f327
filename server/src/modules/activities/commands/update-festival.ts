import type { ApiIssue, Festival, UpdateFestivalBody } from "@toandan/contracts";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { assertMayRecord, loadOrganizers } from "../activities.policy";
import { festivals } from "../activities.table";
import { festivalDetail, getFestivalRow } from "../festivals.queries";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const FIELDS = ["level", "showcase", "planDate", "venues", "ceremonyContent", "festivalContent"] as const;

/** Edits a festival's plan (not its unit or year); audited with the changed fields before and after. */
export async function updateFestival(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateFestivalBody,
): Promise<Festival> {
  const row = await getFestivalRow(db, actor, id, "activity.update");
  assertMayRecord(actor, "activity.update", row.rollupPath, row.organizers ?? []);
  const issues: ApiIssue[] = [];
  if (body.planDate && !body.planDate.startsWith(String(row.year))) {
    issues.push({ path: "planDate", message: "Ngày dự kiến phải trong năm của ngày hội" });
  }
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const next = { ...body, venues: body.venues && [...new Set(body.venues)] };
  for (const f of FIELDS) {
    let v: unknown = next[f];
    if (v === undefined) continue;
    if ((f === "ceremonyContent" || f === "festivalContent") && v === "") v = null;
    if (!same(row[f], v)) {
      before[f] = row[f];
      after[f] = v;
    }
  }
  let organizerIds: string[] | null = null;
  if (body.organizerBodyIds && !same([...row.organizerBodyIds].sort(), [...body.organizerBodyIds].sort())) {
    const loaded = await loadOrganizers(
      db,
      { path: row.unitPath, rollupPath: row.rollupPath },
      body.organizerBodyIds,
    );
    issues.push(...loaded.issues);
    if (!loaded.issues.length) {
      assertMayRecord(actor, "activity.update", row.rollupPath, loaded.organizers);
      organizerIds = loaded.organizers.map((o) => o.id);
      before.organizerBodyIds = row.organizerBodyIds;
      after.organizerBodyIds = organizerIds;
    }
  }
  if (issues.length) throw validationFailed(issues);
  if (Object.keys(after).length === 0) return festivalDetail(db, actor, id);
  await db.transaction(async (tx) => {
    const set: Partial<typeof festivals.$inferInsert> = {};
    for (const f of FIELDS) if (f in after) Object.assign(set, { [f]: after[f] });
    if (organizerIds) set.organizerBodyIds = organizerIds;
    await tx
      .update(festivals)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(festivals.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "festival.updated",
      entityType: "festival",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { before, after },
    });
  });
  return festivalDetail(db, actor, id);
}
