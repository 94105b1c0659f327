import { createRequire } from "node:module";
import path from "node:path";
import type { Report } from "@toandan/contracts";
import { placeAndDate } from "./compose";
import { docNumber, formatFigure } from "./export-docx";

const require = createRequire(import.meta.url);

type PdfMake = {
  setLocalAccessPolicy: (cb: (file: string) => boolean) => void;
  setFonts: (fonts: Record<string, Record<string, string>>) => void;
  setUrlAccessPolicy: (cb: (url: string) => boolean) => void;
  createPdf: (def: unknown) => { getBuffer: () => Promise<Buffer> };
};

let pdfmake: PdfMake | null = null;

/**
 * pdfmake with the Roboto fonts shipped inside the package (full Vietnamese glyph coverage): no
 * system font, nothing fetched at run time.
 */
function engine(): PdfMake {
  if (pdfmake) return pdfmake;
  const p = require("pdfmake") as PdfMake;
  const dir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "build", "fonts", "Roboto");
  p.setFonts({
    Roboto: {
      normal: path.join(dir, "Roboto-Regular.ttf"),
      bold: path.join(dir, "Roboto-Medium.ttf"),
      italics: path.join(dir, "Roboto-Italic.ttf"),
      bolditalics: path.join(dir, "Roboto-MediumItalic.ttf"),
    },
  });
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((file) => path.resolve(file).startsWith(dir));
  pdfmake = p;
  return p;
}

/** The report as PDF (A4), the same layout as the DOCX. */
export async function reportPdf(r: Report): Promise<Buffer> {
  const def = {
    pageSize: "A4",
    pageMargins: [85, 57, 57, 57],
    defaultStyle: { font: "Roboto", fontSize: 12 },
    content: [
      {
        columns: [
          {
            width: "40%",
            alignment: "center",
            stack: [
              ...(r.parentBody ? [{ text: r.parentBody.toUpperCase(), fontSize: 11 }] : []),
              { text: r.issuingBody.toUpperCase(), bold: true, fontSize: 11 },
              { text: "───────", fontSize: 11 },
              { text: docNumber(r), fontSize: 11 },
            ],
          },
          {
            width: "60%",
            alignment: "center",
            stack: [
              { text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, fontSize: 11 },
              { text: "Độc lập - Tự do - Hạnh phúc", bold: true, decoration: "underline" },
              { text: " " },
              { text: placeAndDate(r.place, r.issuedOn), italics: true },
            ],
          },
        ],
      },
      { text: "BÁO CÁO", bold: true, alignment: "center", margin: [0, 18, 0, 0] },
      { text: r.subject, bold: true, alignment: "center", margin: [0, 0, 0, 12] },
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
            ...r.figures.map((f, i) => [String(i + 1), f.label, formatFigure(f.unit, f.value)]),
          ],
        },
        fontSize: 10,
      },
      {
        margin: [0, 16, 0, 0],
        columns: [
          {
            width: "50%",
            stack: [
              { text: "Nơi nhận:", bold: true, italics: true, fontSize: 11 },
              ...[...r.recipients, "Lưu: VT"].map((x, i, all) => ({
                text: `- ${x}${i === all.length - 1 ? "." : ";"}`,
                fontSize: 10,
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
