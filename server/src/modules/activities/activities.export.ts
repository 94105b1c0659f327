import {
  ACTIVITY_CHANNEL_LABELS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_TOPIC_LABELS,
  type Activity,
  type ListActivitiesQuery,
} from "@toandan/contracts";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { EXPORT_MAX_ROWS, isoDateCell, type ExportColumn } from "../../kernel/http/export";
import { presentActivity } from "./activities.presenter";
import { listActivityRows, listUnit } from "./activities.queries";

export const ACTIVITY_EXPORT_COLUMNS: ExportColumn<Activity>[] = [
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
  { header: "Số cụm loa", value: (a) => a.broadcastStations },
  { header: "Lượt phát", value: (a) => a.broadcastAirings },
  { header: "Phút mỗi lượt", value: (a) => a.broadcastMinutes },
  { header: "Giờ phát thanh", value: (a) => a.broadcastHours },
  { header: "Kênh", width: 24, value: (a) => a.channels.map((c) => ACTIVITY_CHANNEL_LABELS[c]).join("; ") },
  { header: "Thẻ", value: (a) => a.tags.join("; ") },
  { header: "Ghi chú", width: 40, value: (a) => a.notes },
];

/** The activity list, with the same filters, for a CSV or XLSX file (up to EXPORT_MAX_ROWS rows). */
export async function activitiesForExport(db: Db, actor: Actor, q: ListActivitiesQuery): Promise<Activity[]> {
  const unit = await listUnit(db, actor, q.orgUnitId);
  const rows = await listActivityRows(db, actor, { ...q, limit: EXPORT_MAX_ROWS - 1 }, 0, unit);
  return rows.map(presentActivity);
}
