// Request and response schemas of citizen tips (tố giác, tin báo về tội phạm).
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";
import type { Transitions } from "../workflow";

export const TIP_CATEGORIES = [
  "drugs",
  "theft",
  "fraud",
  "cyber_crime",
  "gambling",
  "violence",
  "loan_sharks",
  "human_trafficking",
  "smuggling",
  "other",
] as const;
export const TipCategorySchema = z.enum(TIP_CATEGORIES, { error: "Loại tin không hợp lệ" });
export type TipCategory = (typeof TIP_CATEGORIES)[number];

export const TIP_CATEGORY_LABELS: Record<TipCategory, { vi: string; en: string }> = {
  drugs: { vi: "Ma túy", en: "Drugs" },
  theft: { vi: "Trộm cắp, cướp giật", en: "Theft, robbery" },
  fraud: { vi: "Lừa đảo", en: "Fraud" },
  cyber_crime: { vi: "Tội phạm mạng", en: "Cyber crime" },
  gambling: { vi: "Cờ bạc, cá độ", en: "Gambling" },
  violence: { vi: "Bạo lực, gây rối", en: "Violence, disorder" },
  loan_sharks: { vi: "Tín dụng đen", en: "Loan sharks" },
  human_trafficking: { vi: "Mua bán người", en: "Human trafficking" },
  smuggling: { vi: "Buôn lậu, hàng giả", en: "Smuggling, counterfeits" },
  other: { vi: "Khác", en: "Other" },
};

export const TIP_LIMITS = {
  descriptionMin: 10,
  descriptionMax: 5000,
  placeMax: 500,
  messageMax: 3000,
  attachmentsMax: 3,
  /** Decoded bytes per attachment. */
  attachmentBytesMax: 2 * 1024 * 1024,
} as const;

/** Receipt codes use an alphabet without look-alikes (no 0/O, 1/I/L, U/V). */
export const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
export const TipCodeSchema = z
  .string({ error: "Nhập mã tiếp nhận" })
  .trim()
  .toUpperCase()
  .regex(/^[TP][A-Z0-9]{4}-?[A-Z0-9]{4}$/, "Mã tiếp nhận không hợp lệ")
  .transform((c) => (c.includes("-") ? c : `${c.slice(0, 5)}-${c.slice(5)}`));
export const SecretSchema = z
  .string({ error: "Nhập mã bí mật" })
  .trim()
  .toUpperCase()
  .max(60, "Mã bí mật không hợp lệ")
  .transform((v) => v.replace(/[^A-Z0-9]/g, ""))
  .refine((v) => v.length >= 16, "Mã bí mật không hợp lệ");

export const AttachmentInputSchema = z.object({
  filename: z.string().trim().max(120).optional(),
  /** The file's bytes in base64; images are re-encoded without metadata, PDFs checked by content. */
  contentBase64: z
    .string()
    .max(Math.ceil((TIP_LIMITS.attachmentBytesMax * 4) / 3) + 8, "Tệp đính kèm tối đa 2 MB"),
});

export const ContactInputSchema = z.object({
  /** Explicit opt-in: contact details are kept only when the citizen ticks the box. */
  consent: z.literal(true, { error: "Cần đồng ý để lưu thông tin liên hệ" }),
  name: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(30).optional(),
  email: z.string().trim().max(200).optional(),
});

/**
 * A calendar date typed by a citizen: dd/mm/yyyy (what the portal's form shows on every phone,
 * whatever its locale) or yyyy-mm-dd; answered as yyyy-mm-dd.
 */
export const TypedDateSchema = z
  .string()
  .trim()
  .transform((v) => {
    const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
    return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : v;
  })
  .pipe(z.iso.date("Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 05/11/2026"));

export const SubmitTipBodySchema = z
  .object({
    category: TipCategorySchema,
    description: z
      .string({ error: "Nhập nội dung tin báo" })
      .trim()
      .min(TIP_LIMITS.descriptionMin, `Nội dung tối thiểu ${TIP_LIMITS.descriptionMin} ký tự`)
      .max(TIP_LIMITS.descriptionMax, `Nội dung tối đa ${TIP_LIMITS.descriptionMax} ký tự`),
    provinceId: IdSchema.optional(),
    communeId: IdSchema.optional(),
    place: z.string().trim().max(TIP_LIMITS.placeMax).optional(),
    occurredOn: TypedDateSchema.optional(),
    occurredTime: z.string().trim().max(100).optional(),
    contact: ContactInputSchema.optional(),
    attachments: z
      .array(AttachmentInputSchema)
      .max(TIP_LIMITS.attachmentsMax, `Tối đa ${TIP_LIMITS.attachmentsMax} tệp`)
      .optional(),
  })
  // Checked together with the fields above, so one answer names every missing field.
  .refine((b) => Boolean(b.provinceId || b.communeId), {
    path: ["provinceId"],
    message: "Chọn tỉnh, thành phố nơi xảy ra vụ việc",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });
export type SubmitTipBody = z.infer<typeof SubmitTipBodySchema>;

export const SubmitTipResultSchema = z.object({
  code: z.string(),
  /** Shown once; the server keeps only a keyed hash of it. */
  secret: z.string(),
  receivedOn: IsoDateSchema,
  routedTo: z.string(),
});
export type SubmitTipResult = z.infer<typeof SubmitTipResultSchema>;

export const TipLookupBodySchema = z.object({ code: TipCodeSchema, secret: SecretSchema });
export const ReplyToTipBodySchema = TipLookupBodySchema.extend({
  body: z
    .string({ error: "Nhập nội dung" })
    .trim()
    .min(1, "Nhập nội dung")
    .max(TIP_LIMITS.messageMax, `Tối đa ${TIP_LIMITS.messageMax} ký tự`),
});

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

/**
 * How a report reached the police: the public form, or recorded by staff (CPC 2015 Art. 144.5:
 * reports may be oral or written; Art. 146: in person, by post, by phone, or passed on by another
 * organisation).
 */
export const TIP_CHANNELS = ["web", "oral", "phone", "letter", "cadre"] as const;
export const TipChannelSchema = z.enum(TIP_CHANNELS, { error: "Chọn cách tiếp nhận" });
export type TipChannel = (typeof TIP_CHANNELS)[number];
export const INTAKE_CHANNELS = ["oral", "phone", "letter", "cadre"] as const;
export const IntakeChannelSchema = z.enum(INTAKE_CHANNELS, { error: "Chọn cách tiếp nhận" });
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const TIP_CHANNEL_LABELS: Record<TipChannel, { vi: string; en: string }> = {
  web: { vi: "Qua mạng", en: "Online form" },
  oral: { vi: "Trực tiếp (bằng lời)", en: "In person (oral)" },
  phone: { vi: "Qua điện thoại", en: "By phone" },
  letter: { vi: "Bằng văn bản, thư", en: "By letter" },
  cadre: { vi: "Cán bộ Mặt trận, đoàn thể chuyển đến", en: "Passed on by a Front or association cadre" },
};

export const TipSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  category: TipCategorySchema,
  channel: TipChannelSchema,
  status: TipStatusSchema,
  urgency: TipUrgencySchema.nullable(),
  receivedHour: z.string(),
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  remote: z.boolean(),
  duplicateOfCode: z.string().nullable(),
  extensionLevel: z.number().int(),
  clocks: z.array(ClockSchema),
  awaitingReply: z.boolean(),
});
export type TipSummary = z.infer<typeof TipSummarySchema>;
export const TipPageSchema = pageOf(TipSummarySchema);

/** What the caller may do with the tip now (the rules the commands enforce; the UI only hides). */
export const TipAbilitiesSchema = z.object({
  /** Read the content, contact and attachments: police of the tip's unit or above. */
  readContent: z.boolean(),
  /** Mark urgent or normal, link a duplicate: the tip is still being handled. */
  triage: z.boolean(),
  /** Write to the tipster. */
  reply: z.boolean(),
  /** Record a decision or transfer: the tip is still being handled. */
  recordOutcome: z.boolean(),
  /** The outcomes the caller may record now (transition table × the caller's unit level). */
  outcomes: z.array(TipOutcomeSchema),
  /** Extend the decision limit: investigation agency, no decision yet, within the time the Code allows. */
  extend: z.boolean(),
  /** The next extension level, or null. */
  nextExtension: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** Resume a suspended tip (investigation agency, CPC Art. 149). */
  resume: z.boolean(),
  /** Record a notice sent about a decision (suspension, resumption, outcome). */
  recordNotice: z.boolean(),
  /** The caller acts as the investigation agency (provincial police) for this tip. */
  investigationAgency: z.boolean(),
});
export type TipAbilities = z.infer<typeof TipAbilitiesSchema>;

/** What the intake record shows the police (sealed at rest). */
export const TipIntakeRecordSchema = z.object({
  receivedAt: z.string(),
  receivedPlace: z.string().nullable(),
  receiverName: z.string(),
  receiverPosition: z.string().nullable(),
  /** Recorded by a Front or association cadre passing the report on (not by the police). */
  recordedByCadre: z.boolean(),
  passedOnByName: z.string().nullable(),
  passedOnByOrganisation: z.string().nullable(),
  anonymous: z.boolean(),
  confidentialityRequested: z.boolean(),
  /** Attachment number of the signed record's scan, if uploaded. */
  signedRecordN: z.number().int().nullable(),
});
export type TipIntakeRecord = z.infer<typeof TipIntakeRecordSchema>;

export const TipDetailSchema = TipSummarySchema.extend({
  description: z.string(),
  place: z.string().nullable(),
  occurredOn: z.string().nullable(),
  occurredTime: z.string().nullable(),
  contact: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
      /** Taken down by staff at intake (CPC Art. 146 record): the web form does not ask them. */
      address: z.string().nullable().optional(),
      identityNumber: z.string().nullable().optional(),
      birthYear: z.number().int().nullable().optional(),
    })
    .nullable(),
  /** The intake record of a report recorded by staff; null for a web tip. */
  intake: TipIntakeRecordSchema.nullable().optional(),
  attachments: z.array(z.object({ n: z.number().int(), mediaType: z.string(), bytes: z.number().int() })),
  messages: z.array(TipMessageSchema),
  outcome: TipOutcomeSchema.nullable(),
  casesSolved: z.number().int(),
  arrests: z.number().int(),
  peopleHandled: z.number().int(),
  outcomeNote: z.string().nullable(),
  /** The Code's ground of the outcome (Art. 157 for no case, Art. 148.1 for a suspension). */
  outcomeGround: TipGroundSchema.nullable(),
  suspendedAt: z.string().nullable(),
  resumedAt: z.string().nullable(),
  notices: z.array(TipNoticeSchema),
  can: TipAbilitiesSchema,
});
export type TipDetail = z.infer<typeof TipDetailSchema>;

export const ListTipsQuerySchema = PageQuerySchema.extend({
  status: TipStatusSchema.optional(),
  overdue: z.enum(["true", "false"]).optional(),
});

export const TriageTipBodySchema = z.object({
  urgency: TipUrgencySchema,
  /** Receipt code of the tip this one repeats, or null to clear the link. */
  duplicateOfCode: z.string().trim().toUpperCase().max(30).nullable().optional(),
});
export const SendTipMessageBodySchema = z.object({
  body: z.string().trim().min(1, "Nhập nội dung").max(TIP_LIMITS.messageMax),
});
export const RecordTipOutcomeBodySchema = z
  .object({
    outcome: TipOutcomeSchema,
    /** Required for "no_case" (an Art. 157 ground) and "suspended" (an Art. 148.1 ground). */
    ground: TipGroundSchema.optional(),
    casesSolved: z.number().int().min(0).max(10_000).default(0),
    arrests: z.number().int().min(0).max(10_000).default(0),
    peopleHandled: z.number().int().min(0).max(10_000).default(0),
    note: z.string().trim().max(3000).optional(),
  })
  .superRefine((b, ctx) => {
    const need =
      b.outcome === "no_case"
        ? {
            list: TIP_NO_CASE_GROUNDS as readonly string[],
            msg: "Chọn căn cứ không khởi tố (Điều 157 BLTTHS)",
          }
        : b.outcome === "suspended"
          ? {
              list: TIP_SUSPENSION_GROUNDS as readonly string[],
              msg: "Chọn căn cứ tạm đình chỉ (khoản 1 Điều 148 BLTTHS)",
            }
          : null;
    if (need && (!b.ground || !need.list.includes(b.ground))) {
      ctx.addIssue({ code: "custom", path: ["ground"], message: need.msg });
    }
    if (!need && b.ground) {
      ctx.addIssue({ code: "custom", path: ["ground"], message: "Kết quả này không cần căn cứ" });
    }
  });
/** A resumption decision (CPC Art. 149.1): the ground of the suspension no longer exists. */
export const ResumeTipBodySchema = z.object({});
export const RecordTipNoticeBodySchema = z.object({
  kind: z.enum(TIP_NOTICE_KINDS, { error: "Chọn loại thông báo" }),
  recipient: z.enum(TIP_NOTICE_RECIPIENTS, { error: "Chọn nơi nhận" }),
  channel: z.enum(TIP_NOTICE_CHANNELS, { error: "Chọn cách gửi" }),
  documentNumber: z.string().trim().max(60).optional(),
  /** When it was sent (defaults to now); never in the future. */
  sentAt: z.iso.datetime({ offset: true, error: "Thời điểm gửi không hợp lệ" }).optional(),
});
export const ExtendTipDeadlineBodySchema = z.object({
  /** 1: extended to 2 months by the head of the investigation body; 2: 2 more months by the procuracy. */
  level: z.union([z.literal(1), z.literal(2)]),
});

export const ShownCountSchema = z.object({
  value: z.number().int().nullable(),
  display: z.string(),
  suppressed: z.boolean(),
});
export type ShownCount = z.infer<typeof ShownCountSchema>;

export const TipCountsQuerySchema = z.object({ orgUnitId: IdSchema.optional() });
export const TipCountsSchema = z.object({
  total: ShownCountSchema,
  byStatus: z.array(z.object({ status: TipStatusSchema, count: ShownCountSchema })),
  byCategory: z.array(z.object({ category: TipCategorySchema, count: ShownCountSchema })),
  overdue: ShownCountSchema,
  /** Web and staff-recorded reports alike, by how they reached the police. */
  byChannel: z.array(z.object({ channel: TipChannelSchema, count: ShownCountSchema })),
  /** `inbox`: the caller is police with tips routed to its units (the list of tips). */
  can: z.object({ inbox: z.boolean() }),
});

export const PublicUnitSchema = z.object({ id: IdSchema, name: z.string() });
export const PublicUnitsQuerySchema = z.object({ provinceId: IdSchema.optional() });
export const PublicUnitListSchema = z.object({ items: z.array(PublicUnitSchema) });

// ---------- staff intake (tiếp nhận tin báo trực tiếp, qua điện thoại, thư, cán bộ chuyển đến) ----------

/** The legal source shown on the intake form and the intake record. */
export const TIP_INTAKE_BASIS =
  "Căn cứ: Điều 145, 146 Bộ luật Tố tụng hình sự 2015; Thông tư liên tịch 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC (Điều 5, 8, 14).";

/** A Vietnam local date and time, "2026-12-03T09:30" (what a datetime-local field sends). */
export const LocalDateTimeSchema = z
  .string({ error: "Nhập thời điểm tiếp nhận" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Thời điểm không hợp lệ (ngày và giờ, ví dụ 03/12/2026 09:30)");

const IntakeText = (max: number, message: string) => z.string().trim().max(max, message);

export const RecordTipIntakeBodySchema = z
  .object({
    channel: IntakeChannelSchema,
    /** The commune (or province) whose police receive it: one the caller may record for. */
    orgUnitId: IdSchema,
    /** When it was received (Vietnam time); the clocks run from this hour. */
    receivedAt: LocalDateTimeSchema,
    receivedPlace: IntakeText(300, "Nơi tiếp nhận tối đa 300 ký tự").optional(),
    /** Who received it: the officer or cadre, as written on the record. */
    receiverName: z
      .string({ error: "Nhập họ tên người tiếp nhận" })
      .trim()
      .min(2, "Nhập họ tên người tiếp nhận")
      .max(200, "Họ tên tối đa 200 ký tự"),
    receiverPosition: IntakeText(200, "Chức vụ tối đa 200 ký tự").optional(),
    /** The cadre who passed it on (channel "cadre" recorded by the police). */
    passedOnByName: IntakeText(200, "Họ tên tối đa 200 ký tự").optional(),
    passedOnByOrganisation: IntakeText(200, "Tên tổ chức tối đa 200 ký tự").optional(),
    /** The reporter chose not to give their name (anonymous report). */
    anonymous: z.boolean({ error: "Chọn người báo có nêu danh tính hay không" }),
    reporterName: IntakeText(200, "Họ tên tối đa 200 ký tự").optional(),
    reporterBirthYear: z
      .number()
      .int()
      .min(1900, "Năm sinh không hợp lệ")
      .max(2100, "Năm sinh không hợp lệ")
      .optional(),
    reporterAddress: IntakeText(500, "Địa chỉ tối đa 500 ký tự").optional(),
    reporterIdentityNumber: IntakeText(20, "Số định danh tối đa 20 ký tự").optional(),
    reporterPhone: IntakeText(30, "Số điện thoại tối đa 30 ký tự").optional(),
    /** CPC Art. 56: the reporter asked that their identity be kept confidential. */
    confidentialityRequested: z.boolean().default(false),
    category: TipCategorySchema,
    description: z
      .string({ error: "Nhập nội dung tin báo" })
      .trim()
      .min(TIP_LIMITS.descriptionMin, `Nội dung tối thiểu ${TIP_LIMITS.descriptionMin} ký tự`)
      .max(TIP_LIMITS.descriptionMax, `Nội dung tối đa ${TIP_LIMITS.descriptionMax} ký tự`),
    place: z.string().trim().max(TIP_LIMITS.placeMax).optional(),
    occurredOn: TypedDateSchema.optional(),
    occurredTime: z.string().trim().max(100).optional(),
    /** Scan or photo of the signed intake record (biên bản tiếp nhận). */
    signedRecord: AttachmentInputSchema.optional(),
    /** The letter itself, or other documents handed over. */
    attachments: z
      .array(AttachmentInputSchema)
      .max(TIP_LIMITS.attachmentsMax - 1, `Tối đa ${TIP_LIMITS.attachmentsMax - 1} tệp kèm theo`)
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.anonymous && !b.reporterName) {
      ctx.addIssue({
        code: "custom",
        path: ["reporterName"],
        message: 'Nhập họ tên người báo, hoặc chọn "Người báo không nêu danh tính"',
      });
    }
  });
export type RecordTipIntakeBody = z.infer<typeof RecordTipIntakeBodySchema>;

export const RecordTipIntakeResultSchema = SubmitTipResultSchema.extend({
  tipId: IdSchema,
  channel: IntakeChannelSchema,
  /** "2026-12-03T09:30", Vietnam time, as recorded. */
  receivedAt: z.string(),
});
export type RecordTipIntakeResult = z.infer<typeof RecordTipIntakeResultSchema>;

/** Where and how the caller may record an intake (the form asks; the command enforces the same). */
export const TipIntakeOptionsSchema = z.object({
  units: z.array(z.object({ id: IdSchema, name: z.string(), kind: z.enum(["province", "commune"]) })),
  /** Police may record any channel; a cadre records only what they pass on ("cadre"). */
  channels: z.array(IntakeChannelSchema),
  can: z.object({ record: z.boolean() }),
});
export type TipIntakeOptions = z.infer<typeof TipIntakeOptionsSchema>;
