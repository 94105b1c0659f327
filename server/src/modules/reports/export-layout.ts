// What the report's DOCX and PDF print the same way: the number line, the figures, the place and
// date line, the data cut-off, and the font every export uses.
import { createRequire } from "node:module";
import path from "node:path";
import { SMALL_CELL_THRESHOLD, documentPlaceAndDate, type Report, formatVnDate } from "@toandan/contracts";
import { viNumber, viPercent } from "./compose";

const require = createRequire(import.meta.url);

/**
 * Tinos: metric-compatible with Times New Roman (the font Decree 30/2020 prescribes), full
 * Vietnamese coverage, free to embed (SIL OFL 1.1), shipped as TTF files inside the npm package
 * `@expo-google-fonts/tinos` — no system font, nothing fetched at run time.
 */
export function tinos() {
  const dir = path.dirname(require.resolve("@expo-google-fonts/tinos/package.json"));
  return {
    dir,
    files: {
      normal: path.join(dir, "400Regular", "Tinos_400Regular.ttf"),
      bold: path.join(dir, "700Bold", "Tinos_700Bold.ttf"),
      italics: path.join(dir, "400Regular_Italic", "Tinos_400Regular_Italic.ttf"),
      bolditalics: path.join(dir, "700Bold_Italic", "Tinos_700Bold_Italic.ttf"),
    },
  };
}

/** "Số: 07/BC-MTTQ": numbers below 10 with a leading zero (Decree 30: the year starts at 01); blank to fill by hand. */
export const docNumber = (r: Report) =>
  `Số: ${r.number ? (/^\d$/.test(r.number) ? `0${r.number}` : r.number) : "     "}/${r.symbol}`;
/** A figure of the appendix table: "1.157", "95,12%", "dưới 5" (hidden small count), "Chưa có số liệu". */
export const formatFigure = (f: Report["figures"][number]) =>
  f.suppressed
    ? `dưới ${SMALL_CELL_THRESHOLD}`
    : f.value === null
      ? "Chưa có số liệu"
      : f.unit === "rate"
        ? viPercent(f.value)
        : viNumber(f.value);
/** "(Số liệu tính đến ngày 30/11/2026)", under the subject. */
export const cutOffLine = (r: Report) => `(Số liệu tính đến ngày ${formatVnDate(r.cutOff)})`;
/** "Bạc Liêu, ngày 05 tháng 02 năm 2026": the one Decree 30 date rule, from the contracts calendar. */
export const reportPlaceAndDate = (r: Report) => documentPlaceAndDate(r.place, r.issuedOn);

/** "Phụ lục tổng hợp" table of the compiled annex: a header row, one row per child, a total row. */
export function compiledRows(r: Report): { head: string[]; rows: string[][]; total: string[] } | null {
  const c = r.compiled;
  if (!c || c.children.length === 0) return null;
  const head = ["TT", "Đơn vị", ...c.totals.map((t) => t.label)];
  const rows = c.children.map((child, i) => [
    String(i + 1),
    child.orgUnitName,
    ...c.totals.map((t) => {
      const f = child.figures.find((x) => x.code === t.code);
      return f ? formatFigure(f) : "Chưa có số liệu";
    }),
  ]);
  const total = ["", "Tổng cộng", ...c.totals.map((t) => `${t.partial ? "trên " : ""}${viNumber(t.value)}`)];
  return { head, rows, total };
}
