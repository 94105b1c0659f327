// The impact-assessment dossier and the breach notice to A05, in the Decree 30/2020 layout.
import {
  clockNow,
  DATA_CATEGORY_LABELS,
  LEGAL_BASIS_LABELS,
  STORAGE_KIND_LABELS,
  type Breach,
  type ProcessingActivity,
  type Role,
} from "@toandan/contracts";
import { documentFoot, documentHead, heading, p, packDocument } from "./privacy.docx-kit";

const TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** An instant in Vietnam time: "01/03/2027 23:30". */
const vnTime = (iso: string) => {
  const part = Object.fromEntries(TIME.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${part.day}/${part.month}/${part.year} ${part.hour}:${part.minute}`;
};

type Issuer = { issuer: string; place: string; today: string };

/**
 * The impact-assessment dossier (hồ sơ đánh giá tác động xử lý dữ liệu cá nhân) from the register.
 * Its sections follow the content Decree 13/2023 Art. 24 lists; the exact fields of the form the
 * authority prescribes (Form 04 of Decree 13/2023; Decree 356/2025's form) were not verified, and the
 * document says so.
 */
export function impactAssessmentDocx(
  o: Issuer & { activities: readonly ProcessingActivity[]; roleLabel: (r: Role) => string },
) {
  const a = o.activities;
  const sensitive = a.filter((x) => x.categories.includes("sensitive"));
  const children = [
    ...documentHead({
      issuer: o.issuer,
      symbol: "HS-ĐGTĐ",
      place: o.place,
      today: o.today,
      title: "HỒ SƠ ĐÁNH GIÁ TÁC ĐỘNG XỬ LÝ DỮ LIỆU CÁ NHÂN",
      subject: "Hệ thống Toàn Dân — quản lý phong trào Toàn dân bảo vệ an ninh Tổ quốc",
      addressee: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an",
    }),
    p([
      {
        text: "Lưu ý: Bố cục hồ sơ theo các nội dung Điều 24 Nghị định 13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15. Các trường chính xác của biểu mẫu do cơ quan có thẩm quyền ban hành (Mẫu số 04 Nghị định 13/2023/NĐ-CP; biểu mẫu theo Nghị định 356/2025/NĐ-CP) chưa được đối chiếu; cần kiểm tra trước khi gửi.",
        italics: true,
      },
    ]),
    heading("1. Thông tin về bên kiểm soát và xử lý dữ liệu cá nhân"),
    p(
      `Cơ quan: ${o.issuer}. Bộ phận, người phụ trách bảo vệ dữ liệu cá nhân: cán bộ được giao vai trò “Cán bộ bảo vệ dữ liệu cá nhân” trên hệ thống.`,
    ),
    heading("2. Mục đích xử lý dữ liệu cá nhân"),
    ...a.map((x, i) => p(`2.${i + 1}. ${x.titleVi}: ${x.purposeVi}.`)),
    heading("3. Loại dữ liệu cá nhân được xử lý"),
    ...a.map((x, i) =>
      p(
        `3.${i + 1}. ${x.titleVi} — ${x.categories.map((c) => DATA_CATEGORY_LABELS[c].vi).join(", ")}: ${x.dataTypesVi.join("; ")}.`,
      ),
    ),
    heading("4. Căn cứ pháp lý của hoạt động xử lý"),
    ...a.map((x, i) => p(`4.${i + 1}. ${x.titleVi}: ${LEGAL_BASIS_LABELS[x.legalBasis].vi} — ${x.lawVi}.`)),
    heading("5. Tổ chức, cá nhân được tiếp cận dữ liệu"),
    ...a.map((x, i) => p(`5.${i + 1}. ${x.titleVi}: ${x.readers.map(o.roleLabel).join(", ") || "—"}.`)),
    p("Không chuyển dữ liệu cá nhân ra nước ngoài; hệ thống được triển khai trên hạ tầng trong nước."),
    heading("6. Thời gian xử lý, thời hạn lưu trữ, xóa, hủy"),
    ...a.map((x, i) => p(`6.${i + 1}. ${x.titleVi}: ${x.retentionVi}.`)),
    heading("7. Biện pháp bảo vệ dữ liệu cá nhân"),
    ...a.map((x, i) => p(`7.${i + 1}. ${x.titleVi}: ${STORAGE_KIND_LABELS[x.storage].vi}. ${x.storageVi}.`)),
    p(
      "Chung: phân quyền theo vai trò, đơn vị và cơ quan; nhật ký thao tác có chuỗi băm chống sửa đổi; nhật ký mỗi lần mở hồ sơ niêm phong kèm lý do; khóa mã hóa lưu ngoài cơ sở dữ liệu; không ghi địa chỉ IP, thiết bị của người báo tin.",
    ),
    heading("8. Đánh giá mức độ ảnh hưởng, rủi ro và biện pháp giảm thiểu"),
    p(
      `Hệ thống xử lý ${sensitive.length} loại dữ liệu cá nhân nhạy cảm: ${sensitive.map((x) => x.titleVi).join("; ")}. Rủi ro chính: lộ danh tính người tố giác, lộ tiền án, tiền sự, lộ dân tộc, tôn giáo của thành viên tổ, mô hình. Biện pháp: mã hóa từng trường, tìm kiếm bằng chỉ mục ẩn, chỉ lực lượng thụ lý được đọc nội dung, cán bộ bảo vệ dữ liệu cá nhân không được đọc nội dung niêm phong.`,
    ),
    heading("9. Quy trình xử lý vi phạm và yêu cầu của chủ thể dữ liệu"),
    p(
      "Vi phạm được ghi vào sổ vi phạm ngay khi phát hiện và thông báo cho A05 trong 72 giờ; yêu cầu của chủ thể dữ liệu được ghi nhận, tra cứu trên mọi phân hệ và trả lời trong 72 giờ.",
    ),
    documentFoot(["Như trên;", "Lưu: VT."], "THỦ TRƯỞNG CƠ QUAN"),
  ];
  return packDocument("Hồ sơ đánh giá tác động xử lý dữ liệu cá nhân", children);
}

/** The notice of a breach to A05 (Decree 13/2023 Art. 23; its Form 03's exact fields unverified). */
export function breachNoticeDocx(o: Issuer & { breach: Breach }) {
  const b = o.breach;
  // Instants, not days: the 72 hours end at an hour, and a UTC day is not Vietnam's.
  const due = Date.parse(b.noticeDueAt);
  const late = (b.notifiedAt ? Date.parse(b.notifiedAt) : clockNow().getTime()) > due;
  const children = [
    ...documentHead({
      issuer: o.issuer,
      symbol: "TB-BVDLCN",
      place: o.place,
      today: o.today,
      title: "THÔNG BÁO",
      subject: "Vi phạm quy định về bảo vệ dữ liệu cá nhân",
      addressee: "Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an",
    }),
    p([
      {
        text: "Nội dung theo Điều 23 Nghị định 13/2023/NĐ-CP; các trường chính xác của Mẫu số 03 và biểu mẫu theo Nghị định 356/2025/NĐ-CP chưa được đối chiếu.",
        italics: true,
      },
    ]),
    p(`${o.issuer} thông báo vi phạm quy định về bảo vệ dữ liệu cá nhân như sau:`),
    p(
      `1. Thời điểm phát hiện: ${vnTime(b.detectedAt)}${b.occurredAt ? `; thời điểm xảy ra: ${vnTime(b.occurredAt)}` : ""}.`,
    ),
    p(`2. Địa điểm: ${b.place ?? o.issuer}.`),
    p(`3. Mô tả tính chất vi phạm: ${b.nature}`),
    p(
      `4. Loại dữ liệu và số lượng: ${b.categories.map((c) => DATA_CATEGORY_LABELS[c].vi).join(", ")} — ${b.dataDescription}; số người bị ảnh hưởng: ${b.peopleAffected.toLocaleString("de-DE")}.`,
    ),
    p(`5. Hậu quả, thiệt hại có thể xảy ra: ${b.consequences ?? "đang đánh giá"}.`),
    p(`6. Biện pháp đã thực hiện để giảm thiểu tác hại: ${b.actionsTaken}`),
    p(`7. Người liên hệ: ${b.contactName}${b.contactPhone ? `, điện thoại ${b.contactPhone}` : ""}.`),
    ...(late
      ? [p(`8. Lý do thông báo sau 72 giờ kể từ khi phát hiện: ${b.lateReason ?? "…"}`)]
      : [p(`Thời hạn thông báo (72 giờ kể từ khi phát hiện): ${vnTime(b.noticeDueAt)}.`)]),
    documentFoot(["Như trên;", "Lưu: VT, hồ sơ vi phạm."], "THỦ TRƯỞNG CƠ QUAN"),
  ];
  return packDocument("Thông báo vi phạm quy định về bảo vệ dữ liệu cá nhân", children);
}
