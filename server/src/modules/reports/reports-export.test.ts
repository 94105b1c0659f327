import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Report } from "@toandan/contracts";
import { readPdf } from "../../test/pdf";
import { reportDocx } from "./export-docx";
import { reportPdf } from "./export-pdf";

/** Every Vietnamese letter: each vowel with each of the six tones, and đ, in both cases (one line each). */
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const withTones = (vowels: string[]) =>
  vowels.flatMap((v) => TONES.map((t) => (v + t).normalize("NFC"))).join("");
const LETTERS = [
  `${withTones(["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"])}đ`,
  withTones(["A", "Ă", "Â", "E", "Ê", "I"]),
  `${withTones(["O", "Ô", "Ơ", "U", "Ư", "Y"])}Đ`,
];
const ALPHABET = LETTERS.join("\n");

const sentence =
  "Ban công tác Mặt trận khóm đã phối hợp với Công an phường tổ chức tuyên truyền, vận động Nhân dân " +
  "tích cực tham gia phòng ngừa, phát hiện, tố giác tội phạm; xây dựng, nhân rộng mô hình tự phòng, " +
  "tự quản, tự bảo vệ; hộ gia đình ký cam kết giữ gìn an ninh, trật tự.";

const report: Report = {
  id: "00000000-0000-4000-8000-000000000001",
  orgUnitId: "00000000-0000-4000-8000-000000000002",
  orgUnitName: "Phường Bạc Liêu",
  template: "yearly",
  year: 2026,
  periodFrom: "2026-01-01",
  periodTo: "2026-12-31",
  cutOff: "2026-12-03",
  issuingBody: "Ban Thường trực Ủy ban MTTQ Việt Nam phường Bạc Liêu",
  parentBody: "Ủy ban MTTQ Việt Nam tỉnh Cà Mau",
  number: "7",
  symbol: "BC-MTTQ",
  place: "Bạc Liêu",
  issuedOn: "2026-02-05",
  subject: "Tổng kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2026",
  sections: [
    { key: "situation", title: "I. TÌNH HÌNH CHUNG", text: `${ALPHABET}\n${sentence}` },
    ...Array.from({ length: 8 }, (_, i) => ({
      key: `s${i}`,
      title: `${i + 1}. Kết quả thực hiện — nội dung ${i + 1}`,
      text: Array.from({ length: 4 }, () => sentence).join("\n"),
    })),
  ],
  figures: [
    { code: "activities.attendees", label: "Lượt người tham dự", unit: "count", value: 1157 },
    { code: "households.commitment_rate", label: "Tỷ lệ hộ ký cam kết", unit: "rate", value: 0.9512 },
    {
      code: "tips.received",
      label: "Tin báo, tố giác tội phạm",
      unit: "count",
      value: null,
      suppressed: true,
    },
    { code: "groups.count", label: "Tổ tự quản", unit: "count", value: null },
  ],
  recipients: ["Ban Thường trực Ủy ban MTTQ tỉnh", "Đảng ủy phường"],
  signerTitle: "TM. Ban Thường trực — Chủ tịch",
  signerName: "Nguyễn Thị Ánh Tuyết",
  status: "draft",
  comments: [],
  createdAt: "2026-12-03T02:00:00.000Z",
  lock: null,
  mapIndicator: null,
  mapLevel: null,
  can: { edit: true, submit: true, review: false, unlock: false },
};

describe("report exports (what officials print and sign)", () => {
  it("PDF: embeds Tinos only, draws every character, and its text extracts exactly", async () => {
    const pdf = await readPdf(await reportPdf(report));
    expect(pdf.fonts).toEqual(["Tinos-Bold", "Tinos-BoldItalic", "Tinos-Italic", "Tinos-Regular"]);
    expect(pdf.missingGlyphs).toEqual([]);
    const lines = pdf.pages.join("\n").split("\n");
    for (const l of LETTERS) expect(lines).toContain(l);
    const text = lines.join(" ");
    for (const s of [
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM PHƯỜNG BẠC LIÊU",
      "Số: 07/BC-MTTQ",
      "Bạc Liêu, ngày 05 tháng 02 năm 2026",
      "(Số liệu tính đến ngày 03/12/2026)",
      "“Toàn dân bảo vệ an ninh Tổ quốc”",
      "95,12%",
      "1.157",
      "dưới 5",
      "Chưa có số liệu",
      "Nguyễn Thị Ánh Tuyết",
    ]) {
      expect(text, s).toContain(s);
    }
    // No row of characters for the rule under the issuing body: it is a drawn line.
    expect(text).not.toMatch(/[─_]{3,}/);
    // Page numbers from page 2, centred at the top; none on page 1.
    expect(pdf.pages.length).toBeGreaterThan(1);
    expect(pdf.topMargins).toEqual(pdf.pages.map((_, i) => (i === 0 ? "" : String(i + 1))));
  });

  it("DOCX: page numbers from page 2, the Decree 30 date, drawn rules, the cut-off", async () => {
    const zip = await JSZip.loadAsync(await reportDocx(report));
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("Bạc Liêu, ngày 05 tháng 02 năm 2026");
    expect(text).toContain("(Số liệu tính đến ngày 03/12/2026)");
    expect(text).toContain("dưới 5");
    for (const l of LETTERS) expect(text).toContain(l);
    expect(text).not.toContain("─");
    expect(xml.match(/<w:pBdr><w:bottom /g)).toHaveLength(2);
    expect(xml).toContain("<w:titlePg/>");
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/header\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(headers).toHaveLength(2);
    expect(headers.filter((h) => /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/.test(h))).toHaveLength(1);
    expect(xml).toMatch(/w:rFonts w:ascii="Times New Roman"/);
  });
});
