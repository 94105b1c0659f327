/**
 * The one table of Vietnam's non-standard days for State bodies, 2025–2027: weekdays off (public
 * holidays, days added to a holiday, swapped days) and weekend days worked in exchange ("làm bù").
 * Labour Code 2019 Art. 112 as amended in 2025 (one more day at National Day); the yearly notices of
 * the Ministry of Home Affairs. Projected entries follow the usual pattern and must be checked
 * against the official notice for that year. Weekends not listed here are days off.
 *
 * This table is the SEED: the server copies it into its holidays table at migration (the calendar
 * module), where a national system administrator maintains it (new years' notices, corrections);
 * the calendar in force is then the database's (see setWorkingCalendar in working-days.ts).
 */
export type CalendarDay = {
  date: string;
  kind: "day_off" | "working_weekend";
  name: string;
  /** official: announced by the Government / Ministry; projected: by the usual pattern, to confirm. */
  confidence: "official" | "projected";
};

export const VIETNAM_CALENDAR_DAYS: readonly CalendarDay[] = [
  // 2025 — Notice of MOLISA on Tết Ất Tỵ; Official Letter on 30/4 swap; 2/9 with the added day.
  { date: "2025-01-01", kind: "day_off", name: "Tết Dương lịch", confidence: "official" },
  { date: "2025-01-27", kind: "day_off", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-28", kind: "day_off", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-29", kind: "day_off", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-30", kind: "day_off", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-01-31", kind: "day_off", name: "Tết Nguyên đán Ất Tỵ", confidence: "official" },
  { date: "2025-04-07", kind: "day_off", name: "Giỗ Tổ Hùng Vương", confidence: "official" },
  { date: "2025-04-30", kind: "day_off", name: "Ngày Giải phóng miền Nam", confidence: "official" },
  { date: "2025-05-01", kind: "day_off", name: "Ngày Quốc tế Lao động", confidence: "official" },
  {
    date: "2025-05-02",
    kind: "day_off",
    name: "Nghỉ hoán đổi (làm bù thứ Bảy 26/04)",
    confidence: "official",
  },
  { date: "2025-09-01", kind: "day_off", name: "Quốc khánh (ngày nghỉ thêm)", confidence: "official" },
  { date: "2025-09-02", kind: "day_off", name: "Quốc khánh", confidence: "official" },
  // 2026
  { date: "2026-01-01", kind: "day_off", name: "Tết Dương lịch", confidence: "official" },
  { date: "2026-02-16", kind: "day_off", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-17", kind: "day_off", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-18", kind: "day_off", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-19", kind: "day_off", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  { date: "2026-02-20", kind: "day_off", name: "Tết Nguyên đán Bính Ngọ", confidence: "official" },
  {
    date: "2026-04-27",
    kind: "day_off",
    name: "Giỗ Tổ Hùng Vương (nghỉ bù, 26/04 là Chủ nhật)",
    confidence: "projected",
  },
  { date: "2026-04-30", kind: "day_off", name: "Ngày Giải phóng miền Nam", confidence: "official" },
  { date: "2026-05-01", kind: "day_off", name: "Ngày Quốc tế Lao động", confidence: "official" },
  { date: "2026-09-01", kind: "day_off", name: "Quốc khánh (ngày nghỉ thêm)", confidence: "projected" },
  { date: "2026-09-02", kind: "day_off", name: "Quốc khánh", confidence: "official" },
  // 2027 — projected by the usual pattern; confirm with the 2027 notices.
  { date: "2027-01-01", kind: "day_off", name: "Tết Dương lịch", confidence: "official" },
  { date: "2027-02-04", kind: "day_off", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-05", kind: "day_off", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-08", kind: "day_off", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-09", kind: "day_off", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-02-10", kind: "day_off", name: "Tết Nguyên đán Đinh Mùi", confidence: "projected" },
  { date: "2027-04-16", kind: "day_off", name: "Giỗ Tổ Hùng Vương", confidence: "projected" },
  { date: "2027-04-30", kind: "day_off", name: "Ngày Giải phóng miền Nam", confidence: "official" },
  {
    date: "2027-05-03",
    kind: "day_off",
    name: "Ngày Quốc tế Lao động (nghỉ bù, 01/05 là thứ Bảy)",
    confidence: "official",
  },
  { date: "2027-09-02", kind: "day_off", name: "Quốc khánh", confidence: "official" },
  { date: "2027-09-03", kind: "day_off", name: "Quốc khánh (ngày nghỉ thêm)", confidence: "projected" },
  {
    date: "2025-04-26",
    kind: "working_weekend",
    name: "Làm bù cho thứ Sáu 02/05/2025",
    confidence: "official",
  },
];

/** Years the built-in table covers; outside them only weekends are known. */
export const VIETNAM_CALENDAR_YEARS = [2025, 2026, 2027] as const;
