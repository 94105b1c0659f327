import { GROUP_STATUS_LABELS, type Group } from "@toandan/contracts";
import { isoDateCell, type ExportColumn } from "../../kernel/http/export";

/** The columns of the teams-and-models export file. */
export const GROUP_EXPORT_COLUMNS: ExportColumn<Group>[] = [
  { header: "Tên tổ, mô hình", width: 34, value: (g) => g.name },
  { header: "Loại", width: 34, value: (g) => g.typeName },
  { header: "Phân loại", value: (g) => (g.category === "team" ? "Tổ, lực lượng" : "Mô hình") },
  { header: "Đơn vị", width: 26, value: (g) => g.orgUnitName },
  { header: "Ngày thành lập", width: 14, value: (g) => isoDateCell(g.foundedOn) },
  { header: "Trạng thái", width: 16, value: (g) => GROUP_STATUS_LABELS[g.status] },
  { header: "Ngày giải thể", width: 14, value: (g) => isoDateCell(g.dissolvedOn) },
  { header: "Ghi chú", width: 40, value: (g) => g.notes },
];
