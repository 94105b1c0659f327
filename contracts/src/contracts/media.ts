// Request and response schemas of the media module: partnerships of a unit's body (the Front, the
// police, a member organisation) with the press, radio and television ("phối hợp với các cơ quan báo
// chí, đài phát thanh – truyền hình") and the items published or aired under each.
import { z } from "zod";
import { isNotFuture } from "../calendar";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageWithAbilitiesOf } from "../common";
import { ActivityTopicSchema } from "./activity-vocabulary";

/** Báo in, báo điện tử, đài PT-TH, đài truyền thanh cấp xã, trang mạng xã hội chính thức, khác. */
export const MEDIA_PARTNER_KINDS = [
  "print",
  "online",
  "radio_tv",
  "commune_radio",
  "official_social_page",
  "other",
] as const;
export const MediaPartnerKindSchema = z.enum(MEDIA_PARTNER_KINDS, { error: "Loại cơ quan không hợp lệ" });
export type MediaPartnerKind = z.infer<typeof MediaPartnerKindSchema>;

/** Bài viết, phóng sự, tin, chuyên mục, tọa đàm, khác. */
export const MEDIA_ITEM_KINDS = ["article", "report", "news", "column", "talk_show", "other"] as const;
export const MediaItemKindSchema = z.enum(MEDIA_ITEM_KINDS, { error: "Thể loại không hợp lệ" });
export type MediaItemKind = z.infer<typeof MediaItemKindSchema>;

const text = (max: number) => z.string().trim().max(max);

const PartnershipFieldsSchema = z.object({
  /** The body of the unit that holds the partnership. */
  ownerBodyId: IdSchema,
  partnerName: text(200).min(1, "Chưa nhập tên cơ quan báo chí"),
  partnerKind: MediaPartnerKindSchema,
  agreementNumber: text(100).optional(),
  agreementDate: IsoDateSchema.refine((d) => isNotFuture(d), "Ngày ký không được ở tương lai").optional(),
  periodFrom: IsoDateSchema,
  periodTo: IsoDateSchema,
  notes: text(2000).optional(),
});

const periodOrdered = (b: { periodFrom?: string | undefined; periodTo?: string | undefined }) =>
  !b.periodFrom || !b.periodTo || b.periodFrom <= b.periodTo;
const periodIssue = { message: "Ngày kết thúc trước ngày bắt đầu", path: ["periodTo"] };

export const CreateMediaPartnershipBodySchema = PartnershipFieldsSchema.extend({
  orgUnitId: IdSchema,
}).refine(periodOrdered, periodIssue);
export type CreateMediaPartnershipBody = z.infer<typeof CreateMediaPartnershipBodySchema>;

/** Any field but the unit and the owner; empty text clears an optional field. */
export const UpdateMediaPartnershipBodySchema = PartnershipFieldsSchema.omit({ ownerBodyId: true })
  .partial()
  .refine(periodOrdered, periodIssue);
export type UpdateMediaPartnershipBody = z.infer<typeof UpdateMediaPartnershipBodySchema>;

/** http or https only: what a reader can open. */
export const MediaLinkSchema = z
  .string()
  .trim()
  .max(1000)
  .regex(
    /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i,
    "Đường dẫn phải bắt đầu bằng http:// hoặc https://",
  );

export const AddMediaItemBodySchema = z.object({
  publishedOn: IsoDateSchema.refine((d) => isNotFuture(d), "Ngày đăng không được ở tương lai"),
  title: text(300).min(1, "Chưa nhập tiêu đề"),
  kind: MediaItemKindSchema,
  link: MediaLinkSchema.optional(),
  topic: ActivityTopicSchema,
});
export type AddMediaItemBody = z.infer<typeof AddMediaItemBodySchema>;

export const MediaItemSchema = z.object({
  id: IdSchema,
  publishedOn: z.string(),
  title: z.string(),
  kind: MediaItemKindSchema,
  link: z.string().nullable(),
  topic: ActivityTopicSchema,
});
export type MediaItem = z.infer<typeof MediaItemSchema>;

export const MediaPartnershipSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  ownerBodyId: IdSchema,
  ownerBodyName: z.string(),
  ownerBodyKind: z.string(),
  partnerName: z.string(),
  partnerKind: MediaPartnerKindSchema,
  agreementNumber: z.string().nullable(),
  agreementDate: z.string().nullable(),
  periodFrom: z.string(),
  periodTo: z.string(),
  notes: z.string().nullable(),
  items: z.number().int(),
  version: z.number().int(),
});
export type MediaPartnership = z.infer<typeof MediaPartnershipSchema>;

export const MediaPartnershipAbilitiesSchema = z.object({ edit: z.boolean(), addItem: z.boolean() });
export const MediaPartnershipDetailSchema = MediaPartnershipSchema.extend({
  itemList: z.array(MediaItemSchema),
  can: MediaPartnershipAbilitiesSchema,
});
export type MediaPartnershipDetail = z.infer<typeof MediaPartnershipDetailSchema>;

export const ListMediaPartnershipsQuerySchema = PageQuerySchema.extend({
  orgUnitId: IdSchema.optional(),
});
export type ListMediaPartnershipsQuery = z.infer<typeof ListMediaPartnershipsQuerySchema>;
export const MediaPartnershipPageSchema = pageWithAbilitiesOf(MediaPartnershipSchema);
export type MediaPartnershipPage = z.infer<typeof MediaPartnershipPageSchema>;
