// The criteria in force and their versions (Circular 124/2021/TT-BCA Art. 8.1: the Circular's
// criteria plus any extra criteria of the Provincial People's Committee), and the forms of discipline
// that the criteria count (Art. 6.3.h, 6.4, 6.5, 7.4–7.6: "kỷ luật từ hình thức cảnh cáo trở lên").
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import { CertificationUnitTypeSchema, type CertificationUnitType } from "./certification";

// ---------- forms of discipline ----------

/**
 * Every form of discipline an official may record, lightest first, with its source. `rank` orders
 * them across the three laws; Circular 124 counts "cảnh cáo or above" (rank ≥ the rank of canh_cao).
 *
 * Sources (from the laws' texts as remembered, not re-checked against vbpl.vn — [?], keep here only):
 * - Luật Cán bộ, công chức 22/2008/QH12 (amended 52/2019/QH14) Art. 78 (cadres: khiển trách, cảnh cáo,
 *   cách chức, bãi nhiệm) and Art. 79 (civil servants: khiển trách, cảnh cáo, hạ bậc lương, giáng
 *   chức, cách chức, buộc thôi việc); its 2025 replacement keeps these names [?].
 * - Luật Viên chức 58/2010/QH12 Art. 52 (khiển trách, cảnh cáo, cách chức, buộc thôi việc).
 * - Bộ luật Lao động 45/2019/QH14 Art. 124 (khiển trách; kéo dài thời hạn nâng lương ≤ 6 tháng; cách
 *   chức; sa thải). The Labour Code has no "cảnh cáo": its second form is ranked with cảnh cáo here
 *   because it is the next form above khiển trách — [?] a province may read it otherwise; change the
 *   rank here (one place) if the competent body says so.
 */
export const DISCIPLINE_LEVELS = [
  {
    code: "khien_trach",
    labelVi: "Khiển trách",
    labelEn: "Reprimand",
    rank: 1,
    source: "Luật CBCC Điều 78, 79; Luật Viên chức Điều 52; BLLĐ 2019 Điều 124",
  },
  {
    code: "canh_cao",
    labelVi: "Cảnh cáo",
    labelEn: "Warning",
    rank: 2,
    source: "Luật CBCC Điều 78, 79; Luật Viên chức Điều 52",
  },
  {
    code: "keo_dai_nang_luong",
    labelVi: "Kéo dài thời hạn nâng lương không quá 06 tháng",
    labelEn: "Pay rise deferred up to 6 months",
    rank: 2,
    source: "BLLĐ 2019 Điều 124 [?]",
  },
  {
    code: "ha_bac_luong",
    labelVi: "Hạ bậc lương",
    labelEn: "Salary grade lowered",
    rank: 3,
    source: "Luật CBCC Điều 79",
  },
  { code: "giang_chuc", labelVi: "Giáng chức", labelEn: "Demotion", rank: 4, source: "Luật CBCC Điều 79" },
  {
    code: "cach_chuc",
    labelVi: "Cách chức",
    labelEn: "Dismissal from post",
    rank: 5,
    source: "Luật CBCC Điều 78, 79; Luật Viên chức Điều 52; BLLĐ 2019 Điều 124",
  },
  {
    code: "bai_nhiem",
    labelVi: "Bãi nhiệm",
    labelEn: "Removal from elected office",
    rank: 6,
    source: "Luật CBCC Điều 78",
  },
  {
    code: "buoc_thoi_viec",
    labelVi: "Buộc thôi việc",
    labelEn: "Forced termination",
    rank: 6,
    source: "Luật CBCC Điều 79; Luật Viên chức Điều 52",
  },
  { code: "sa_thai", labelVi: "Sa thải", labelEn: "Dismissal", rank: 6, source: "BLLĐ 2019 Điều 124" },
] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number]["code"];
export const DisciplineLevelSchema = z.enum(
  DISCIPLINE_LEVELS.map((l) => l.code) as [DisciplineLevel, ...DisciplineLevel[]],
);
const RANK = new Map<string, number>(DISCIPLINE_LEVELS.map((l) => [l.code, l.rank]));
/** Circular 124/2021 Art. 6.3.h, 6.4, 6.5, 7.4–7.6: "từ hình thức cảnh cáo trở lên". */
export function isWarningOrAbove(level: DisciplineLevel): boolean {
  return (RANK.get(level) ?? 0) >= RANK.get("canh_cao")!;
}

// ---------- criteria versions ----------

const required = (max: number, message: string) => z.string().trim().min(1, message).max(max);

export const ProvinceCriterionInputSchema = z.object({
  unitType: CertificationUnitTypeSchema,
  /** Short code, unique within the version (e.g. "tinh.1"). */
  code: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9][a-z0-9._-]{0,31}$/,
      "Mã tiêu chí chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (tối đa 32 ký tự)",
    ),
  /** Where the province's decision says it, e.g. "QĐ 514/QĐ-UBND, Điều 3 khoản 2". */
  article: required(200, "Chưa nhập căn cứ của tiêu chí"),
  titleVi: required(1000, "Chưa nhập nội dung tiêu chí"),
  titleEn: z.string().trim().max(1000).optional(),
});
export type ProvinceCriterionInput = z.infer<typeof ProvinceCriterionInputSchema>;

export const AuthorityInputSchema = z.object({
  unitType: CertificationUnitTypeSchema,
  recognisingAuthority: required(300, "Chưa nhập cấp có thẩm quyền công nhận"),
  /** Whether the authority is confirmed by a legal text (Circular 48/2025 is unverified, §1f.7). */
  authorityVerified: z.boolean(),
});
export type AuthorityInput = z.infer<typeof AuthorityInputSchema>;

export const UpdateCertificationCriteriaBodySchema = z
  .object({
    /** The first day the version applies (Vietnam calendar); today or later, never in the past. */
    effectiveFrom: IsoDateSchema,
    /** The province's decision that sets the criteria, e.g. "Quyết định 514/QĐ-UBND ngày 26/4/2023". */
    basis: required(500, "Chưa nhập căn cứ (quyết định của UBND tỉnh)"),
    extraCriteria: z.array(ProvinceCriterionInputSchema).max(50),
    authorities: z.array(AuthorityInputSchema).max(5),
  })
  .superRefine((b, ctx) => {
    const codes = new Set<string>();
    b.extraCriteria.forEach((c, i) => {
      if (codes.has(c.code)) {
        ctx.addIssue({ code: "custom", path: ["extraCriteria", i, "code"], message: "Mã tiêu chí bị trùng" });
      }
      codes.add(c.code);
    });
    const types = new Set<CertificationUnitType>();
    b.authorities.forEach((a, i) => {
      if (types.has(a.unitType)) {
        ctx.addIssue({
          code: "custom",
          path: ["authorities", i, "unitType"],
          message: "Loại đơn vị bị trùng",
        });
      }
      types.add(a.unitType);
    });
  });
export type UpdateCertificationCriteriaBody = z.infer<typeof UpdateCertificationCriteriaBodySchema>;

export const CriteriaVersionSchema = z.object({
  id: IdSchema,
  /** Null: the national version (the Circular's text as shipped). */
  provinceId: IdSchema.nullable(),
  label: z.string(),
  effectiveFrom: IsoDateSchema,
  basis: z.string(),
  /** The version applies today (the latest whose date has come). */
  inForce: z.boolean(),
  criteria: z.array(
    z.object({
      unitType: CertificationUnitTypeSchema,
      code: z.string(),
      article: z.string(),
      titleVi: z.string(),
      titleEn: z.string(),
    }),
  ),
  authorities: z.array(AuthorityInputSchema),
  /** Cycles assessed under this version (they keep it whatever comes later). */
  cyclesAssessed: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type CriteriaVersion = z.infer<typeof CriteriaVersionSchema>;

export const CriteriaVersionListSchema = z.object({
  provinceId: IdSchema.nullable(),
  provinceName: z.string().nullable(),
  national: z.array(CriteriaVersionSchema),
  items: z.array(CriteriaVersionSchema),
  /** `update`: the caller is a province-level administrator of this province (certification.configure there). */
  can: z.object({ update: z.boolean() }),
});
export type CriteriaVersionList = z.infer<typeof CriteriaVersionListSchema>;
export const ListCriteriaVersionsQuerySchema = z.object({ provinceId: IdSchema.optional() });
