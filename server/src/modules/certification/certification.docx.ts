// DOCX drafts of the recognition dossier (Art. 9.2 of Circular 124/2021) in the layout of
// Decree 30/2020/NĐ-CP: issuing body and number/symbol on the left, national title and motto on the
// right, place and date, document kind and subject, body, recipients and signer.
import { documentDate, documentPlaceAndDate, type DossierKind, formatVnDate } from "@toandan/contracts";
import { AlignmentType, Document, Packer, type Paragraph } from "docx";
import {
  DOCX_FONT as FONT,
  DOCX_PAGE,
  docxPageNumbers,
  docxParagraph,
  docxRule,
  docxTwoColumns,
} from "../../kernel/docx-layout";
import type { DossierAddressing } from "./certification.addressing";
import type { CycleRow } from "./certification.queries";
import type { CertificationEvidence } from "@toandan/contracts";

const p = docxParagraph;

const KIND: Record<
  DossierKind,
  { title: string; symbol: string; subject: (c: CycleRow, unit: string) => string }
> = {
  submission: {
    title: "TỜ TRÌNH",
    symbol: "TTr",
    subject: (c, unit) =>
      `Đề nghị công nhận ${unit} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${c.year}`,
  },
  results_report: {
    title: "BÁO CÁO",
    symbol: "BC",
    subject: (c, unit) =>
      `Kết quả thực hiện tiêu chuẩn “An toàn về an ninh, trật tự” năm ${c.year} của ${unit}`,
  },
  minutes: {
    title: "BIÊN BẢN",
    symbol: "BB",
    subject: (c) => `Cuộc họp bình xét, đánh giá tiêu chuẩn “An toàn về an ninh, trật tự” năm ${c.year}`,
  },
};

function body(kind: DossierKind, c: CycleRow, e: CertificationEvidence, a: DossierAddressing): Paragraph[] {
  const out: Paragraph[] = [];
  const crit = e.criteria.map((x, i) => {
    const v = x.verdict === "met" ? "Đạt" : x.verdict === "not_met" ? "Chưa đạt" : "Chưa đủ dữ liệu";
    return p(`${i + 1}. ${x.titleVi} (${x.article}): ${v}.`);
  });
  out.push(
    p(
      `Căn cứ Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ trưởng Bộ Công an quy định về khu dân cư, xã, phường, thị trấn, cơ quan, doanh nghiệp, cơ sở giáo dục đạt tiêu chuẩn “An toàn về an ninh, trật tự”; kỳ đánh giá từ ${formatVnDate(e.windowFrom)} đến ${formatVnDate(e.windowTo)}.`,
    ),
  );
  if (kind === "minutes" && c.reviewMeeting) {
    const m = c.reviewMeeting;
    out.push(p(`Hôm nay, ${documentDate(m.meetingDate)}, tại ${a.unitName}, chủ trì: ${m.chair}.`));
    out.push(p("Thành phần tham dự:"));
    for (const a of m.attendees) out.push(p(`- ${a.name}, ${a.role};`));
    out.push(p("Nội dung:"));
    for (const line of m.minutes.split(/\r?\n/).filter(Boolean)) out.push(p(line));
    out.push(p(`Kết quả biểu quyết: ${m.votesFor}/${m.votesTotal} ý kiến tán thành đề nghị công nhận.`));
    return out;
  }
  out.push(p("Kết quả thực hiện các tiêu chí:"));
  out.push(...crit);
  if (e.households) {
    out.push(
      p(
        `Số hộ gia đình đang cư trú: ${e.households.households}; số hộ đăng ký tham gia: ${e.households.registered ?? 0}; số hộ ký cam kết: ${e.households.signed}.`,
      ),
    );
  }
  if (e.crime) {
    out.push(
      p(
        `Tội phạm: ${e.crime.crimes} vụ (năm trước ${e.crime.crimesPreviousYear}); tệ nạn xã hội: ${e.crime.socialEvils} (năm trước ${e.crime.socialEvilsPreviousYear}).`,
      ),
    );
  }
  if (kind === "submission") {
    out.push(
      p(
        `Kính đề nghị ${a.addressee} xem xét, công nhận ${a.unitName} đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm ${c.year}.`,
      ),
    );
  }
  return out;
}

/** Builds one dossier document as a DOCX buffer. */
export async function dossierDocx(
  kind: DossierKind,
  c: CycleRow,
  e: CertificationEvidence,
  today: string,
  a: DossierAddressing,
) {
  const k = KIND[kind];
  const header = docxTwoColumns(
    [
      p([{ text: a.issuer.toUpperCase(), bold: true, size: 26 }], AlignmentType.CENTER, 0),
      docxRule(1200),
      p([{ text: `Số: …/${k.symbol}-…` }], AlignmentType.CENTER, 60),
    ],
    [
      p([{ text: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24 }], AlignmentType.CENTER, 0),
      p([{ text: "Độc lập - Tự do - Hạnh phúc", bold: true, underline: true }], AlignmentType.CENTER, 120),
      p([{ text: documentPlaceAndDate(a.place, today), italics: true }], AlignmentType.CENTER, 60),
    ],
    0.4,
  );
  const footer = docxTwoColumns(
    [
      p([{ text: "Nơi nhận:", bold: true, italics: true, size: 24 }], AlignmentType.LEFT, 0),
      p([{ text: `- ${kind === "minutes" ? a.addressee : "Như trên"};`, size: 22 }], AlignmentType.LEFT, 0),
      p([{ text: "- Thường trực Ban Chỉ đạo;", size: 22 }], AlignmentType.LEFT, 0),
      p([{ text: "- Lưu: VT.", size: 22 }], AlignmentType.LEFT, 0),
    ],
    [
      p(
        [{ text: kind === "minutes" ? "CHỦ TRÌ CUỘC HỌP" : "TRƯỞNG ĐƠN VỊ", bold: true }],
        AlignmentType.CENTER,
        0,
      ),
      p([{ text: "(Ký, ghi rõ họ tên, đóng dấu nếu có)", italics: true }], AlignmentType.CENTER, 900),
      p(
        [{ text: kind === "minutes" ? (c.reviewMeeting?.chair ?? "") : "", bold: true }],
        AlignmentType.CENTER,
        0,
      ),
    ],
    0.45,
  );
  const doc = new Document({
    creator: "Toàn Dân",
    title: `${k.title} — ${a.unitName} — ${c.year}`,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: DOCX_PAGE,
        },
        headers: docxPageNumbers(),
        children: [
          header,
          p([{ text: k.title, bold: true }], AlignmentType.CENTER, 0),
          p([{ text: k.subject(c, a.unitName), bold: true }], AlignmentType.CENTER, 0),
          docxRule(3400),
          ...(kind === "minutes"
            ? []
            : [p([{ text: `Kính gửi: ${a.addressee}` }], AlignmentType.CENTER, 240)]),
          ...body(kind, c, e, a),
          footer,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
