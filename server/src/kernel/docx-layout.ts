// Building blocks of an official document in the Decree 30/2020/NĐ-CP layout, shared by every
// module that prints one (reports, the certification dossier).
import { AlignmentType, BorderStyle, Header, PageNumber, Paragraph, TextRun } from "docx";

/** The font Decree 30 prescribes; LibreOffice substitutes its metric twin (Liberation Serif, Tinos). */
export const DOCX_FONT = "Times New Roman";

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
