// Paragraph helpers and the Decree 30/2020 header and footer of the privacy module's documents.
import { documentPlaceAndDate } from "@toandan/contracts";
import { AlignmentType, Document, Packer, type Paragraph, type Table } from "docx";
import {
  DOCX_FONT as FONT,
  DOCX_PAGE,
  docxPageNumbers,
  docxParagraph,
  docxRule,
  docxTwoColumns,
} from "../../kernel/docx-layout";

export const p = docxParagraph;

export const heading = (text: string) => p([{ text, bold: true }], AlignmentType.LEFT, 120);

/** Header (issuing body | national title), title, subject and the rule; addressee when given. */
export function documentHead(o: {
  issuer: string;
  symbol: string;
  place: string;
  today: string;
  title: string;
  subject: string;
  addressee?: string;
}): (Paragraph | Table)[] {
  return [
    docxTwoColumns(
      [
        p([{ text: o.issuer.toUpperCase(), bold: true, size: 26 }], AlignmentType.CENTER, 0),
        docxRule(1200),
        p([{ text: `Số: …/${o.symbol}` }], AlignmentType.CENTER, 60),
      ],
      [
        p([{ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24 }], AlignmentType.CENTER, 0),
        p([{ text: "Độc lập - Tự do - Hạnh phúc", bold: true, underline: true }], AlignmentType.CENTER, 120),
        p([{ text: documentPlaceAndDate(o.place, o.today), italics: true }], AlignmentType.CENTER, 60),
      ],
      0.4,
    ),
    p([{ text: o.title, bold: true }], AlignmentType.CENTER, 0),
    p([{ text: o.subject, bold: true }], AlignmentType.CENTER, 0),
    docxRule(3400),
    ...(o.addressee ? [p([{ text: `Kính gửi: ${o.addressee}` }], AlignmentType.CENTER, 240)] : []),
  ];
}

export function documentFoot(recipients: string[], signer: string): Table {
  return docxTwoColumns(
    [
      p([{ text: "Nơi nhận:", bold: true, italics: true, size: 24 }], AlignmentType.LEFT, 0),
      ...recipients.map((r) => p([{ text: `- ${r}`, size: 22 }], AlignmentType.LEFT, 0)),
    ],
    [
      p([{ text: signer, bold: true }], AlignmentType.CENTER, 0),
      p([{ text: "(Ký, ghi rõ họ tên, đóng dấu)", italics: true }], AlignmentType.CENTER, 900),
    ],
    0.45,
  );
}

export function packDocument(title: string, children: (Paragraph | Table)[]) {
  const doc = new Document({
    creator: "Toàn Dân",
    title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [{ properties: { titlePage: true, page: DOCX_PAGE }, headers: docxPageNumbers(), children }],
  });
  return Packer.toBuffer(doc);
}

export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
