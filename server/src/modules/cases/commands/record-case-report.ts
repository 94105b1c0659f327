import type { CaseDetail, RecordCaseReportBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { quarterOf, quarterStart } from "../cases.deadlines";
import { caseReports } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/** The assignee's quarterly report (HCD-08): one per quarter, from the assignment's quarter on. */
export async function recordCaseReport(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: RecordCaseReportBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "report");
  if (!row.decidedOn) throw conflict("Hồ sơ chưa có quyết định giao quản lý.");
  if (body.quarter < quarterOf(row.decidedOn)) {
    throw validationFailed([{ path: "quarter", message: "Quý báo cáo trước khi giao quản lý" }]);
  }
  if (body.reportedOn < quarterStart(body.quarter)) {
    throw validationFailed([{ path: "reportedOn", message: "Ngày báo cáo trước quý được báo cáo" }]);
  }
  if ((row.reportedQuarters ?? []).includes(body.quarter)) throw conflict("Quý này đã có báo cáo.");
  const reportId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(caseReports).values({
      id: reportId,
      caseId: id,
      quarter: body.quarter,
      reportedOn: body.reportedOn,
      summarySealed: crypto.envelope.seal(body.summary, aad(id, `report:${reportId}`)),
      recordedBy: actor.accountId,
    });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "case.report_recorded",
      entityType: "case",
      entityId: id,
      orgUnitId: row.orgUnitId,
      data: { reportId, quarter: body.quarter, reportedOn: body.reportedOn },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi báo cáo quý");
}
