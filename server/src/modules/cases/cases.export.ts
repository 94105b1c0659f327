import { GetCaseQuerySchema, todayInVietnam, type CaseDetail } from "@toandan/contracts";
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
        const empty = {
          reports: [],
          classifications: [],
          supports: [],
          transfers: [],
          helpInstances: [],
          referrals: [],
          communitySessions: [],
        };
        const help = await helpCounts(
          app.db,
          rows.map((r) => r.id),
        );
        const details = rows.map((r) => ({
          ...presentCaseDetail(r, empty, "case_officer", crypto, today, actor),
          help: help.get(r.id),
        }));
        return sendExport(reply, req.params.format, "ho-so-tai-hoa-nhap", COLUMNS, details);
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
