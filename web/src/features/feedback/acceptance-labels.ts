import { useTranslation } from "react-i18next";

const vi = {
  clocks: "Thời hạn",
  acceptanceClock: "Thông báo thụ lý",
  handlingClock: "Giải quyết, trả lời",
  dueOn: (date: string) => `hạn ${date}`,
  workingDays: (n: number) => `${n} ngày làm việc`,
  days: (n: number) => `${n} ngày`,
  leftWorking: (n: number) =>
    n < 0 ? `quá hạn ${-n} ngày làm việc` : n === 0 ? "đến hạn hôm nay" : `còn ${n} ngày làm việc`,
  leftDays: (n: number) => (n < 0 ? `quá hạn ${-n} ngày` : n === 0 ? "đến hạn hôm nay" : `còn ${n} ngày`),
  doneOn: (date: string, late: boolean) => `xong ngày ${date}${late ? " (trễ hạn)" : ""}`,
  provisional: "tạm tính đến khi thụ lý",
  notice: "Thông báo cho người gửi",
  record: "Ghi thông báo thụ lý",
  decision: "Kết quả",
  chooseDecision: "— Chọn —",
  decisions: { accepted: "Thụ lý", not_accepted: "Không thụ lý" },
  reason: "Lý do không thụ lý",
  noticedOn: "Ngày thông báo",
  channel: "Hình thức thông báo",
  channels: { direct: "Trực tiếp", in_writing: "Bằng văn bản", electronic: "Qua cổng trực tuyến, điện tử" },
  save: "Ghi thông báo",
  saved: (code: string) => `Đã ghi thông báo thụ lý cho ${code}.`,
  dateInvalid: "Nhập ngày dạng dd/mm/yyyy",
  decisionRequired: "Chọn thụ lý hoặc không thụ lý",
  acceptanceDue: "Hạn thụ lý",
};
type AcceptanceLabels = typeof vi;
const en: AcceptanceLabels = {
  clocks: "Deadlines",
  acceptanceClock: "Acceptance notice",
  handlingClock: "Handling, answer",
  dueOn: (date) => `due ${date}`,
  workingDays: (n) => `${n} working days`,
  days: (n) => `${n} days`,
  leftWorking: (n) =>
    n < 0 ? `${-n} working days overdue` : n === 0 ? "due today" : `${n} working days left`,
  leftDays: (n) => (n < 0 ? `${-n} days overdue` : n === 0 ? "due today" : `${n} days left`),
  doneOn: (date, late) => `done on ${date}${late ? " (late)" : ""}`,
  provisional: "provisional until accepted",
  notice: "Notice to the sender",
  record: "Record the acceptance notice",
  decision: "Decision",
  chooseDecision: "— Choose —",
  decisions: { accepted: "Accepted", not_accepted: "Not accepted" },
  reason: "Reason for not accepting",
  noticedOn: "Notified on",
  channel: "How the sender was told",
  channels: {
    direct: "In person",
    in_writing: "In writing",
    electronic: "Through the portal, electronically",
  },
  save: "Record the notice",
  saved: (code) => `Acceptance notice recorded for ${code}.`,
  dateInvalid: "Enter the date as dd/mm/yyyy",
  decisionRequired: "Choose accepted or not accepted",
  acceptanceDue: "Acceptance due",
};

/** The texts of the acceptance notice and the clocks, in the console's language. */
export function useAcceptanceLabels(): AcceptanceLabels {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? en : vi;
}
