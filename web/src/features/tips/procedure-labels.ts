import { useTranslation } from "react-i18next";

/**
 * Strings of the police procedure on a tip (CPC 2015 Art. 146–149, Joint Circular 01/2017),
 * Vietnamese first; the rules' sources themselves come from contracts (CLOCK_BASIS, ground labels).
 */
const vi = {
  clock: {
    transfer: "Chuyển tin",
    receipt_notice: "Thông báo tiếp nhận",
    decision: "Quyết định",
    suspension_notice: "Gửi QĐ tạm đình chỉ",
    resumed_decision: "Giải quyết sau phục hồi",
    outcome_notice: "Thông báo kết quả",
  },
  clocksTitle: "Thời hạn và căn cứ",
  due: "Hạn",
  basis: "Căn cứ",
  ground: "Căn cứ",
  chooseGround: "— Chọn căn cứ —",
  groundRequired: "Chọn căn cứ theo Bộ luật Tố tụng hình sự",
  groundOfDecision: "Căn cứ quyết định",
  code: "BLTTHS 2015",
  suspendedAt: "Tạm đình chỉ lúc",
  resumedAt: "Phục hồi lúc",
  communeRole:
    "Công an cấp xã tiếp nhận, kiểm tra, xác minh sơ bộ và chuyển tin cho Cơ quan điều tra có thẩm quyền; việc khởi tố, không khởi tố, tạm đình chỉ, gia hạn do Cơ quan điều tra quyết định.",
  communeRoleBasis:
    "Căn cứ: khoản 3 Điều 146, Điều 147, 148 BLTTHS 2015; khoản 5 Điều 8 Thông tư liên tịch 01/2017.",
  suspensionBasis:
    "Căn cứ: khoản 1 Điều 148 BLTTHS 2015 — chỉ tạm đình chỉ khi đã hết thời hạn giải quyết và có một trong các căn cứ dưới đây.",
  noCaseBasis: "Căn cứ: Điều 157 BLTTHS 2015 — các căn cứ không khởi tố vụ án hình sự.",
  extensionBasis:
    "Căn cứ: Điều 147 BLTTHS 2015; Điều 11 Thông tư liên tịch 01/2017 — không gia hạn sau khi hết hạn; đề nghị Viện kiểm sát gia hạn chậm nhất 05 ngày trước khi hết hạn.",
  resume: "Phục hồi giải quyết",
  resumeConfirm: (code: string): string =>
    `Lý do tạm đình chỉ tin ${code} không còn? Việc giải quyết tiếp tục không quá 01 tháng kể từ hôm nay (khoản 1 Điều 149 BLTTHS 2015).`,
  resumed: "Đã phục hồi giải quyết.",
  notices: "Thông báo quyết định",
  noNotices: "Chưa ghi nhận thông báo nào.",
  noticeKind: "Loại thông báo",
  recipient: "Nơi nhận",
  channel: "Cách gửi",
  documentNumber: "Số văn bản",
  sentAt: "Thời điểm gửi (để trống: bây giờ)",
  chooseKind: "— Chọn loại —",
  chooseRecipient: "— Chọn nơi nhận —",
  chooseChannel: "— Chọn cách gửi —",
  recordNotice: "Ghi nhận đã gửi",
  noticeRequired: "Chọn loại thông báo, nơi nhận và cách gửi",
  noticeConfirm: (kind: string, recipient: string): string => `Ghi nhận đã gửi “${kind}” cho ${recipient}?`,
  noticeRecorded: "Đã ghi nhận thông báo.",
  inAppHint:
    "“Tin nhắn trên hệ thống” gửi người báo tin một câu thông báo trạng thái (không kèm nội dung quyết định) để họ xem khi tra cứu mã tiếp nhận.",
};
type Labels = typeof vi;

const en: Labels = {
  clock: {
    transfer: "Transfer",
    receipt_notice: "Notice of receipt",
    decision: "Decision",
    suspension_notice: "Suspension sent",
    resumed_decision: "Decision after resumption",
    outcome_notice: "Notice of the outcome",
  },
  clocksTitle: "Time limits and their basis",
  due: "Due",
  basis: "Basis",
  ground: "Ground",
  chooseGround: "— Choose the ground —",
  groundRequired: "Choose the ground the Criminal Procedure Code names",
  groundOfDecision: "Ground of the decision",
  code: "CPC 2015",
  suspendedAt: "Suspended at",
  resumedAt: "Resumed at",
  communeRole:
    "Commune police receive, check and transfer a tip to the competent investigation agency; opening a case, not opening one, suspending and extending are the agency's decisions.",
  communeRoleBasis: "Basis: CPC 2015 Art. 146.3, 147, 148; Joint Circular 01/2017 Art. 8.5.",
  suspensionBasis:
    "Basis: CPC 2015 Art. 148.1 — suspend only once the time limit has run out, on one of the grounds below.",
  noCaseBasis: "Basis: CPC 2015 Art. 157 — the grounds for not opening a criminal case.",
  extensionBasis:
    "Basis: CPC 2015 Art. 147; Joint Circular 01/2017 Art. 11 — no extension after the limit; ask the procuracy at least 5 days before it.",
  resume: "Resume handling",
  resumeConfirm: (code: string): string =>
    `The ground of the suspension of tip ${code} has ended? Handling goes on for at most 1 month from today (CPC Art. 149.1).`,
  resumed: "Handling resumed.",
  notices: "Notices of decisions",
  noNotices: "No notice recorded yet.",
  noticeKind: "Notice",
  recipient: "Recipient",
  channel: "Sent by",
  documentNumber: "Document number",
  sentAt: "Sent at (empty: now)",
  chooseKind: "— Choose —",
  chooseRecipient: "— Choose the recipient —",
  chooseChannel: "— Choose how —",
  recordNotice: "Record as sent",
  noticeRequired: "Choose the notice, the recipient and how it was sent",
  noticeConfirm: (kind: string, recipient: string): string => `Record “${kind}” as sent to ${recipient}?`,
  noticeRecorded: "Notice recorded.",
  inAppHint:
    "“Message in the system” sends the reporter a one-line status notice (never the decision's content), read with the receipt code.",
};

export function useProcedureLabels(): Labels & { lang: "vi" | "en" } {
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  return { ...(lang === "en" ? en : vi), lang };
}
