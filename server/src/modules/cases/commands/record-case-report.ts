import type { CaseDetail, RecordCaseReportBody } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { aad, type CaseCrypto } from "../cases.crypto";
import { quarterOf, quarterStart } from "../cases.deadlines";
import type { CaseRow } from "../cases.queries";
import { monthOf } from "../cases.regimes";
import { caseReports } from "../cases.table";
import { loadCaseForWrite } from "./load-for-write";
import { readCase } from "./read-case";

/**
 * The report's period, checked against the file's regime: quarterly for released prisoners
 * (Circular 10/2024 Art. 10.4, HCD-08), monthly for education at the commune (Decree 120/2021 [?]).
 * Monthly keys ("2026-11") share the column with quarters ("2026-Q4").
 */
function periodOfReport(row: CaseRow, body: RecordCaseReportBody): string {
  const decidedOn = row.decidedOn!;
  if (row.kind === "commune_education") {
    if (!body.month) {
      throw validationFailed([{ path: "month", message: "Hồ sơ giáo dục tại xã báo cáo theo tháng" }]);
    }
    if (body.month < monthOf(decidedOn)) {
      throw validationFailed([{ path: "month", message: "Tháng báo cáo trước khi giao quản lý" }]);
    }
    if (body.reportedOn < `${body.month}-01`) {
      throw validationFailed([{ path: "reportedOn", message: "Ngày báo cáo trước tháng được báo cáo" }]);
    }
    return body.month;
  }
  if (!body.quarter) {
    throw validationFailed([{ path: "quarter", message: "Hồ sơ người chấp hành xong án báo cáo theo quý" }]);
  }
  if (body.quarter < quarterOf(decidedOn)) {
    throw validationFailed([{ path: "quarter", message: "Quý báo cáo trước khi giao quản lý" }]);
  }
  if (body.reportedOn < quarterStart(body.quarter)) {
    throw validationFailed([{ path: "reportedOn", message: "Ngày báo cáo trước quý được báo cáo" }]);
  }
  return body.quarter;
}

/** The assignee's periodic report: one per quarter (or month), from the assignment's on. */
export async function recordCaseReport(
  db: Db,
  actor: Actor,
  crypto: CaseCrypto,
  id: string,
  body: RecordCaseReportBody,
): Promise<CaseDetail> {
  const { row } = await loadCaseForWrite(db, actor, id, "report");
  if (!row.decidedOn) throw conflict("Hồ sơ chưa có quyết định giao quản lý.");
  const period = periodOfReport(row, body);
  if ((row.reportedQuarters ?? []).includes(period)) throw conflict("Kỳ này đã có báo cáo.");
  const reportId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(caseReports).values({
      id: reportId,
      caseId: id,
      quarter: period,
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
      data: { reportId, quarter: period, reportedOn: body.reportedOn },
    });
  });
  return readCase(db, actor, crypto, id, "Ghi báo cáo định kỳ");
}
