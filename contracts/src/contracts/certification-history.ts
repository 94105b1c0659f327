// Certification results of past years (2013–2025) at the units of their time — the communes,
// districts' communes and provinces before the 2025 two-level reform — recorded one by one or
// imported from a CSV, and the yearly rates they give, rolled into today's units through lineage.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";
import type { CsvColumn } from "../csv-columns";
import { CertificationUnitTypeSchema } from "./certification";

/**
 * Years a past result may be recorded for: from 2013 (the first year under Circular 23/2012/TT-BCA,
 * in force 12/06/2012, whose review windows close in late 2012–2013) to 2025 (the last year whose
 * window began before the 2025 reform, Resolution 202/2025/QH15). Later years are recorded through
 * the yearly cycle. The lower bound follows the seeds' "2013–2017" five-year review [S]: keep it
 * a constant, not a rule of law.
 */
export const CERTIFICATION_HISTORY_YEARS = { from: 2013, to: 2025 } as const;

const year = z.coerce
  .number()
  .int("Năm phải là số nguyên")
  .min(CERTIFICATION_HISTORY_YEARS.from, `Năm từ ${CERTIFICATION_HISTORY_YEARS.from}`)
  .max(
    CERTIFICATION_HISTORY_YEARS.to,
    `Năm đến ${CERTIFICATION_HISTORY_YEARS.to}; từ 2026 ghi qua kỳ xét công nhận`,
  );

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Tối đa ${max} ký tự`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** One past result (Circular 124/2021 art. 8.1, and Circular 23/2012 before it: certified or not). */
export const RecordCertificationHistoryBodySchema = z.object({
  orgUnitId: IdSchema,
  year,
  /** Optional: when given, it must be the unit's own type. */
  unitType: CertificationUnitTypeSchema.optional(),
  certified: z.boolean(),
  decisionNumber: optionalText(60),
  decisionDate: IsoDateSchema.optional(),
  decisionAuthority: optionalText(200),
});
export type RecordCertificationHistoryBody = z.infer<typeof RecordCertificationHistoryBodySchema>;

export const CertificationHistoryRecordSchema = z.object({
  id: IdSchema,
  orgUnitId: IdSchema,
  unitName: z.string(),
  /** The last day of a pre-reform unit (null: still in force). */
  validTo: IsoDateSchema.nullable(),
  unitType: CertificationUnitTypeSchema,
  year: z.number().int(),
  certified: z.boolean(),
  decisionNumber: z.string().nullable(),
  decisionDate: IsoDateSchema.nullable(),
  decisionAuthority: z.string().nullable(),
});
export type CertificationHistoryRecord = z.infer<typeof CertificationHistoryRecordSchema>;

export const ListCertificationHistoryQuerySchema = z.object({
  /** A unit the caller may see: its own records and those of the units it was formed from. */
  orgUnitId: IdSchema,
  year: year.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const CertificationHistoryPageSchema = z.object({
  items: z.array(CertificationHistoryRecordSchema),
  nextCursor: z.string().nullable(),
  can: z.object({ create: z.boolean() }),
});
export type CertificationHistoryPage = z.infer<typeof CertificationHistoryPageSchema>;

/** The seeds' groups: "khóm, ấp", "xã, phường", "cơ quan, doanh nghiệp, nhà trường". */
export const CERTIFICATION_HISTORY_GROUPS = {
  residential_area: ["residential_area"],
  commune: ["commune"],
  agency: ["agency", "enterprise", "school"],
} as const;
export type CertificationHistoryGroup = keyof typeof CERTIFICATION_HISTORY_GROUPS;

const GroupCountSchema = z.object({
  /** Units with a recorded result that year (certified or not). */
  recorded: z.number().int(),
  certified: z.number().int(),
  /** certified ÷ recorded, 4 decimals; null when nothing is recorded. */
  rate: z.number().nullable(),
});

export const CertificationHistoryRatesSchema = z.object({
  orgUnitId: IdSchema,
  years: z.array(
    z.object({
      year: z.number().int(),
      residential_area: GroupCountSchema,
      commune: GroupCountSchema,
      agency: GroupCountSchema,
    }),
  ),
});
export type CertificationHistoryRates = z.infer<typeof CertificationHistoryRatesSchema>;

export const CertificationHistoryRatesQuerySchema = z.object({ orgUnitId: IdSchema });

export const CERTIFICATION_HISTORY_LIMITS = { importMaxRows: 5_000, csvMaxChars: 2_000_000 } as const;

export const ImportCertificationHistoryBodySchema = z.object({
  csv: z.string().min(1, "Tệp CSV trống").max(CERTIFICATION_HISTORY_LIMITS.csvMaxChars, "Tệp CSV quá lớn"),
});
export type ImportCertificationHistoryBody = z.infer<typeof ImportCertificationHistoryBodySchema>;
export const ImportCertificationHistoryResultSchema = z.object({ created: z.number().int() });

export type CertificationHistoryCsvKey =
  | "unit"
  | "unitName"
  | "year"
  | "unitType"
  | "result"
  | "decisionNumber"
  | "decisionDate"
  | "decisionAuthority";

/**
 * Columns of the past-results CSV. "Mã đơn vị" is the statistics office code of a commune
 * (the code of its year: 31825 is Phường 1 until 2025 and Phường Bạc Liêu after), or any unit's
 * identifier (ID) as the console shows it — khóm, ấp and agencies have no official code.
 */
export const CERTIFICATION_HISTORY_CSV_COLUMNS: readonly CsvColumn<CertificationHistoryCsvKey>[] = [
  { key: "unit", names: ["Mã đơn vị", "unit_code", "unit", "org_unit_id", "ID"], required: true },
  { key: "unitName", names: ["Tên đơn vị", "unit_name", "name"] },
  { key: "year", names: ["Năm", "year"], required: true },
  { key: "unitType", names: ["Loại đơn vị", "unit_type"] },
  { key: "result", names: ["Kết quả", "result", "certified"], required: true },
  { key: "decisionNumber", names: ["Số quyết định", "decision_number"] },
  { key: "decisionDate", names: ["Ngày quyết định", "decision_date"] },
  { key: "decisionAuthority", names: ["Cơ quan quyết định", "decision_authority", "authority"] },
];

/** In-app legal basis of the history table (shown as "Căn cứ: …"). */
export const CERTIFICATION_HISTORY_BASIS =
  "Thông tư 23/2012/TT-BCA (đến 09/02/2022) và Thông tư 124/2021/TT-BCA, Điều 8 (đạt / chưa đạt, mỗi năm một lần); Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025 (đơn vị cũ tính vào đơn vị hiện nay)";
