import {
  INDICATORS,
  REPORT_TEMPLATE_LABELS,
  type CreateReportBody,
  type IndicatorCode,
  todayInVietnam,
} from "@toandan/contracts";
import type { Db } from "../../db/client";
import { computeIndicators, suppressSmallTipCells } from "../indicators";

export type Figure = { code: string; label: string; unit: string; value: number | null };
export type Section = { key: string; title: string; text: string };

/** Figures a review report states: every indicator of the registry. */
const REPORT_INDICATORS: IndicatorCode[] = INDICATORS.map((i) => i.code);

const NUMBER = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
/** Vietnamese number format: 1.157; 5.421,5. */
export const viNumber = (n: number) => NUMBER.format(n);
/** 0.9512 → "95,12%". */
export const viPercent = (r: number) => `${NUMBER.format(Math.round(r * 10_000) / 100)}%`;
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
/** "Cà Mau, ngày 05 tháng 12 năm 2026" (Decree 30: day and month below 10 with a leading zero; months 1–2 too). */
export const placeAndDate = (place: string, iso: string) =>
  `${place}, ngày ${iso.slice(8, 10)} tháng ${iso.slice(5, 7)} năm ${iso.slice(0, 4)}`;

export function periodOf(b: CreateReportBody): { from: string; to: string } {
  if (b.template === "plan_review") return { from: b.periodFrom!, to: b.periodTo! };
  if (b.template === "six_month" && b.half === 1) return { from: `${b.year}-01-01`, to: `${b.year}-06-30` };
  if (b.template === "six_month") return { from: `${b.year}-07-01`, to: `${b.year}-12-31` };
  return { from: `${b.year}-01-01`, to: `${b.year}-12-31` };
}

export function defaultSubject(b: CreateReportBody, from: string, to: string): string {
  if (b.template === "six_month") {
    return `Sơ kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” 6 tháng ${b.half === 1 ? "đầu" : "cuối"} năm ${b.year}`;
  }
  if (b.template === "yearly") {
    return `Tổng kết công tác phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm ${b.year}, phương hướng nhiệm vụ năm ${b.year + 1}`;
  }
  return `Sơ kết thực hiện kế hoạch phối hợp từ ngày ${viDate(from)} đến ngày ${viDate(to)}`;
}

/** The report's figures; tip counts under 5 hidden unless the author is in the police compartment. */
export async function figuresOf(
  db: Db,
  rollupPath: string,
  from: string,
  to: string,
  exactTips: boolean,
): Promise<Figure[]> {
  const today = todayInVietnam();
  const asOf = to < today ? to : today;
  const values = suppressSmallTipCells(
    await computeIndicators(db, REPORT_INDICATORS, {
      rollupPathPrefix: rollupPath,
      year: Number(asOf.slice(0, 4)),
      from,
      to,
      asOf,
    }),
    exactTips,
  );
  return INDICATORS.map((i) => ({ code: i.code, label: i.vi, unit: i.unit, value: values[i.code] ?? null }));
}

const v = (figures: Figure[], code: string) => figures.find((f) => f.code === code)?.value ?? null;
const n = (x: number | null) => (x === null ? "chưa có số liệu" : viNumber(x));
const pct = (x: number | null) => (x === null ? "chưa có số liệu" : viPercent(x));

/** The narrative with the figures written into Vietnamese sentences; every section stays editable. */
export function defaultSections(b: CreateReportBody, unitName: string, figures: Figure[]): Section[] {
  const f = (c: string) => v(figures, c);
  const period = REPORT_TEMPLATE_LABELS[b.template].replace("Báo cáo ", "");
  const propaganda =
    `Trong kỳ, ${unitName} đã tổ chức ${n(f("activities.count"))} buổi tuyên truyền, sinh hoạt, hoạt động ` +
    `với ${n(f("activities.attendees"))} lượt người và ${n(f("activities.households"))} lượt hộ tham dự; ` +
    `tuyên truyền cho ${n(f("activities.students"))} lượt học sinh, sinh viên; phát hành ${n(f("activities.leaflets"))} tờ rơi; ` +
    `thực hiện ${n(f("activities.panels"))} pa nô, ${n(f("activities.slogans"))} khẩu hiệu; ` +
    `đưa ${n(f("activities.broadcast_items"))} tin, bài với ${n(f("activities.broadcast_hours"))} giờ phát thanh.`;
  const models =
    `Toàn địa bàn hiện có ${n(f("groups.count"))} tổ, mô hình tự phòng, tự quản (${n(f("groups.teams"))} tổ, ` +
    `${n(f("groups.models"))} mô hình) với ${n(f("groups.members"))} thành viên. ` +
    `Có ${n(f("households.signed"))}/${n(f("households.count"))} hộ gia đình ký cam kết, đạt tỷ lệ ${pct(f("households.commitment_rate"))}; ` +
    `tỷ lệ hộ hội viên, đoàn viên ký cam kết đạt ${pct(f("households.member_commitment_rate"))}.`;
  const security =
    `Qua phong trào, Nhân dân đã cung cấp ${n(f("tips.received"))} tin báo, tố giác tội phạm; ` +
    `giúp giải quyết ${n(f("tips.solved"))} vụ việc, bắt giữ ${n(f("tips.arrests"))} đối tượng. ` +
    `Tỷ lệ khu dân cư đạt tiêu chuẩn “An toàn về an ninh, trật tự” ${pct(f("certification.residential_area_rate"))}; ` +
    `xã, phường ${pct(f("certification.commune_rate"))}; cơ quan, doanh nghiệp, nhà trường ${pct(f("certification.agency_rate"))}.`;
  return [
    {
      key: "situation",
      title: "I. TÌNH HÌNH CHUNG",
      text: `Đánh giá chung tình hình an ninh, trật tự trên địa bàn trong ${period.toLowerCase()}.`,
    },
    {
      key: "propaganda",
      title: "II. KẾT QUẢ THỰC HIỆN — 1. Công tác tuyên truyền, vận động",
      text: propaganda,
    },
    { key: "models", title: "2. Xây dựng, nhân rộng mô hình, hộ gia đình cam kết", text: models },
    { key: "security", title: "3. Kết quả bảo đảm an ninh, trật tự", text: security },
    { key: "assessment", title: "III. ĐÁNH GIÁ CHUNG — ưu điểm, hạn chế, nguyên nhân", text: "" },
    { key: "next", title: "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", text: "" },
    { key: "proposals", title: "V. ĐỀ XUẤT, KIẾN NGHỊ", text: "" },
  ];
}
