// Citizen tips: urgency, outcomes, their legal grounds and the notices about a decision.
import { z } from "zod";

export const TipUrgencySchema = z.enum(["urgent", "normal"], { error: "Chọn mức độ: khẩn hoặc thường" });
export const TIP_OUTCOMES = ["case_opened", "no_case", "suspended", "transferred"] as const;
export const TipOutcomeSchema = z.enum(TIP_OUTCOMES, { error: "Chọn kết quả giải quyết" });
export type TipOutcome = (typeof TIP_OUTCOMES)[number];
/**
 * Only the investigation agency decides to open a case, not to open one, or to suspend (CPC 2015
 * Art. 147.1, 148); commune police receive, check and transfer (Art. 146.2–3; JC 01/2017 Art.
 * 8.5). After 01/03/2025 the agency is the provincial police's (domain-rules §3b.8, §8.4).
 */
export const TIP_AGENCY_OUTCOMES = ["case_opened", "no_case", "suspended"] as const satisfies TipOutcome[];

/**
 * Grounds for not opening a case, CPC 2015 Art. 157 (clauses 1–8). [S] Wording checked against
 * secondary reproductions of the Code, not the Công báo; clause 8's list of Penal Code articles
 * differs between sources (with or without Art. 226), so it is named without the list.
 */
export const TIP_NO_CASE_GROUNDS = [
  "no_crime_event",
  "not_a_crime",
  "under_age",
  "already_judged",
  "time_barred",
  "amnesty",
  "deceased",
  "victim_no_request",
] as const;
export type TipNoCaseGround = (typeof TIP_NO_CASE_GROUNDS)[number];
export const TIP_NO_CASE_GROUND_LABELS: Record<TipNoCaseGround, { vi: string; en: string; clause: string }> =
  {
    no_crime_event: { vi: "Không có sự việc phạm tội", en: "No criminal event", clause: "khoản 1 Điều 157" },
    not_a_crime: {
      vi: "Hành vi không cấu thành tội phạm",
      en: "The act is not a crime",
      clause: "khoản 2 Điều 157",
    },
    under_age: {
      vi: "Người thực hiện hành vi chưa đến tuổi chịu trách nhiệm hình sự",
      en: "Below the age of criminal responsibility",
      clause: "khoản 3 Điều 157",
    },
    already_judged: {
      vi: "Hành vi đã có bản án hoặc quyết định đình chỉ vụ án có hiệu lực pháp luật",
      en: "Already judged or the case discontinued by a final decision",
      clause: "khoản 4 Điều 157",
    },
    time_barred: {
      vi: "Đã hết thời hiệu truy cứu trách nhiệm hình sự",
      en: "The limitation period has run out",
      clause: "khoản 5 Điều 157",
    },
    amnesty: {
      vi: "Tội phạm đã được đại xá",
      en: "The crime has been amnestied",
      clause: "khoản 6 Điều 157",
    },
    deceased: {
      vi: "Người thực hiện hành vi đã chết (trừ trường hợp cần tái thẩm đối với người khác)",
      en: "The person has died (unless a reopening is needed for others)",
      clause: "khoản 7 Điều 157",
    },
    victim_no_request: {
      vi: "Tội phạm chỉ khởi tố theo yêu cầu của bị hại mà bị hại không yêu cầu",
      en: "A crime prosecuted only at the victim's request, and none was made",
      clause: "khoản 8 Điều 157",
    },
  };

/**
 * Grounds for suspending the handling, CPC 2015 Art. 148.1 as amended by Law 02/2021/QH15
 * (domain-rules §3a.6, [V] on the substance). [?] The clause letters a–c are not verified against
 * the primary text.
 */
export const TIP_SUSPENSION_GROUNDS = ["expert_pending", "documents_pending", "force_majeure"] as const;
export type TipSuspensionGround = (typeof TIP_SUSPENSION_GROUNDS)[number];
export const TIP_SUSPENSION_GROUND_LABELS: Record<
  TipSuspensionGround,
  { vi: string; en: string; clause: string }
> = {
  expert_pending: {
    vi: "Đã trưng cầu giám định, yêu cầu định giá tài sản hoặc yêu cầu nước ngoài tương trợ tư pháp nhưng chưa có kết quả",
    en: "Forensic examination, valuation or foreign legal assistance requested and pending",
    clause: "điểm a khoản 1 Điều 148",
  },
  documents_pending: {
    vi: "Đã yêu cầu cơ quan, tổ chức, cá nhân cung cấp tài liệu, đồ vật có ý nghĩa quyết định nhưng chưa có kết quả",
    en: "Decisive documents or objects requested and not yet received",
    clause: "điểm b khoản 1 Điều 148",
  },
  force_majeure: {
    vi: "Thiên tai, dịch bệnh hoặc sự kiện bất khả kháng",
    en: "Natural disaster, epidemic or other force majeure",
    clause: "điểm c khoản 1 Điều 148",
  },
};
export const TipGroundSchema = z.enum([...TIP_NO_CASE_GROUNDS, ...TIP_SUSPENSION_GROUNDS], {
  error: "Căn cứ không hợp lệ",
});
export type TipGround = z.infer<typeof TipGroundSchema>;

/** Notices about a decision: to the procuracy and the reporter (CPC Art. 148.2, 149.2; JC Art. 14). */
export const TIP_NOTICE_KINDS = ["suspension", "resumption", "outcome"] as const;
export const TIP_NOTICE_RECIPIENTS = ["procuracy", "reporter"] as const;
export const TIP_NOTICE_CHANNELS = ["in_app", "post", "in_person", "phone", "email", "dispatch"] as const;
export const TIP_NOTICE_KIND_LABELS: Record<(typeof TIP_NOTICE_KINDS)[number], { vi: string; en: string }> = {
  suspension: { vi: "Quyết định tạm đình chỉ", en: "Suspension decision" },
  resumption: { vi: "Quyết định phục hồi", en: "Resumption decision" },
  outcome: { vi: "Thông báo kết quả giải quyết", en: "Notice of the outcome" },
};
export const TIP_NOTICE_RECIPIENT_LABELS: Record<
  (typeof TIP_NOTICE_RECIPIENTS)[number],
  { vi: string; en: string }
> = {
  procuracy: { vi: "Viện kiểm sát", en: "Procuracy" },
  reporter: { vi: "Người tố giác, báo tin", en: "The reporter" },
};
export const TIP_NOTICE_CHANNEL_LABELS: Record<
  (typeof TIP_NOTICE_CHANNELS)[number],
  { vi: string; en: string }
> = {
  in_app: { vi: "Tin nhắn trên hệ thống (theo mã tiếp nhận)", en: "Message in the system (by receipt code)" },
  post: { vi: "Bưu điện", en: "Post" },
  in_person: { vi: "Giao trực tiếp", en: "In person" },
  phone: { vi: "Điện thoại", en: "Phone" },
  email: { vi: "Thư điện tử", en: "Email" },
  dispatch: { vi: "Công văn, giao liên", en: "Official dispatch" },
};
export const TipNoticeSchema = z.object({
  kind: z.enum(TIP_NOTICE_KINDS),
  recipient: z.enum(TIP_NOTICE_RECIPIENTS),
  channel: z.enum(TIP_NOTICE_CHANNELS),
  documentNumber: z.string().nullable(),
  sentAt: z.string(),
});
export type TipNotice = z.infer<typeof TipNoticeSchema>;
