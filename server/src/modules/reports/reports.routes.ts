import {
  CreateReportBodySchema,
  ExportReportQuerySchema,
  IdSchema,
  ListReportsQuerySchema,
  NextReportNumberQuerySchema,
  NextReportNumberSchema,
  ReportCompletenessSchema,
  ReportPageSchema,
  ReportSchema,
  ReturnReportBodySchema,
  UnlockPeriodBodySchema,
  UnlockResultSchema,
  UpdateReportBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { compileReportFromChildren } from "./commands/compile-report";
import { createReport } from "./commands/create-report";
import { moveReport } from "./commands/report-workflow";
import { unlockPeriod } from "./commands/unlock-period";
import { updateReport } from "./commands/update-report";
import { getReportCompleteness } from "./reports.completeness";
import { listReportPage, nextReportNumber, reportDetail, sendReportExport } from "./reports.page";

const params = z.object({ id: IdSchema });
const tags = ["reports"];

export const reportRoutes = routesPlugin([
  defineRoute({
    method: "POST",
    url: "/reports",
    operationId: "createReport",
    summary: "Compose a review report (six-month, yearly, plan review) with its figures filled in",
    tags,
    permission: "report.manage",
    body: CreateReportBodySchema,
    status: 201,
    response: ReportSchema,
    handler: ({ db, actor, body }) => createReport(db, actor, body),
  }),
  defineRoute({
    method: "GET",
    url: "/reports",
    operationId: "listReports",
    summary:
      "Reports in the caller's scope, newest first; awaiting=true: those waiting for the caller's review",
    tags,
    permission: "report.read",
    querystring: ListReportsQuerySchema,
    response: ReportPageSchema,
    handler: ({ readDb, actor, query }) => listReportPage(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/reports/next-number",
    operationId: "nextReportNumber",
    summary:
      "The next document number of a unit's issuing body in a year of issue (the create form's default)",
    tags,
    permission: "report.manage",
    querystring: NextReportNumberQuerySchema,
    response: NextReportNumberSchema,
    handler: ({ db, actor, query }) => nextReportNumber(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/reports/:id",
    operationId: "getReport",
    summary: "One report with what the caller may do with it now",
    tags,
    permission: "report.read",
    params,
    response: ReportSchema,
    handler: ({ db, actor, params }) => reportDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "PATCH",
    url: "/reports/:id",
    operationId: "updateReport",
    summary: "Edit the narrative sections and header of a draft or returned report",
    tags,
    permission: "report.manage",
    params,
    body: UpdateReportBodySchema,
    response: ReportSchema,
    handler: ({ db, actor, params, body }) => updateReport(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/reports/:id/compile",
    operationId: "compileReportFromChildren",
    summary:
      "Gather the approved reports of the unit's direct children for the same period into an editable compiled section and annex (frozen now)",
    tags,
    permission: "report.manage",
    params,
    response: ReportSchema,
    handler: ({ db, actor, params }) => compileReportFromChildren(db, actor, params.id),
  }),
  defineRoute({
    method: "GET",
    url: "/reports/:id/completeness",
    operationId: "getReportCompleteness",
    summary:
      "Which units of the level below have reported for the report's period (approved, submitted, in progress, missing; late against the due day)",
    tags,
    permission: "report.read",
    params,
    response: ReportCompletenessSchema,
    handler: ({ readDb, actor, params }) => getReportCompleteness(readDb, actor, params.id),
  }),
  defineRoute({
    method: "GET",
    url: "/reports/:id/export",
    operationId: "exportReport",
    summary: "The report as DOCX or PDF (Decree 30/2020 layout), or its figures as XLSX",
    tags,
    permission: "report.read",
    params,
    querystring: ExportReportQuerySchema,
    handler: ({ db, actor, reply, params, query }) =>
      sendReportExport(db, actor, reply, params.id, query.format),
  }),
  defineRoute({
    method: "POST",
    url: "/reports/:id/submit",
    operationId: "submitReport",
    summary: "Submit the report to the level above",
    tags,
    permission: "report.manage",
    params,
    response: ReportSchema,
    handler: ({ db, actor, params }) => moveReport(db, actor, params.id, "submit"),
  }),
  defineRoute({
    method: "POST",
    url: "/reports/:id/approve",
    operationId: "approveReport",
    summary: "Approve a submitted report (level above); locks the period's records",
    tags,
    permission: "report.approve",
    params,
    response: ReportSchema,
    handler: ({ db, actor, params }) => moveReport(db, actor, params.id, "approve"),
  }),
  defineRoute({
    method: "POST",
    url: "/reports/:id/return",
    operationId: "returnReport",
    summary: "Return a submitted report with comments (level above)",
    tags,
    permission: "report.approve",
    params,
    body: ReturnReportBodySchema,
    response: ReportSchema,
    handler: ({ db, actor, params, body }) => moveReport(db, actor, params.id, "return", body.comment),
  }),
  defineRoute({
    method: "POST",
    url: "/period-locks/unlock",
    operationId: "unlockPeriod",
    summary: "Lift the locks of a unit's subtree over a period (level above, with a reason; audited)",
    tags,
    permission: "report.approve",
    body: UnlockPeriodBodySchema,
    response: UnlockResultSchema,
    handler: ({ db, actor, body }) => unlockPeriod(db, actor, body),
  }),
]);
