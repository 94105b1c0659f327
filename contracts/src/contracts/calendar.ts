// The holidays table: weekdays off and make-up working weekend days, maintained by a national
// system administrator from the Government's / Ministry's yearly notices. Every working-day clock
// of the system counts with it (contracts/src/calendar/working-days.ts).
import { z } from "zod";
import { IsoDateSchema } from "../common";

export const CALENDAR_DAY_KINDS = ["day_off", "working_weekend"] as const;
export const CalendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS, { error: "Loại ngày không hợp lệ" });
export const CALENDAR_DAY_KIND_LABELS = {
  day_off: { vi: "Ngày nghỉ", en: "Day off" },
  working_weekend: { vi: "Ngày làm bù (thứ Bảy, Chủ nhật)", en: "Make-up working day (weekend)" },
} as const;
export const CALENDAR_CONFIDENCE_LABELS = {
  official: { vi: "Chính thức", en: "Official" },
  projected: { vi: "Dự kiến", en: "Projected" },
} as const;
export const CALENDAR_CONFIDENCES = ["official", "projected"] as const;
export const CalendarConfidenceSchema = z.enum(CALENDAR_CONFIDENCES, { error: "Độ tin cậy không hợp lệ" });

/** A date typed `yyyy-MM-dd` that exists (2026-02-30 is refused). */
export const CalendarDateSchema = z.iso.date({ error: "Ngày không hợp lệ (yyyy-mm-dd)" });

export const HolidaySchema = z.object({
  date: IsoDateSchema,
  kind: CalendarDayKindSchema,
  name: z.string(),
  confidence: CalendarConfidenceSchema,
  /** The notice it comes from ("Thông báo 6150/TB-BNV"), or how it was projected. */
  source: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Holiday = z.infer<typeof HolidaySchema>;

export const ListHolidaysQuerySchema = z.object({
  year: z.coerce
    .number({ error: "Năm không hợp lệ" })
    .int("Năm không hợp lệ")
    .min(2000, "Năm không hợp lệ")
    .max(2100, "Năm không hợp lệ")
    .optional(),
});

/** What the caller may do with the table: change it (national system administrators only). */
export const CalendarAbilitiesSchema = z.object({ manage: z.boolean() });
export const HolidayListSchema = z.object({
  items: z.array(HolidaySchema),
  can: CalendarAbilitiesSchema,
});
export type HolidayList = z.infer<typeof HolidayListSchema>;

export const HolidayParamsSchema = z.object({ date: CalendarDateSchema });
export const UpsertHolidayBodySchema = z.object({
  kind: CalendarDayKindSchema,
  name: z.string().trim().min(2, "Nhập tên ngày nghỉ, ngày làm bù").max(200, "Tên tối đa 200 ký tự"),
  confidence: CalendarConfidenceSchema,
  source: z.string().trim().max(300, "Căn cứ tối đa 300 ký tự").optional(),
});
export type UpsertHolidayBody = z.infer<typeof UpsertHolidayBodySchema>;
export const DeleteHolidayBodySchema = z.object({
  reason: z.string().trim().min(3, "Nhập lý do xóa").max(300, "Lý do tối đa 300 ký tự"),
});
