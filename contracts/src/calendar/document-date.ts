/**
 * The date line of an official document (Decree 30/2020/NĐ-CP, Appendix I): "ngày 05 tháng 02 năm
 * 2026". Days below 10 and the months 1 and 2 take a leading zero; the other months do not
 * ("tháng 3", "tháng 12") — so a date cannot be altered by writing a digit in front of it.
 */
export function documentDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new RangeError(`Not a calendar date: ${isoDate}`);
  const [, year, mm, dd] = m as unknown as [string, string, string, string];
  const month = Number(mm);
  return `ngày ${dd} tháng ${month <= 2 ? mm : String(month)} năm ${year}`;
}

/** The place and date of a document: "Bạc Liêu, ngày 05 tháng 02 năm 2026". */
export const documentPlaceAndDate = (place: string, isoDate: string): string =>
  `${place}, ${documentDate(isoDate)}`;
