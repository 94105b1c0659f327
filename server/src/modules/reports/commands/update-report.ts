import type { Report, UpdateReportBody } from "@toandan/contracts";
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict } from "../../../kernel/errors";
import { assertNumberFree, isNumberClash, numberTaken } from "../numbering";
import { assertMapIndicator } from "../report-map";
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
  assertMapIndicator(actor, row.mapLevel, body.mapIndicator);
  // An emptied number means "no number yet".
  const set: Record<string, unknown> = Object.fromEntries(
    Object.entries(body)
      .map(([k, v]): [string, unknown] => [k, k === "number" && v === "" ? null : v])
      .filter(([, v]) => v !== undefined),
  );
  if (Object.keys(set).length === 0) return presentReport(row, actor);
  const sequence = {
    orgUnitId: row.orgUnitId,
    issuingBody: row.issuingBody,
    year: Number(row.issuedOn.slice(0, 4)),
  };
  if (body.number) await assertNumberFree(db, sequence, body.number, id);
  await db
    .transaction(async (tx) => {
      await tx.update(reports).set(set).where(eq(reports.id, id));
      await recordEvent(tx, {
        actorId: actor.accountId,
        action: "report.updated",
        entityType: "report",
        entityId: id,
        orgUnitId: row.orgUnitId,
        data: { fields: Object.keys(set) },
      });
    })
    .catch((e: unknown) => {
      if (isNumberClash(e)) throw numberTaken(sequence, body.number ?? "");
      throw e;
    });
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}
