import {
  ExportHelpInstancesQuerySchema,
  GetCaseQuerySchema,
  HELP_KIND_LABELS,
  HELP_OUTCOME_LABELS,
  todayInVietnam,
  type CaseDetail,
  type HelpKind,
  type HelpOutcome,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ExportParamsSchema, isoDateCell, sendExport, type ExportColumn } from "../../kernel/http/export";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { logCaseAccess } from "./cases.access";
import type { CaseCrypto } from "./cases.crypto";
import { presentCaseDetail } from "./cases.presenter";
import { SELECT_CASE, type CaseRow } from "./cases.queries";

/** A file with its help instances ("lượt giúp đỡ") counted: dates and outcomes, never the sealed notes. */
type Row = CaseDetail & { help: HelpCounts | undefined };
type HelpCounts = { instances: number; reformed: number; lastOn: string | null };
const COLUMNS: ExportColumn<Row>[] = [
  { header: "Họ và tên", width: 28, value: (r) => r.fullName },
  { header: "Ngày sinh", value: (r) => isoDateCell(r.dateOfBirth) },
  { header: "Số định danh", value: (r) => r.identityNumber },
  { header: "Nhóm tội danh", value: (r) => r.offenceCategory },
  { header: "Tội danh / hành vi", width: 40, value: (r) => r.offence },
  { header: "Ngày ra trại / quyết định", value: (r) => isoDateCell(r.releaseOrDecisionDate) },
  { header: "Ngày trình diện", value: (r) => isoDateCell(r.reportedInOn) },
  { header: "Nơi cư trú", width: 30, value: (r) => r.orgUnitName },
  { header: "Tổ chức quản lý", width: 30, value: (r) => r.assigneeBodyName },
  { header: "Phân loại gần nhất", value: (r) => r.latestGroup },
  { header: "Kết quả", value: (r) => r.outcome },
  { header: "Số lượt được giúp đỡ", value: (r) => r.help?.instances ?? 0 },
  { header: "Số lượt cải tạo tốt", value: (r) => r.help?.reformed ?? 0 },
  { header: "Lượt giúp đỡ gần nhất", value: (r) => isoDateCell(r.help?.lastOn ?? null) },
];

/** One help instance with its person (from the sealed file, opened for the export): never its notes. */
type InstanceRow = {
  caseId: string;
  receivedOn: string;
  kind: HelpKind;
  helper: string;
  outcome: HelpOutcome;
  outcomeOn: string | null;
  person?: CaseDetail;
};
const INSTANCE_COLUMNS: ExportColumn<InstanceRow>[] = [
  { header: "Họ và tên", width: 28, value: (r) => r.person?.fullName ?? null },
  { header: "Ngày sinh", value: (r) => isoDateCell(r.person?.dateOfBirth ?? null) },
  { header: "Nơi cư trú", width: 30, value: (r) => r.person?.orgUnitName ?? null },
  { header: "Ngày tiếp nhận", value: (r) => isoDateCell(r.receivedOn) },
  { header: "Hình thức giúp đỡ", width: 32, value: (r) => HELP_KIND_LABELS[r.kind] },
  { header: "Tổ chức, tổ nhóm nhận giúp đỡ", width: 32, value: (r) => r.helper },
  { header: "Kết quả", value: (r) => HELP_OUTCOME_LABELS[r.outcome] },
  { header: "Ngày có kết quả", value: (r) => isoDateCell(r.outcomeOn) },
];

const EMPTY_PARTS = {
  reports: [],
  classifications: [],
  supports: [],
  transfers: [],
  helpInstances: [],
  referrals: [],
  communitySessions: [],
};

/** Export of personal data: only with `case.export`, only the files the caller reads, logged. */
export const caseExportRoutes =
  (crypto: CaseCrypto): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/cases/export/:format",
      {
        config: { permission: "case.export" },
        schema: {
          operationId: "exportCases",
          tags: ["cases"],
          summary: "Export case files with personal data (case.export only); logged per file",
          params: ExportParamsSchema,
          querystring: GetCaseQuerySchema,
          response: ERROR_RESPONSES,
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.export");
        const rows = await queryRows<CaseRow>(
          app.db,
          sql`${SELECT_CASE} where ${pathInScope(actor, "case.read", sql`c.rollup_path`)} order by c.reported_in_on, c.id`,
        );
        await app.db.transaction((tx) =>
          logCaseAccess(tx, actor, {
            caseIds: rows.map((r) => r.id),
            basis: "export",
            purpose: "export",
            reason: req.query.reason,
          }),
        );
        const today = todayInVietnam();
        const help = await helpCounts(
          app.db,
          rows.map((r) => r.id),
        );
        const details = rows.map((r) => ({
          ...presentCaseDetail(r, EMPTY_PARTS, "case_officer", crypto, today, actor),
          help: help.get(r.id),
        }));
        return sendExport(reply, req.params.format, "ho-so-tai-hoa-nhap", COLUMNS, details);
      },
    );

    app.get(
      "/cases/help-instances/export/:format",
      {
        config: { permission: "case.export" },
        schema: {
          operationId: "exportCaseHelpInstances",
          tags: ["cases"],
          summary:
            "Export the help instances (lượt được giúp đỡ) of the files the caller reads, one line per instance, by person, date and kind (case.export only); logged per file",
          params: ExportParamsSchema,
          querystring: ExportHelpInstancesQuerySchema,
          response: ERROR_RESPONSES,
        },
      },
      async (req, reply) => {
        const actor = requireActor(req);
        requirePermission(actor, "case.export");
        const { from, to, reason } = req.query;
        const period = sql`${from ? sql`and h.received_on >= ${from}::date` : sql``}
          ${to ? sql`and h.received_on <= ${to}::date` : sql``}`;
        // The files the caller reads that have an instance in the period, then those instances.
        const rows = await queryRows<CaseRow>(
          app.db,
          sql`${SELECT_CASE} where ${pathInScope(actor, "case.read", sql`c.rollup_path`)}
            and exists (select 1 from case_help_instances h where h.case_id = c.id ${period})
            order by c.id`,
        );
        const ids = rows.map((r) => r.id);
        const instances = ids.length
          ? await queryRows<InstanceRow>(
              app.db,
              sql`select h.case_id as "caseId", h.received_on::text as "receivedOn", h.kind, h.helper,
                    h.outcome, h.outcome_on::text as "outcomeOn"
                  from case_help_instances h
                  where h.case_id = any(${sql.param(ids)}::uuid[]) ${period}
                  order by h.received_on, h.created_at, h.id`,
            )
          : [];
        await app.db.transaction((tx) =>
          logCaseAccess(tx, actor, { caseIds: ids, basis: "export", purpose: "export", reason }),
        );
        const today = todayInVietnam();
        const people = new Map(
          rows.map((r) => [r.id, presentCaseDetail(r, EMPTY_PARTS, "case_officer", crypto, today, actor)]),
        );
        const lines = instances.map((i) => ({ ...i, person: people.get(i.caseId) }));
        return sendExport(reply, req.params.format, "luot-giup-do", INSTANCE_COLUMNS, lines);
      },
    );
  };

/** Per file: its help instances, those with the outcome "reformed", and the latest one's date. */
async function helpCounts(db: Db, caseIds: string[]): Promise<Map<string, HelpCounts>> {
  if (caseIds.length === 0) return new Map();
  const rows = await queryRows<HelpCounts & { caseId: string }>(
    db,
    sql`select case_id as "caseId", count(*)::int as instances,
          count(*) filter (where outcome = 'reformed')::int as reformed, max(received_on)::text as "lastOn"
        from case_help_instances where case_id = any(${sql.param(caseIds)}::uuid[]) group by case_id`,
  );
  return new Map(
    rows.map((r) => [r.caseId, { ...r, instances: Number(r.instances), reformed: Number(r.reformed) }]),
  );
}
