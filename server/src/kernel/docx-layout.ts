// Building blocks of an official document in the Decree 30/2020/NĐ-CP layout, shared by every
// module that prints one (reports, the certification dossier).
import {
  AlignmentType,
  BorderStyle,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/** The font Decree 30 prescribes; LibreOffice substitutes its metric twin (Liberation Serif, Tinos). */
export const DOCX_FONT = "Times New Roman";

/** A run of text in a paragraph: size in half-points (28 = 14 pt, the body size of Decree 30). */
export type DocxRun = {
  text: string;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
};
export type DocxAlign = (typeof AlignmentType)[keyof typeof AlignmentType];

/** A paragraph in the document font: justified body text unless told, `after` twips below it. */
export const docxParagraph = (
  runs: DocxRun[] | string,
  align: DocxAlign = AlignmentType.JUSTIFIED,
  after = 120,
) =>
  new Paragraph({
    alignment: align,
    spacing: { after },
    children: (typeof runs === "string" ? [{ text: runs }] : runs).map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold ?? false,
          italics: r.italics ?? false,
          ...(r.underline ? { underline: {} } : {}),
          font: DOCX_FONT,
          size: r.size ?? 28,
        }),
    ),
  });

/**
 * The short solid line under the issuing body and under the subject: a paragraph border between
 * indents (twips), drawn by the word processor — not a row of characters a font may lack.
 */
export const docxRule = (indent: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 60, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [],
  });

/**
 * Page numbers from page 2, centred in the top margin, size 14 (Appendix I). The section must set
 * `properties.titlePage: true` so that page 1 takes the empty first-page header.
 */
export const docxPageNumbers = () => ({
  default: new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: DOCX_FONT, size: 28 })],
      }),
    ],
  }),
  first: new Header({ children: [new Paragraph({ children: [] })] }),
});

/** A4 (twips) and the Decree 30 margins: 20 mm top and bottom, 30 mm left, 20 mm right. */
export const DOCX_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 },
} as const;
/** The width between the margins (twips). */
export const DOCX_TEXT_WIDTH = DOCX_PAGE.size.width - DOCX_PAGE.margin.left - DOCX_PAGE.margin.right;

const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

/**
 * Two borderless columns across the text width (the header: issuing body | national title; the
 * footer: recipients | signer), with fixed widths every word processor honours.
 */
export function docxTwoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const widths = [
    Math.round(DOCX_TEXT_WIDTH * leftShare),
    DOCX_TEXT_WIDTH - Math.round(DOCX_TEXT_WIDTH * leftShare),
  ];
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  return new Table({
    width: { size: DOCX_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE },
    rows: [new TableRow({ children: [cell(left, widths[0]!), cell(right, widths[1]!)] })],
  });
}
