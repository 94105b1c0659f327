// The narrative of a review report: the figures written into Vietnamese sentences. Only what
// happened is written; a sentence with nothing in it says so plainly; a small tip count the reader
// may not see reads "dưới 5".
import {
  SMALL_CELL_THRESHOLD,
  periodLabel,
  periodOf,
  type CreateReportBody,
  formatVnDate,
} from "@toandan/contracts";

/** One figure of the report; `suppressed`: a small count (1–4) hidden from this reader. */
export type Figure = {
  code: string;
  label: string;
  unit: string;
  value: number | null;
  suppressed?: boolean;
};
export type Section = { key: string; title: string; text: string };

const NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
/** Vietnamese number format: 1.157; 5.421,5. */
export const viNumber = (n: number) => NUMBER.format(n);
/** 0.9512 → "95,12%". */
export const viPercent = (r: number) => `${NUMBER.format(Math.round(r * 10_000) / 100)}%`;

/** "dưới 5" for a suppressed small count. */
export const UNDER_THRESHOLD = `dưới ${SMALL_CELL_THRESHOLD}`;

type Read = (code: string) => Figure | undefined;

/** The figure as written in a sentence, or null when it did not happen (0) or was not recorded. */
function amount(f: Figure | undefined): string | null {
  if (!f) return null;
  if (f.suppressed) return UNDER_THRESHOLD;
  if (f.value === null || f.value === 0) return null;
  return f.unit === "rate" ? viPercent(f.value) : viNumber(f.value);
}

/** "a", "a và b", "a, b và c". */
function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} và ${items.at(-1)}`;
}

/** `${value} ${noun}` for every figure that happened. */
function phrases(read: Read, parts: [code: string, noun: string][]): string[] {
  return parts.flatMap(([code, noun]) => {
    const a = amount(read(code));
    return a === null ? [] : [`${a} ${noun}`];
  });
}

/** Nothing at all recorded for these figures (all missing): "chưa có số liệu" rather than "chưa ghi nhận". */
const noData = (read: Read, codes: string[]) =>
  codes.every((c) => (read(c)?.value ?? null) === null && !read(c)?.suppressed);

function propaganda(read: Read, unitName: string): string {
  const clauses: string[] = [];
  const count = amount(read("activities.count"));
  if (count) {
    const present = phrases(read, [
      ["activities.attendees", "lượt người"],
      ["activities.households", "lượt hộ"],
    ]);
    const attended = present.length ? ` với ${listOf(present)} tham dự` : "";
    clauses.push(`tổ chức ${count} buổi tuyên truyền, sinh hoạt, hoạt động${attended}`);
  }
  const students = amount(read("activities.students"));
  if (students) clauses.push(`tuyên truyền cho ${students} lượt học sinh, sinh viên`);
  const leaflets = amount(read("activities.leaflets"));
  if (leaflets) clauses.push(`phát hành ${leaflets} tờ rơi`);
  const visual = phrases(read, [
    ["activities.panels", "pa nô"],
    ["activities.slogans", "khẩu hiệu"],
  ]);
  if (visual.length) clauses.push(`thực hiện ${listOf(visual)}`);
  const items = amount(read("activities.broadcast_items"));
  const hours = amount(read("activities.broadcast_hours"));
  if (items) clauses.push(`đưa ${items} tin, bài${hours ? ` với ${hours} giờ phát thanh` : ""}`);
  else if (hours) clauses.push(`phát thanh ${hours} giờ`);
  if (clauses.length) return `Trong kỳ, ${unitName} đã ${clauses.join("; ")}.`;
  const codes = ["activities.count", "activities.students", "activities.leaflets", "activities.panels"];
  return noData(read, codes)
    ? "Chưa có số liệu về công tác tuyên truyền, vận động trong kỳ."
    : "Trong kỳ chưa ghi nhận buổi tuyên truyền, sinh hoạt, hoạt động nào.";
}

function models(read: Read): string {
  const sentences: string[] = [];
  const groups = amount(read("groups.count"));
  if (groups) {
    const kinds = phrases(read, [
      ["groups.teams", "tổ"],
      ["groups.models", "mô hình"],
    ]);
    const members = amount(read("groups.members"));
    sentences.push(
      `Toàn địa bàn hiện có ${groups} tổ, mô hình tự phòng, tự quản` +
        (kinds.length ? ` (${kinds.join(", ")})` : "") +
        (members ? ` với ${members} thành viên` : "") +
        ".",
    );
  } else {
    sentences.push(
      noData(read, ["groups.count"])
        ? "Chưa có số liệu về tổ, mô hình tự phòng, tự quản."
        : "Trên địa bàn chưa ghi nhận tổ, mô hình tự phòng, tự quản nào.",
    );
  }
  const households = amount(read("households.count"));
  const signed = amount(read("households.signed"));
  const rate = amount(read("households.commitment_rate"));
  const memberRate = amount(read("households.member_commitment_rate"));
  if (households && signed) {
    sentences.push(
      `Có ${signed}/${households} hộ gia đình ký cam kết` +
        (rate ? `, đạt tỷ lệ ${rate}` : "") +
        (memberRate ? `; tỷ lệ hộ hội viên, đoàn viên ký cam kết đạt ${memberRate}` : "") +
        ".",
    );
  } else if (households) {
    sentences.push(`Trên địa bàn có ${households} hộ gia đình; chưa ghi nhận hộ nào ký cam kết.`);
  } else {
    sentences.push("Chưa có số liệu về hộ gia đình ký cam kết.");
  }
  return sentences.join(" ");
}

function security(read: Read): string {
  const sentences: string[] = [];
  const tips = amount(read("tips.received"));
  const solved = amount(read("tips.solved"));
  const arrests = amount(read("tips.arrests"));
  const helped = [solved && `giải quyết ${solved} vụ việc`, arrests && `bắt giữ ${arrests} đối tượng`].filter(
    (x): x is string => Boolean(x),
  );
  if (tips || helped.length) {
    const clauses = [
      ...(tips ? [`cung cấp ${tips} tin báo, tố giác tội phạm`] : []),
      ...(helped.length ? [`giúp cơ quan chức năng ${listOf(helped)}`] : []),
    ];
    sentences.push(`Qua phong trào, Nhân dân đã ${clauses.join("; ")}.`);
  } else {
    sentences.push(
      noData(read, ["tips.received", "tips.solved", "tips.arrests"])
        ? "Chưa có số liệu về tin báo, tố giác tội phạm của Nhân dân trong kỳ."
        : "Trong kỳ chưa ghi nhận tin báo, tố giác tội phạm của Nhân dân qua hệ thống.",
    );
  }
  const rates = (
    [
      ["certification.residential_area_rate", "khu dân cư"],
      ["certification.commune_rate", "xã, phường"],
      ["certification.agency_rate", "cơ quan, doanh nghiệp, nhà trường"],
    ] as const
  ).flatMap(([code, noun]) => {
    const a = amount(read(code));
    return a === null ? [] : [`${noun} đạt ${a}`];
  });
  sentences.push(
    rates.length
      ? `Tỷ lệ đạt tiêu chuẩn “An toàn về an ninh, trật tự”: ${rates.join("; ")}.`
      : "Chưa có kết quả công nhận đạt tiêu chuẩn “An toàn về an ninh, trật tự” trong kỳ.",
  );
  return sentences.join(" ");
}

/** "trong 6 tháng đầu năm 2026", "trong năm 2026", "từ ngày 01/03/2026 đến ngày 30/11/2026". */
function periodPhrase(template: CreateReportBody["template"], p: { from: string; to: string }): string {
  if (template === "plan_review") return `từ ngày ${formatVnDate(p.from)} đến ngày ${formatVnDate(p.to)}`;
  const label = periodLabel(periodOf(template === "six_month" ? "half" : "year", p.from));
  return `trong ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/**
 * The narrative with the figures written into Vietnamese sentences; every section stays editable.
 * `period`: the reviewed days; `cutOff`: the date the figures are counted up to ("số liệu tính đến
 * ngày …").
 */
export function defaultSections(
  b: Pick<CreateReportBody, "template">,
  unitName: string,
  figures: Figure[],
  period: { from: string; to: string },
  cutOff: string,
): Section[] {
  const read: Read = (code) => figures.find((f) => f.code === code);
  return [
    {
      key: "situation",
      title: "I. TÌNH HÌNH CHUNG",
      text:
        `Đánh giá chung tình hình an ninh, trật tự trên địa bàn ${periodPhrase(b.template, period)}. ` +
        `Số liệu trong báo cáo tính đến ngày ${formatVnDate(cutOff)}.`,
    },
    {
      key: "propaganda",
      title: "II. KẾT QUẢ THỰC HIỆN — 1. Công tác tuyên truyền, vận động",
      text: propaganda(read, unitName),
    },
    { key: "models", title: "2. Xây dựng, nhân rộng mô hình, hộ gia đình cam kết", text: models(read) },
    { key: "security", title: "3. Kết quả bảo đảm an ninh, trật tự", text: security(read) },
    { key: "assessment", title: "III. ĐÁNH GIÁ CHUNG — ưu điểm, hạn chế, nguyên nhân", text: "" },
    { key: "next", title: "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", text: "" },
    { key: "proposals", title: "V. ĐỀ XUẤT, KIẾN NGHỊ", text: "" },
  ];
}
