import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Report } from "@toandan/contracts";
import {
  DOCX_FONT as FONT,
  DOCX_PAGE,
  DOCX_TEXT_WIDTH,
  docxPageNumbers,
  docxRule,
  docxTwoColumns,
} from "../../kernel/docx-layout";
import { compiledRows, cutOffLine, docNumber, formatFigure, reportPlaceAndDate } from "./export-layout";
import type { ReportMap } from "./report-map";

const run = (
  text: string,
  o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {},
) =>
  new TextRun({
    text,
    font: FONT,
    size: (o.size ?? 14) * 2,
    bold: o.bold,
    italics: o.italics,
    underline: o.underline ? {} : undefined,
  });
const centred = (...runs: TextRun[]) => new Paragraph({ alignment: AlignmentType.CENTER, children: runs });

/** Decree 30/2020 header: issuing body and number left, national title and motto right. */
function header(r: Report): Table {
  const left = [
    ...(r.parentBody ? [centred(run(r.parentBody.toUpperCase(), { size: 13 }))] : []),
    centred(run(r.issuingBody.toUpperCase(), { bold: true, size: 13 })),
    docxRule(1200),
    centred(run(docNumber(r), { size: 13 })),
  ];
  const right = [
    centred(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 12 })),
    centred(run("Độc lập - Tự do - Hạnh phúc", { bold: true, size: 14, underline: true })),
    centred(run("")),
    centred(run(reportPlaceAndDate(r), { italics: true })),
  ];
  return docxTwoColumns(left, right, 0.4);
}

function figuresTable(r: Report): Table {
  const widths = [0.1, 0.65].map((x) => Math.round(DOCX_TEXT_WIDTH * x));
  widths.push(DOCX_TEXT_WIDTH - widths[0]! - widths[1]!);
  const row = (a: string, b: string, c: string, bold = false) =>
    new TableRow({
      children: [a, b, c].map(
        (t, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: [
              new Paragraph({
                alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: [run(t, { bold, size: 12 })],
              }),
            ],
          }),
      ),
    });
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      row("TT", "Chỉ tiêu", "Kết quả", true),
      ...r.figures.map((f, i) => row(String(i + 1), f.label, formatFigure(f))),
    ],
  });
}

/** The compiled annex: the children's key figures, one row each, with the total row (bold). */
function compiledAnnex(r: Report): (Paragraph | Table)[] {
  const t = compiledRows(r);
  if (!t) return [];
  const first = [0.06, 0.26].map((x) => Math.round(DOCX_TEXT_WIDTH * x));
  const rest = Math.floor((DOCX_TEXT_WIDTH - first[0]! - first[1]!) / (t.head.length - 2));
  const widths = [...first, ...Array.from({ length: t.head.length - 2 }, () => rest)];
  const row = (cells: string[], bold = false) =>
    new TableRow({
      children: cells.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            children: [
              new Paragraph({
                alignment: i === 1 ? AlignmentType.LEFT : AlignmentType.CENTER,
                children: [run(text, { bold, size: 11 })],
              }),
            ],
          }),
      ),
    });
  return [
    new Paragraph({
      spacing: { before: 200 },
      children: [run("PHỤ LỤC TỔNG HỢP SỐ LIỆU TỪ BÁO CÁO CẤP DƯỚI", { bold: true })],
    }),
    new Table({
      width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [row(t.head, true), ...t.rows.map((x) => row(x)), row(t.total, true)],
    }),
  ];
}

/** The map of the children (legend and boundary attribution drawn in), as wide as the text. */
function mapAnnex(map: ReportMap | null): Paragraph[] {
  if (!map) return [];
  // Twips to pixels at 96 dpi (docx sizes images in pixels); no taller than most of an A4 page.
  const scale = Math.min(DOCX_TEXT_WIDTH / 15 / map.width, 840 / map.height);
  return [
    new Paragraph({
      spacing: { before: 200 },
      keepNext: true,
      children: [run("PHỤ LỤC BẢN ĐỒ", { bold: true })],
    }),
    new Paragraph({ keepNext: true, children: [run(map.title, { italics: true, size: 13 })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: "png",
          data: map.png,
          transformation: {
            width: Math.round(map.width * scale),
            height: Math.round(map.height * scale),
          },
          altText: { name: "map", title: map.title, description: map.title },
        }),
      ],
    }),
  ];
}

function footer(r: Report): Table {
  const left = [
    new Paragraph({ children: [run("Nơi nhận:", { bold: true, italics: true, size: 12 })] }),
    ...[...r.recipients, "Lưu: VT"].map(
      (x, i, all) =>
        new Paragraph({ children: [run(`- ${x}${i === all.length - 1 ? "." : ";"}`, { size: 11 })] }),
    ),
  ];
  const right = [
    centred(run(r.signerTitle.toUpperCase(), { bold: true })),
    ...Array.from({ length: 4 }, () => centred(run(""))),
    centred(run(r.signerName, { bold: true })),
  ];
  return docxTwoColumns(left, right, 0.5);
}

const body = (text: string) =>
  text
    .split(/\n+/)
    .filter(Boolean)
    .map(
      (p) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 567 },
          spacing: { after: 120, line: 312 },
          children: [run(p)],
        }),
    );

/** The report as a Word document (A4, margins per Decree 30: 20–25 mm top/bottom, 30–35 left, 15–20 right). */
export async function reportDocx(r: Report, map: ReportMap | null = null): Promise<Buffer> {
  const doc = new Document({
    creator: "Toàn Dân",
    title: r.subject,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: DOCX_PAGE,
        },
        headers: docxPageNumbers(),
        children: [
          header(r),
          centred(run("")),
          centred(run("BÁO CÁO", { bold: true })),
          centred(run(r.subject, { bold: true })),
          docxRule(3400),
          centred(run(cutOffLine(r), { italics: true })),
          ...r.sections.flatMap((s) => [
            new Paragraph({ spacing: { before: 120 }, children: [run(s.title, { bold: true })] }),
            ...body(s.text),
          ]),
          new Paragraph({ spacing: { before: 200 }, children: [run("PHỤ LỤC SỐ LIỆU", { bold: true })] }),
          figuresTable(r),
          ...compiledAnnex(r),
          ...mapAnnex(map),
          centred(run("")),
          footer(r),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
