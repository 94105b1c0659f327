// Reads behind the reports routes: the list page with its abilities, one report, its export.
import type { ListReportsQuery, NextReportNumberQuery } from "@toandan/contracts";
import type { FastifyReply } from "fastify";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadIndicatorUnit } from "../indicators";
import { reportDocx } from "./export-docx";
import { reportPdf } from "./export-pdf";
import { reportXlsx } from "./export-xlsx";
import { reportMap } from "./report-map";
import { nextNumber } from "./numbering";
import { reportListAbilities } from "./reports.policy";
import { listReports, loadReport, presentReport } from "./reports.queries";

const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** Reports in the caller's scope, newest first, with whether the caller may compose one. */
export async function listReportPage(db: Db, actor: Actor, query: ListReportsQuery) {
  const { cursor, limit, ...filters } = query;
  const offset = decodeCursor(cursor);
  // A unit outside the caller's scope is 404, as everywhere.
  const unit = filters.orgUnitId
    ? await loadIndicatorUnit(db, actor, filters.orgUnitId, "report.read")
    : undefined;
  const page = pageFrom(await listReports(db, actor, { ...filters, offset, limit }), offset, limit);
  return { ...page, can: reportListAbilities(actor, unit) };
}

/** The number the next report of the unit's issuing body would get (404 for a unit out of scope). */
export async function nextReportNumber(db: Db, actor: Actor, q: NextReportNumberQuery) {
  const unit = await loadIndicatorUnit(db, actor, q.orgUnitId, "report.manage");
  return { number: await nextNumber(db, { orgUnitId: unit.id, issuingBody: q.issuingBody, year: q.year }) };
}

/** One report as the caller sees it, with what the caller may do with it now. */
export async function reportDetail(db: Db, actor: Actor, id: string) {
  return presentReport(await loadReport(db, actor, id, "report.read"), actor);
}

/** Sends the report as DOCX or PDF, or its figures as XLSX, as a download. */
export async function sendReportExport(
  db: Db,
  actor: Actor,
  reply: FastifyReply,
  id: string,
  format: keyof typeof TYPES,
) {
  const report = await reportDetail(db, actor, id);
  // The map of the children, when the report has one: only the printed formats carry it.
  const map = format === "xlsx" ? null : await reportMap(db, actor, report);
  const file =
    format === "docx"
      ? await reportDocx(report, map)
      : format === "pdf"
        ? await reportPdf(report, map)
        : await reportXlsx(report);
  return reply
    .header("content-type", TYPES[format])
    .header(
      "content-disposition",
      `attachment; filename="bao-cao-${report.year}-${report.id.slice(0, 8)}.${format}"`,
    )
    .send(file);
}
