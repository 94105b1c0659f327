import { GROUP_STATUS_LABELS, ListGroupsQuerySchema, type Group } from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Actor } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import {
  EXPORT_MAX_ROWS,
  ExportParamsSchema,
  isoDateCell,
  sendExport,
  type ExportColumn,
} from "../../kernel/http/export";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import type { Db } from "../../db/client";
import { loadUnit } from "../org-units";
import { presentGroup } from "./groups.presenter";
import { listGroups } from "./groups.queries";

const COLUMNS: ExportColumn<Group>[] = [
  { header: "Tên tổ, mô hình", width: 34, value: (g) => g.name },
  { header: "Loại", width: 34, value: (g) => g.typeName },
  { header: "Phân loại", value: (g) => (g.category === "team" ? "Tổ, lực lượng" : "Mô hình") },
  { header: "Đơn vị", width: 26, value: (g) => g.orgUnitName },
  { header: "Ngày thành lập", width: 14, value: (g) => isoDateCell(g.foundedOn) },
  { header: "Trạng thái", width: 16, value: (g) => GROUP_STATUS_LABELS[g.status] },
  { header: "Ngày giải thể", width: 14, value: (g) => isoDateCell(g.dissolvedOn) },
  { header: "Ghi chú", width: 40, value: (g) => g.notes },
];

async function subtree(db: Db, actor: Actor, unitId: string | undefined) {
  if (!unitId) return undefined;
  return (await loadUnit(db, actor, unitId, { permission: "group.read", scope: "path" })).path;
}

/** The list of teams and models, with the same filters, as a CSV or XLSX file. */
export const groupExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/groups/export/:format",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "exportGroups",
        tags: ["groups"],
        summary: "Export the filtered list of teams and models as CSV or XLSX",
        params: ExportParamsSchema,
        querystring: ListGroupsQuerySchema,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const prefix = await subtree(app.db, actor, req.query.orgUnitId);
      const rows = await listGroups(app.db, actor, { ...req.query, limit: EXPORT_MAX_ROWS - 1 }, prefix, 0);
      return sendExport(reply, req.params.format, "to-mo-hinh", COLUMNS, rows.map(presentGroup));
    },
  );
};
