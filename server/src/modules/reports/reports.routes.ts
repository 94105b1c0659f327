import {
  CreateReportBodySchema,
  ExportReportQuerySchema,
  IdSchema,
  ListReportsQuerySchema,
  ReportPageSchema,
  ReportSchema,
  ReturnReportBodySchema,
  UnlockPeriodBodySchema,
  UnlockResultSchema,
  UpdateReportBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadIndicatorUnit } from "../indicators";
import { createReport } from "./commands/create-report";
import { moveReport } from "./commands/report-workflow";
import { unlockPeriod } from "./commands/unlock-period";
import { updateReport } from "./commands/update-report";
import { reportDocx } from "./export-docx";
import { reportPdf } from "./export-pdf";
import { reportXlsx } from "./export-xlsx";
import { listReports, loadReport, presentReport } from "./reports.queries";

const IdParams = z.object({ id: IdSchema });
const tags = ["reports"];
const TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/reports",
    {
      config: { permission: "report.manage" },
      schema: {
        operationId: "createReport",
        tags,
        summary: "Compose a review report (six-month, yearly, plan review) with its figures filled in",
        body: CreateReportBodySchema,
        response: { 201: ReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "report.manage");
      return reply.code(201).send(await createReport(app.db, actor, req.body));
    },
  );

  app.get(
    "/reports",
    {
      config: { permission: "report.read" },
      schema: {
        operationId: "listReports",
        tags,
        summary:
          "Reports in the caller's scope, newest first; awaiting=true: those waiting for the caller's review",
        querystring: ListReportsQuerySchema,
        response: { 200: ReportPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "report.read");
      const { cursor, limit, ...filters } = req.query;
      const offset = decodeCursor(cursor);
      // A unit outside the caller's scope is 404, as everywhere.
      if (filters.orgUnitId) await loadIndicatorUnit(app.db, actor, filters.orgUnitId, "report.read");
      return pageFrom(await listReports(app.db, actor, { ...filters, offset, limit }), offset, limit);
    },
  );

  app.get(
    "/reports/:id",
    {
      config: { permission: "report.read" },
      schema: {
        operationId: "getReport",
        tags,
        params: IdParams,
        response: { 200: ReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "report.read");
      return presentReport(await loadReport(app.db, actor, req.params.id, "report.read"), actor);
    },
  );

  app.patch(
    "/reports/:id",
    {
      config: { permission: "report.manage" },
      schema: {
        operationId: "updateReport",
        tags,
        summary: "Edit the narrative sections and header of a draft or returned report",
        params: IdParams,
        body: UpdateReportBodySchema,
        response: { 200: ReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "report.manage");
      return updateReport(app.db, actor, req.params.id, req.body);
    },
  );

  app.get(
    "/reports/:id/export",
    {
      config: { permission: "report.read" },
      schema: {
        operationId: "exportReport",
        tags,
        summary: "The report as DOCX or PDF (Decree 30/2020 layout), or its figures as XLSX",
        params: IdParams,
        querystring: ExportReportQuerySchema,
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "report.read");
      const report = presentReport(await loadReport(app.db, actor, req.params.id, "report.read"), actor);
      const format = req.query.format;
      const file =
        format === "docx"
          ? await reportDocx(report)
          : format === "pdf"
            ? await reportPdf(report)
            : await reportXlsx(report);
      return reply
        .header("content-type", TYPES[format])
        .header(
          "content-disposition",
          `attachment; filename="bao-cao-${report.year}-${report.id.slice(0, 8)}.${format}"`,
        )
        .send(file);
    },
  );

  for (const [step, operationId, summary] of [
    ["submit", "submitReport", "Submit the report to the level above"],
    ["approve", "approveReport", "Approve a submitted report (level above); locks the period's records"],
  ] as const) {
    app.post(
      `/reports/:id/${step}`,
      {
        config: { permission: step === "submit" ? "report.manage" : "report.approve" },
        schema: {
          operationId,
          tags,
          summary,
          params: IdParams,
          response: { 200: ReportSchema, ...ERROR_RESPONSES },
        },
      },
      async (req) => moveReport(app.db, requireActor(req), req.params.id, step),
    );
  }

  app.post(
    "/reports/:id/return",
    {
      config: { permission: "report.approve" },
      schema: {
        operationId: "returnReport",
        tags,
        summary: "Return a submitted report with comments (level above)",
        params: IdParams,
        body: ReturnReportBodySchema,
        response: { 200: ReportSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => moveReport(app.db, requireActor(req), req.params.id, "return", req.body.comment),
  );

  app.post(
    "/period-locks/unlock",
    {
      config: { permission: "report.approve" },
      schema: {
        operationId: "unlockPeriod",
        tags,
        summary: "Lift the locks of a unit's subtree over a period (level above, with a reason; audited)",
        body: UnlockPeriodBodySchema,
        response: { 200: UnlockResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "report.approve");
      return unlockPeriod(app.db, actor, req.body);
    },
  );
};
