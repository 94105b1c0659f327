// News of the movement and warnings about current crime methods, shown on the public portal.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import { ShownCountSchema } from "./tips";

export const NEWS_KINDS = ["news", "warning"] as const;
export const NewsKindSchema = z.enum(NEWS_KINDS, { error: "Loại bài không hợp lệ" });

/**
 * Whether a news photo shows people (issue 19 item 7): "none", or "consented" — each person shown
 * agreed to the `photo` consent text (privacy's consent_texts; its current version is kept with the
 * photo). Never assumed: a photo needs the answer.
 */
export const NEWS_IMAGE_PEOPLE = ["none", "consented"] as const;
export const NewsImagePeopleSchema = z.enum(NEWS_IMAGE_PEOPLE, {
  error: "Cho biết ảnh có người hay không và người trong ảnh đã đồng ý chưa",
});
export type NewsImagePeople = z.infer<typeof NewsImagePeopleSchema>;

export const CreateNewsBodySchema = z
  .object({
    kind: NewsKindSchema,
    orgUnitId: IdSchema,
    title: z.string().trim().min(5, "Tiêu đề tối thiểu 5 ký tự").max(200, "Tiêu đề tối đa 200 ký tự"),
    summary: z.string().trim().max(500).optional(),
    body: z.string().trim().min(20, "Nội dung tối thiểu 20 ký tự").max(20_000),
    /** JPEG, PNG or WebP in base64, at most 2 MB; re-encoded without metadata. */
    imageBase64: z.string().max(2_800_000, "Ảnh tối đa 2 MB").optional(),
    imageAlt: z.string().trim().max(200).optional(),
    imagePeople: NewsImagePeopleSchema.optional(),
  })
  .refine((b) => !b.imageBase64 || b.imagePeople !== undefined, {
    path: ["imagePeople"],
    message: "Cho biết ảnh có người hay không và người trong ảnh đã đồng ý chưa",
    when: (p) => typeof p.value === "object" && p.value !== null,
  });
export type CreateNewsBody = z.infer<typeof CreateNewsBodySchema>;

export const NewsItemSchema = z.object({
  id: IdSchema,
  slug: z.string(),
  kind: NewsKindSchema,
  title: z.string(),
  summary: z.string().nullable(),
  body: z.string(),
  imageUrl: z.string().nullable(),
  imageAlt: z.string().nullable(),
  /** "consented": the photo rests on the people's consent, which they may withdraw (the photo is then removed). */
  imagePeople: NewsImagePeopleSchema.nullable().optional(),
  /** The day the photo was removed because the people shown withdrew their consent. */
  imageWithdrawnOn: IsoDateSchema.nullable().optional(),
  publishedOn: IsoDateSchema,
  authorUnit: z.string(),
  authorBody: z.string(),
});
export type NewsItem = z.infer<typeof NewsItemSchema>;

export const ListNewsQuerySchema = z.object({
  kind: NewsKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const NewsListSchema = z.object({ items: z.array(NewsItemSchema) });
export const NewsSlugParamsSchema = z.object({ slug: z.string().max(250) });

/** Movement figures of the year so far: public, counted from the records (the rollups). */
const PublicMovementSchema = z.object({
  activities: z.number().int(),
  attendees: z.number().int(),
  householdsSigned: z.number().int(),
  /** Households with a signed commitment / households; null without households. */
  commitmentRate: z.number().nullable(),
  /** Self-management groups and models existing today. */
  groups: z.number().int(),
  /** Residential areas recognised "An toàn về an ninh, trật tự"; null without any cycle that year. */
  areaCertificationRate: z.number().nullable(),
});

export const PublicStatisticsSchema = z.object({
  threshold: z.number().int(),
  year: z.number().int(),
  provinces: z.array(
    z.object({
      provinceId: IdSchema,
      /** The official code (2 digits), the id of the province in the boundary files. */
      code: z.string().nullable(),
      name: z.string(),
      tips: ShownCountSchema,
      feedback: ShownCountSchema,
      feedbackAnswered: ShownCountSchema,
      movement: PublicMovementSchema,
    }),
  ),
  totals: z.object({
    tips: ShownCountSchema,
    feedback: ShownCountSchema,
    feedbackAnswered: ShownCountSchema,
    movement: PublicMovementSchema,
  }),
});
export type PublicStatistics = z.infer<typeof PublicStatisticsSchema>;
