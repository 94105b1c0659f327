// Citizen tips: statuses, the transition table, messages and the legal clocks.
import { z } from "zod";
import { IsoDateSchema } from "../common";
import { ContactConsentStateSchema } from "./tips-submit";
import type { Transitions } from "../workflow";

export const TIP_STATUSES = ["new", "triaged", "transferred", "case_opened", "no_case", "suspended"] as const;
export const TipStatusSchema = z.enum(TIP_STATUSES);
export type TipStatus = (typeof TIP_STATUSES)[number];
/**
 * The police's moves (CPC 2015 Art. 145–149; Joint Circular 01/2017 Art. 8–9):
 * - a new tip is taken into verification ("triaged": Art. 146.3 preliminary check), transferred
 *   to the competent investigation agency at once, or a case is opened straight away when the
 *   grounds are clear (JC 01/2017 Art. 9);
 * - "no case" and "suspended" need verification under way first (Art. 147.1: "kiểm tra, xác minh
 *   và ra một trong các quyết định"), never straight from "new";
 * - a suspended tip goes back to verification only by a resumption decision (Art. 149.1);
 * - a case opened or no case is final.
 * Who may make which move is by the acting account's unit level (see TIP_AGENCY_OUTCOMES).
 */
export const TIP_TRANSITIONS = {
  new: ["triaged", "transferred", "case_opened"],
  triaged: ["transferred", "case_opened", "no_case", "suspended"],
  transferred: ["case_opened", "no_case", "suspended"],
  suspended: ["triaged"],
  case_opened: [],
  no_case: [],
} as const satisfies Transitions<TipStatus>;
export const TIP_STATUS_LABELS: Record<TipStatus, { vi: string; en: string }> = {
  new: { vi: "Đã tiếp nhận", en: "Received" },
  triaged: { vi: "Đang xác minh", en: "Being verified" },
  transferred: { vi: "Đã chuyển cơ quan có thẩm quyền", en: "Transferred to the competent body" },
  case_opened: { vi: "Đã khởi tố vụ án", en: "Case opened" },
  no_case: { vi: "Không khởi tố", en: "No case opened" },
  suspended: { vi: "Tạm đình chỉ giải quyết", en: "Handling suspended" },
};

export const TipMessageSchema = z.object({
  from: z.enum(["police", "citizen"]),
  body: z.string(),
  /** Date and hour only ("2026-11-30T14"). */
  sentHour: z.string(),
});

export const TipStatusResultSchema = z.object({
  code: z.string(),
  status: TipStatusSchema,
  statusLabel: z.string(),
  /**
   * The date the outcome was notified to the reporter (JC 01/2017 Art. 14), or null: a status
   * only, never the decision's internal content.
   */
  outcomeNoticeOn: IsoDateSchema.nullable().optional(),
  receivedOn: IsoDateSchema,
  messages: z.array(TipMessageSchema),
  contactConsent: ContactConsentStateSchema.optional(),
});
export type TipStatusResult = z.infer<typeof TipStatusResultSchema>;

export const CLOCK_KINDS = [
  "transfer",
  "receipt_notice",
  "decision",
  "suspension_notice",
  "resumed_decision",
  "outcome_notice",
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];
/** The rule each clock keeps, shown to the officer as "Căn cứ: …". */
export const CLOCK_BASIS: Record<ClockKind, { vi: string; en: string }> = {
  transfer: {
    vi: "Điều 146 BLTTHS 2015; khoản 5 Điều 8 Thông tư liên tịch 01/2017 (24 giờ; 48 giờ ở xã miền núi, hải đảo; 7 ngày với tin thường)",
    en: "CPC 2015 Art. 146; Joint Circular 01/2017 Art. 8.5 (24 h; 48 h remote; 7 days otherwise)",
  },
  receipt_notice: {
    vi: "Điều 14 Thông tư liên tịch 01/2017 (thông báo tiếp nhận trong 03 ngày làm việc)",
    en: "Joint Circular 01/2017 Art. 14 (notice of receipt within 3 working days)",
  },
  decision: {
    vi: "Điều 147 BLTTHS 2015 (20 ngày; gia hạn đến 02 tháng, rồi thêm 02 tháng)",
    en: "CPC 2015 Art. 147 (20 days; extended to 2 months, then 2 more)",
  },
  suspension_notice: {
    vi: "Khoản 2 Điều 148 BLTTHS 2015 (gửi quyết định tạm đình chỉ cho Viện kiểm sát và người tố giác, báo tin trong 24 giờ)",
    en: "CPC 2015 Art. 148.2 (suspension sent to the procuracy and the reporter within 24 hours)",
  },
  resumed_decision: {
    vi: "Khoản 1 Điều 149 BLTTHS 2015 (sau khi phục hồi, giải quyết tiếp không quá 01 tháng)",
    en: "CPC 2015 Art. 149.1 (after resumption, at most 1 month more)",
  },
  outcome_notice: {
    vi: "Điều 145 BLTTHS 2015; Điều 14 Thông tư liên tịch 01/2017 (thông báo kết quả giải quyết trong 03 ngày)",
    en: "CPC 2015 Art. 145; Joint Circular 01/2017 Art. 14 (notice of the outcome within 3 days)",
  },
};

export const ClockSchema = z.object({
  kind: z.enum(CLOCK_KINDS),
  dueAt: z.string(),
  met: z.boolean(),
  /** Whole days left (negative when overdue); null once met. */
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
});
export type Clock = z.infer<typeof ClockSchema>;
