import type { Report, UpdateReportBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict } from "../../../kernel/errors";
import { loadReport, presentReport } from "../reports.queries";
import { reports } from "../reports.table";

/** Edits the narrative and header of a draft or returned report (audited: which fields changed). */
export async function updateReport(
  db: Db,
  actor: Actor,
  id: string,
  body: UpdateReportBody,
): Promise<Report> {
  const row = await loadReport(db, actor, id, "report.manage");
  if (row.status !== "draft" && row.status !== "returned") {
    throw conflict("Chỉ sửa được báo cáo đang soạn hoặc bị trả lại");
  }
  const set = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) return presentReport(row, actor);
  await db.transaction(async (tx) => {
    await tx.update(reports).set(set).where(eq(reports.id, id));
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "report.updated",
      entityType: "report",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { fields: Object.keys(set) },
    });
  });
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}
