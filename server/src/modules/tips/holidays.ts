/**
 * Vietnamese public holidays (days off on weekdays, with official swaps) for 2025–2027, used to
 * count working days for the legal clocks. Configuration data: extend it each year when the
 * Ministry of Home Affairs / the Prime Minister announces the schedule.
 *
 * confidence: "official" = taken from the announced schedule; "law" = fixed-date holiday of the
 * Labour Code 2019 Art. 112 (as amended: 2 days for National Day from 2025); "estimated" = lunar
 * date converted by us, or a likely bridge day not yet announced. Re-check estimated entries.
 */
export type Holiday = { date: string; name: string; confidence: "official" | "law" | "estimated" };

export const VN_HOLIDAYS: Holiday[] = [
  // 2025
  { date: "2025-01-01", name: "Tết Dương lịch", confidence: "law" },
  { date: "2025-01-27", name: "Tết Nguyên đán (25/01–02/02/2025)", confidence: "official" },
  { date: "2025-01-28", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2025-01-29", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2025-01-30", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2025-01-31", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2025-04-07", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", confidence: "official" },
  { date: "2025-04-30", name: "Ngày Giải phóng miền Nam", confidence: "law" },
  { date: "2025-05-01", name: "Ngày Quốc tế Lao động", confidence: "law" },
  { date: "2025-05-02", name: "Nghỉ bù (đổi ngày làm việc 26/04)", confidence: "official" },
  { date: "2025-09-01", name: "Quốc khánh (ngày liền kề)", confidence: "official" },
  { date: "2025-09-02", name: "Quốc khánh", confidence: "law" },
  // 2026
  { date: "2026-01-01", name: "Tết Dương lịch", confidence: "law" },
  { date: "2026-02-16", name: "Tết Nguyên đán (14/02–22/02/2026)", confidence: "official" },
  { date: "2026-02-17", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2026-02-18", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2026-02-19", name: "Tết Nguyên đán", confidence: "official" },
  { date: "2026-02-20", name: "Tết Nguyên đán", confidence: "official" },
  {
    date: "2026-04-27",
    name: "Giỗ Tổ Hùng Vương (nghỉ bù, 10/3 âm lịch là Chủ nhật 26/04)",
    confidence: "estimated",
  },
  { date: "2026-04-30", name: "Ngày Giải phóng miền Nam", confidence: "law" },
  { date: "2026-05-01", name: "Ngày Quốc tế Lao động", confidence: "law" },
  { date: "2026-09-01", name: "Quốc khánh (ngày liền kề)", confidence: "estimated" },
  { date: "2026-09-02", name: "Quốc khánh", confidence: "law" },
  // 2027
  { date: "2027-01-01", name: "Tết Dương lịch", confidence: "law" },
  { date: "2027-02-04", name: "Tết Nguyên đán (mùng 1 là 06/02/2027)", confidence: "estimated" },
  { date: "2027-02-05", name: "Tết Nguyên đán", confidence: "estimated" },
  { date: "2027-02-08", name: "Tết Nguyên đán", confidence: "estimated" },
  { date: "2027-02-09", name: "Tết Nguyên đán", confidence: "estimated" },
  { date: "2027-02-10", name: "Tết Nguyên đán", confidence: "estimated" },
  { date: "2027-04-16", name: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", confidence: "estimated" },
  { date: "2027-04-30", name: "Ngày Giải phóng miền Nam", confidence: "law" },
  { date: "2027-05-03", name: "Nghỉ bù Ngày Quốc tế Lao động (01/05 là thứ Bảy)", confidence: "law" },
  { date: "2027-09-02", name: "Quốc khánh", confidence: "law" },
  { date: "2027-09-03", name: "Quốc khánh (ngày liền kề)", confidence: "estimated" },
];

export const HOLIDAY_DATES: ReadonlySet<string> = new Set(VN_HOLIDAYS.map((h) => h.date));
