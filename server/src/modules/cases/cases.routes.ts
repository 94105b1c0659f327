import {
  AssignCaseBodySchema,
  CaseAccessPageSchema,
  CaseDetailSchema,
  CasePageSchema,
  CaseStatsQuerySchema,
  CaseStatsSchema,
  ClassifyCaseBodySchema,
  CloseCaseBodySchema,
  CreateCaseBodySchema,
  GetCaseQuerySchema,
  IdSchema,
  ListCasesQuerySchema,
  PageQuerySchema,
  RecordCaseReportBodySchema,
  ReceiveCaseTransferBodySchema,
  RecordCaseSupportBodySchema,
  SMALL_CELL_THRESHOLD,
  TransferCaseBodySchema,
  TransferCaseResultSchema,
  TransferDestinationListSchema,
  TransferDestinationsQuerySchema,
  type CaseDetail,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission, type Actor } from "../../kernel/authz";
import { forbidden, validationFailed } from "../../kernel/errors";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { caseCryptoFor } from "./cases.crypto";
import { caseExportRoutes } from "./cases.export";
import { caseHelpRoutes } from "./cases.help-routes";
import { getReadableCase } from "./cases.queries";
import { caseStatistics, periodRange, suppressSmall } from "./cases.stats";
import { loadStatsUnit, listAccessRows } from "./cases.stats-unit";
import { assignCase } from "./commands/assign-case";
import { classifyCase } from "./commands/classify-case";
import { closeCase } from "./commands/close-case";
import { createCase } from "./commands/create-case";
import { listCases } from "./commands/list-cases";
import { readCase } from "./commands/read-case";
import { receiveCaseTransfer } from "./commands/receive-case-transfer";
import { transferCase } from "./commands/transfer-case";
import { listTransferDestinations } from "./cases.transfer-queries";
import { recordCaseReport } from "./commands/record-case-report";
import { recordCaseSupport } from "./commands/record-case-support";

const IdParams = z.object({ id: IdSchema });
const tags = ["cases"];
const detail = { 200: CaseDetailSchema, ...ERROR_RESPONSES };

/** Who may hold the case list at all: the commune's police and case officer, and assignees. */
function requireCaseAccess(actor: Actor) {
  if (!actor.permissions.has("case.read") && !actor.permissions.has("case.report")) {
    requirePermission(actor, "case.read");
  }
}

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const crypto = caseCryptoFor(app);
  await app.register(caseExportRoutes(crypto));
  await app.register(caseHelpRoutes(crypto));

  app.get(
    "/cases",
    {
      config: { permission: "case.report" },
      schema: {
        operationId: "listCases",
        tags,
        summary:
          "Case files the caller may read (commune police and case officer, or the assigned body), with deadlines",
        querystring: ListCasesQuerySchema,
        response: { 200: CasePageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requireCaseAccess(actor);
      return listCases(app.db, crypto, actor, req.query);
    },
  );

  app.get(
    "/cases/statistics",
    {
      config: { permission: "case.stats" },
      schema: {
        operationId: "getCaseStatistics",
        tags,
        summary:
          "Counts for a unit's subtree by month, quarter, half-year or year; small counts suppressed outside the police",
        querystring: CaseStatsQuerySchema,
        response: { 200: CaseStatsSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "case.stats");
      const range = periodRange(req.query.period, req.query.key);
      if (!range) throw validationFailed([{ path: "key", message: "Kỳ không khớp loại kỳ" }]);
      const unit = await loadStatsUnit(app.db, actor, req.query.orgUnitId);
      const counts = await caseStatistics(app.db, {
        rollupPathPrefix: unit.rollupPath,
        unitPath: unit.path === unit.rollupPath ? undefined : unit.path,
        ...range,
      });
      const suppress = !unit.policeView;
      return {
        ...range,
        suppressed: suppress,
        threshold: SMALL_CELL_THRESHOLD,
        figures: suppressSmall(counts, suppress),
      };
    },
  );

  app.get(
    "/cases/transfer-destinations",
    {
      config: { permission: "case.manage" },
      schema: {
        operationId: "listCaseTransferDestinations",
        tags,
        summary:
          "Current communes anywhere in the country a file may move to, by name (accent-insensitive); names only",
        querystring: TransferDestinationsQuerySchema,
        response: { 200: TransferDestinationListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      requirePermission(requireActor(req), "case.manage");
      return { items: await listTransferDestinations(app.db, req.query.q) };
    },
  );

  app.post(
    "/cases/:id/transfer",
    {
      config: { permission: "case.manage" },
      schema: {
        operationId: "transferCase",
        tags,
        summary:
          "The person moved: send the file to the new commune (Circular 10/2024 Art. 15); this commune loses access, the receiver has 5 working days to take it over",
        params: IdParams,
        body: TransferCaseBodySchema,
        response: { 200: TransferCaseResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "case.manage");
      return transferCase(app.db, actor, crypto, req.params.id, req.body);
    },
  );

  app.get(
    "/cases/:id",
    {
      config: { permission: "case.report" },
      schema: {
        operationId: "getCase",
        tags,
        summary: "One case file; the reason is required and every read is logged with who and why",
        params: IdParams,
        querystring: GetCaseQuerySchema,
        response: detail,
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requireCaseAccess(actor);
      return readCase(app.db, actor, crypto, req.params.id, req.query.reason);
    },
  );

  app.get(
    "/cases/:id/access-log",
    {
      config: { permission: "case.manage" },
      schema: {
        operationId: "listCaseAccessLog",
        tags,
        summary: "Who read a case file, on what basis and why (commune police and case officer)",
        params: IdParams,
        querystring: PageQuerySchema,
        response: { 200: CaseAccessPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "case.manage");
      const { row, basis } = await getReadableCase(app.db, actor, req.params.id);
      if (basis === "assignee") throw forbidden();
      const offset = decodeCursor(req.query.cursor);
      return pageFrom(await listAccessRows(app.db, row.id, offset, req.query.limit), offset, req.query.limit);
    },
  );

  app.post(
    "/cases",
    {
      config: { permission: "case.manage" },
      schema: {
        operationId: "createCase",
        tags,
        summary: "Open a case after the person reports in; identity, offence and notes are encrypted",
        body: CreateCaseBodySchema,
        response: { 201: CaseDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "case.manage");
      return reply.status(201).send(await createCase(app.db, actor, crypto, req.body));
    },
  );

  const write = <B extends z.ZodType>(
    path: string,
    operationId: string,
    summary: string,
    permission: "case.manage" | "case.report",
    body: B,
    run: (actor: Actor, id: string, body: z.infer<B>) => Promise<CaseDetail>,
  ) =>
    app.post(
      path,
      {
        config: { permission },
        schema: { operationId, tags, summary, params: IdParams, body, response: detail },
      },
      async (req) => {
        const actor = requireActor(req);
        requirePermission(actor, permission);
        return run(actor, req.params.id, req.body as z.infer<B>);
      },
    );

  write(
    "/cases/:id/assignment",
    "assignCase",
    "Record the commune chairman's assignment decision (HCD-07)",
    "case.manage",
    AssignCaseBodySchema,
    (a, id, b) => assignCase(app.db, a, crypto, id, b),
  );
  write(
    "/cases/:id/reports",
    "recordCaseReport",
    "The assignee's quarterly report (HCD-08), or monthly for education at the commune",
    "case.report",
    RecordCaseReportBodySchema,
    (a, id, b) => recordCaseReport(app.db, a, crypto, id, b),
  );
  write(
    "/cases/:id/classifications",
    "classifyCase",
    "Quarterly A–D classification by the commune police",
    "case.manage",
    ClassifyCaseBodySchema,
    (a, id, b) => classifyCase(app.db, a, crypto, id, b),
  );
  write(
    "/cases/:id/supports",
    "recordCaseSupport",
    "Support given: job, training, loan, residence, counselling",
    "case.report",
    RecordCaseSupportBodySchema,
    (a, id, b) => recordCaseSupport(app.db, a, crypto, id, b),
  );
  write(
    "/cases/:id/transfer/receive",
    "receiveCaseTransfer",
    "The receiving commune takes over a transferred file after the residence check (nhận hồ sơ)",
    "case.manage",
    ReceiveCaseTransferBodySchema,
    (a, id, b) => receiveCaseTransfer(app.db, a, crypto, id, b),
  );
  write(
    "/cases/:id/close",
    "closeCase",
    "End supervision on a legal ground (Circular 10/2024 Art. 14, HCD-10/11; Decree 120/2021 for education)",
    "case.manage",
    CloseCaseBodySchema,
    (a, id, b) => closeCase(app.db, a, crypto, id, b),
  );
};
