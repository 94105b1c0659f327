import { BODY_KIND_SHORT_LABELS, ListHouseholdsQuerySchema, type Household } from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../kernel/http/context";
import {
  EXPORT_MAX_ROWS,
  ExportParamsSchema,
  isoDateCell,
  sendExport,
  type ExportColumn,
} from "../../kernel/http/export";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { presentHousehold } from "./households.presenter";
import { listHouseholds } from "./households.queries";

const COLUMNS: ExportColumn<Household>[] = [
  { header: "Số sổ", width: 10, value: (h) => h.code },
  { header: "Chủ hộ", width: 26, value: (h) => h.headName },
  { header: "Địa chỉ", width: 36, value: (h) => h.address },
  { header: "Khu dân cư", width: 24, value: (h) => h.orgUnitName },
  { header: "Số nhân khẩu", value: (h) => h.members },
  {
    header: "Hội viên, đoàn viên",
    width: 36,
    value: (h) => h.memberOrgs.map((k) => BODY_KIND_SHORT_LABELS[k]).join("; "),
  },
  { header: "Năm ký cam kết gần nhất", value: (h) => h.lastSignedYear },
  { header: "Ngày chuyển đi", width: 14, value: (h) => isoDateCell(h.movedOutOn) },
];

/** The household list, with the same filters, as a CSV or XLSX file. */
export const householdExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/households/export/:format",
    {
      config: { permission: "household.read" },
      schema: {
        operationId: "exportHouseholds",
        tags: ["households"],
        summary: "Export the filtered household list as CSV or XLSX",
        params: ExportParamsSchema,
        querystring: ListHouseholdsQuerySchema,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const rows = await listHouseholds(app.db, actor, { ...req.query, limit: EXPORT_MAX_ROWS - 1 }, 0);
      return sendExport(reply, req.params.format, "ho-gia-dinh", COLUMNS, rows.map(presentHousehold));
    },
  );
};
