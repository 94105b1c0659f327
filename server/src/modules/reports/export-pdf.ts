import { createRequire } from "node:module";
import type { Report } from "@toandan/contracts";
import {
  compiledRows,
  cutOffLine,
  docNumber,
  formatFigure,
  reportPlaceAndDate,
  tinos,
} from "./export-layout";
import type { ReportMap } from "./report-map";

const require = createRequire(import.meta.url);

type PdfMake = {
  setLocalAccessPolicy: (cb: (file: string) => boolean) => void;
  setFonts: (fonts: Record<string, Record<string, string>>) => void;
  setUrlAccessPolicy: (cb: (url: string) => boolean) => void;
  createPdf: (def: unknown) => { getBuffer: () => Promise<Buffer> };
};

let pdfmake: PdfMake | null = null;

/** pdfmake with Tinos (a Times New Roman–compatible serif) read from its package; nothing fetched. */
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const p = require("pdfmake") as PdfMake;
  const font = tinos();
  p.setFonts({ Tinos: font.files });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((file) => file.startsWith(font.dir));
  pdfmake = p;
  return p;
}

/** A4 in points, and the margins of Decree 30/2020 (30 mm left, 20 mm top, right and bottom). */
const PAGE_WIDTH = 595.28;
const MARGINS = [85, 57, 57, 57] as const;
const CONTENT_WIDTH = PAGE_WIDTH - MARGINS[0] - MARGINS[2];
const LEFT_COLUMN = CONTENT_WIDTH * 0.4;

/** A short solid line, centred (under the issuing body, under the subject): drawn, not typed. */
const rule = (length: number, margin: number[]) => ({
  canvas: [{ type: "line", x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }],
  alignment: "center",
  margin,
});

/** The compiled annex: the children's key figures, one row each, with the total row (bold). */
function compiledAnnex(r: Report): unknown[] {
  const t = compiledRows(r);
  if (!t) return [];
  const bold = (cells: string[]) => cells.map((text) => ({ text, bold: true }));
  return [
    { text: "PHỤ LỤC TỔNG HỢP SỐ LIỆU TỪ BÁO CÁO CẤP DƯỚI", bold: true, margin: [0, 10, 0, 4] },
    {
      table: {
        headerRows: 1,
        widths: [20, "*", ...t.head.slice(2).map(() => 50)],
        body: [bold(t.head), ...t.rows, bold(t.total)],
      },
      fontSize: 10,
    },
  ];
}

/** The map of the children (legend and boundary attribution drawn in), as wide as the text. */
function mapAnnex(map: ReportMap | null): unknown[] {
  if (!map) return [];
  // One block: the heading never stays behind at the foot of a page without its map.
  return [
    {
      unbreakable: true,
      stack: [
        { text: "PHỤ LỤC BẢN ĐỒ", bold: true, margin: [0, 10, 0, 2] },
        { text: map.title, italics: true, fontSize: 12, margin: [0, 0, 0, 4] },
        {
          image: `data:image/png;base64,${map.png.toString("base64")}`,
          fit: [CONTENT_WIDTH, 640],
          alignment: "center",
        },
      ],
    },
  ];
}

/** The report as PDF (A4), the same layout as the DOCX. */
export async function reportPdf(r: Report, map: ReportMap | null = null): Promise<Buffer> {
  const def = {
    pageSize: "A4",
    pageMargins: [...MARGINS],
    defaultStyle: { font: "Tinos", fontSize: 13 },
    info: { title: r.subject, creator: "Toàn Dân" },
    // Page numbers from page 2, centred in the top margin (Decree 30/2020, Appendix I).
    header: (page: number) =>
      page > 1 ? { text: String(page), alignment: "center", fontSize: 13, margin: [0, 28, 0, 0] } : null,
    content: [
      {
        columns: [
          {
            width: LEFT_COLUMN,
            alignment: "center",
            stack: [
              ...(r.parentBody ? [{ text: r.parentBody.toUpperCase(), fontSize: 12 }] : []),
              { text: r.issuingBody.toUpperCase(), bold: true, fontSize: 12 },
              rule(60, [0, 2, 0, 3]),
              { text: docNumber(r) },
            ],
          },
          {
            width: "*",
            alignment: "center",
            stack: [
              { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: 12 },
              { text: "Độc lập - Tự do - Hạnh phúc", bold: true, decoration: "underline" },
              { text: " " },
              { text: reportPlaceAndDate(r), italics: true },
            ],
          },
        ],
      },
      { text: "BÁO CÁO", bold: true, alignment: "center", margin: [0, 18, 0, 0] },
      { text: r.subject, bold: true, alignment: "center" },
      rule(120, [0, 6, 0, 4]),
      { text: cutOffLine(r), italics: true, alignment: "center", margin: [0, 0, 0, 12] },
      ...r.sections.flatMap((s) => [
        { text: s.title, bold: true, margin: [0, 6, 0, 2] },
        ...s.text
          .split(/\n+/)
          .filter(Boolean)
          .map((p) => ({ text: p, alignment: "justify", leadingIndent: 28, margin: [0, 0, 0, 4] })),
      ]),
      { text: "PHỤ LỤC SỐ LIỆU", bold: true, margin: [0, 10, 0, 4] },
      {
        table: {
          headerRows: 1,
          widths: [24, "*", 90],
          body: [
            [
              { text: "TT", bold: true },
              { text: "Chỉ tiêu", bold: true },
              { text: "Kết quả", bold: true },
            ],
            ...r.figures.map((f, i) => [String(i + 1), f.label, formatFigure(f)]),
          ],
        },
        fontSize: 12,
      },
      ...compiledAnnex(r),
      ...mapAnnex(map),
      {
        margin: [0, 16, 0, 0],
        columns: [
          {
            width: "50%",
            stack: [
              { text: "Nơi nhận:", bold: true, italics: true, fontSize: 12 },
              ...[...r.recipients, "Lưu: VT"].map((x, i, all) => ({
                text: `- ${x}${i === all.length - 1 ? "." : ";"}`,
                fontSize: 11,
              })),
            ],
          },
          {
            width: "50%",
            alignment: "center",
            stack: [
              { text: r.signerTitle.toUpperCase(), bold: true },
              { text: "\n\n\n" },
              { text: r.signerName, bold: true },
            ],
          },
        ],
      },
    ],
  };
  return engine().createPdf(def).getBuffer();
}
