import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_TOPIC_LABELS,
  ListActivitiesQuerySchema,
  type Activity,
} from "@toandan/contracts";
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
import { loadUnit } from "../org-units";
import { presentActivity } from "./activities.presenter";
import { listActivityRows } from "./activities.queries";

const COLUMNS: ExportColumn<Activity>[] = [
  { header: "Ngày", width: 12, value: (a) => isoDateCell(a.date) },
  { header: "Đơn vị", width: 28, value: (a) => a.orgUnitName },
  { header: "Loại hoạt động", width: 24, value: (a) => ACTIVITY_KIND_LABELS[a.kind] },
  { header: "Nội dung", width: 32, value: (a) => a.title },
  { header: "Chủ đề", width: 28, value: (a) => a.topics.map((t) => ACTIVITY_TOPIC_LABELS[t]).join("; ") },
  { header: "Đơn vị tổ chức", width: 40, value: (a) => a.organizers.map((o) => o.name).join("; ") },
  { header: "Lượt người tham dự", value: (a) => a.attendees },
  { header: "Lượt hộ tham dự", value: (a) => a.households },
  { header: "Lượt học sinh", value: (a) => a.students },
  { header: "Tờ rơi", value: (a) => a.leaflets },
  { header: "Pa nô", value: (a) => a.panels },
  { header: "Khẩu hiệu", value: (a) => a.slogans },
  { header: "Tin, bài phát thanh", value: (a) => a.broadcastItems },
  { header: "Giờ phát thanh", value: (a) => a.broadcastHours },
  { header: "Thẻ", value: (a) => a.tags.join("; ") },
  { header: "Ghi chú", width: 40, value: (a) => a.notes },
];

/** The activity list, with the same filters, as a CSV or XLSX file (up to EXPORT_MAX_ROWS rows). */
export const activityExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/activities/export/:format",
    {
      config: { permission: "activity.read" },
      schema: {
        operationId: "exportActivities",
        tags: ["activities"],
        summary: "Export the filtered activity list as CSV or XLSX",
        params: ExportParamsSchema,
        querystring: ListActivitiesQuerySchema,
        response: { ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const q = req.query;
      const unit = q.orgUnitId
        ? await loadUnit(app.db, actor, q.orgUnitId, { permission: "activity.read", scope: "rollup" })
        : undefined;
      const rows = await listActivityRows(app.db, actor, { ...q, limit: EXPORT_MAX_ROWS - 1 }, 0, unit);
      return sendExport(reply, req.params.format, "hoat-dong", COLUMNS, rows.map(presentActivity));
    },
  );
};
