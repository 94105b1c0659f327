import type { AddSupervisionRecommendationBody, SupervisionDetail } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { mayAddRecommendation } from "../supervision.policy";
import { getSupervisionRow, supervisionDetail } from "../supervision.queries";
import { supervisionRecommendations } from "../supervision.table";

/**
 * A recommendation (kiến nghị) after the findings: to a body of the unit's line (its subtree or the
 * levels above) or to a named agency, with the date by which it must be answered.
 */
export async function addSupervisionRecommendation(
  db: Db,
  actor: Actor,
  id: string,
  body: AddSupervisionRecommendationBody,
): Promise<SupervisionDetail> {
  const s = await getSupervisionRow(db, actor, id, "supervision.manage");
  if (!mayAddRecommendation(s)) {
    throw conflict(
      s.status === "planned" ? "Chưa có kết quả giám sát để kiến nghị." : "Cuộc giám sát đã kết thúc.",
    );
  }
  let addresseeName = body.addresseeName ?? "";
  if (body.addresseeBodyId) {
    const [b] = await queryRows<{ name: string; path: string }>(
      db,
      sql`select b.name, u.path from bodies b join org_units u on u.id = b.org_unit_id
          where b.id = ${body.addresseeBodyId}`,
    );
    if (!b || !(b.path.startsWith(s.rollupPath) || s.rollupPath.startsWith(b.path))) {
      throw validationFailed([
        { path: "addresseeBodyId", message: "Nơi nhận phải thuộc địa bàn giám sát hoặc cấp trên" },
      ]);
    }
    // A body's name already ends with its unit's ("Công an Phường Bạc Liêu").
    addresseeName ||= b.name;
  }
  if (body.madeOn < s.periodFrom) {
    throw validationFailed([{ path: "madeOn", message: "Ngày kiến nghị trước thời gian giám sát" }]);
  }
  await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(supervisionRecommendations)
      .values({
        supervisionId: id,
        addresseeBodyId: body.addresseeBodyId ?? null,
        addresseeName,
        content: body.content,
        madeOn: body.madeOn,
        dueOn: body.dueOn,
        recordedBy: actor.accountId,
      })
      .returning({ id: supervisionRecommendations.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "supervision.recommendation_added",
      entityType: "supervision",
      entityId: id,
      orgUnitId: s.orgUnitId,
      data: {
        recommendationId: r!.id,
        addresseeBodyId: body.addresseeBodyId ?? null,
        madeOn: body.madeOn,
        dueOn: body.dueOn,
      },
    });
  });
  return supervisionDetail(db, actor, id);
}
