// Seed data of the certification module: the criteria of Circular 124/2021/TT-BCA art. 4–7
// (version "TT124/2021"), the windows, deadlines and recognising authorities per unit type, and a
// placeholder scoring sheet for the movement classification of Decision 510/QĐ-BCA-V05.
// The national criteria stay as shipped (a new national text is a new version here); a province's
// extra criteria and recognising authorities are versions made with updateCertificationCriteria.
import type { CertificationUnitType, ScoringSheet } from "@toandan/contracts";
import type { Db } from "../../db/client";
import {
  certificationCriteria,
  certificationCriteriaVersions,
  certificationRules,
  movementScoringSheets,
} from "./certification.table";

export const CRITERIA_VERSION = "TT124/2021";
export const TT124 = "Thông tư 124/2021/TT-BCA";
/** The national version: the Circular's text as shipped, in force from 10/02/2022 (domain-rules §1a.1 [V]). */
export const NATIONAL_VERSION = {
  label: CRITERIA_VERSION,
  effectiveFrom: "2022-02-10",
  basis: TT124,
} as const;

/** How the system judges a criterion from records; null means people judge it alone. */
export type EvidenceKey =
  | "registration"
  | "security_events"
  | "crime_prevention"
  | "grassroots_force"
  | "commune_police"
  | "children"
  | "school_safety";

type CriterionSeed = {
  code: string;
  article: string;
  titleVi: string;
  titleEn: string;
  evidenceKey: EvidenceKey | null;
};

const POLICY = {
  vi: "Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước và quy định về bảo đảm ANTT ở địa phương",
  en: "Full implementation of Party and State policy, law and local security rules",
};

const RESIDENTIAL: CriterionSeed[] = [
  {
    code: "ra.1",
    article: "Điều 4 khoản 1",
    titleVi:
      "Quý I: chi bộ có nghị quyết, khu dân cư đăng ký phấn đấu, 100% hộ gia đình đang cư trú đăng ký tham gia",
    titleEn: "Q1: Party cell resolution, area registered, 100% of resident households registered",
    evidenceKey: "registration",
  },
  { code: "ra.2", article: "Điều 4 khoản 2", titleVi: POLICY.vi, titleEn: POLICY.en, evidenceKey: null },
  {
    code: "ra.3",
    article: "Điều 4 khoản 3",
    titleVi:
      "Không xảy ra hoạt động chống Đảng, chính quyền, phá hoại, tuyên truyền tôn giáo trái pháp luật, ly khai, mâu thuẫn phức tạp kéo dài, tụ tập đông người",
    titleEn: "None of the security events of points a–g",
    evidenceKey: "security_events",
  },
  {
    code: "ra.4",
    article: "Điều 4 khoản 4",
    titleVi:
      "Kéo giảm tội phạm, tệ nạn xã hội so với năm trước; không xảy ra tội phạm nghiêm trọng trở lên, tụ điểm phức tạp mới, người mắc tệ nạn mới, cháy nổ nghiêm trọng",
    titleEn: "Crime and social evils reduced; no serious crime, new hotspot, new addict or serious fire",
    evidenceKey: "crime_prevention",
  },
  {
    code: "ra.5",
    article: "Điều 4 khoản 5",
    titleVi:
      "Lực lượng tham gia bảo vệ ANTT ở cơ sở xếp loại hoàn thành nhiệm vụ trở lên, không có thành viên bị kỷ luật",
    titleEn: "Grassroots security force rated at least “completed duties”, nobody disciplined",
    evidenceKey: "grassroots_force",
  },
];

const COMMUNE: CriterionSeed[] = [
  {
    code: "cm.1",
    article: "Điều 5 khoản 1",
    titleVi:
      "Quý I: Đảng ủy có nghị quyết, UBND có kế hoạch và đăng ký phấn đấu; có ít nhất 01 mô hình phong trào hoạt động hiệu quả",
    titleEn: "Q1: Party committee resolution, People's Committee plan and registration; ≥ 1 effective model",
    evidenceKey: "registration",
  },
  {
    code: "cm.2",
    article: "Điều 5 khoản 2",
    titleVi:
      "Đạt các tiêu chí tại khoản 2, 3, 4 Điều 4 (chấp hành chính sách, không xảy ra vụ việc, kéo giảm tội phạm)",
    titleEn: "Clauses 2, 3 and 4 of Art. 4 are met",
    evidenceKey: "crime_prevention",
  },
  {
    code: "cm.3",
    article: "Điều 5 khoản 3",
    titleVi: "Công an xã chủ động nắm tình hình, tham mưu; không có cán bộ, chiến sĩ bị kỷ luật",
    titleEn: "Commune police know the situation and advise; nobody disciplined",
    // Art. 5.3 is about the commune police, not the grassroots teams of Art. 4.5.
    evidenceKey: "commune_police",
  },
  {
    code: "cm.4",
    article: "Điều 5 khoản 4",
    titleVi:
      "100% khu dân cư, cơ quan, doanh nghiệp, cơ sở giáo dục trên địa bàn đăng ký; ít nhất 70% được công nhận đạt tiêu chuẩn",
    titleEn: "100% of its units registered and at least 70% recognised",
    evidenceKey: "children",
  },
];

function agencyLike(prefix: string): CriterionSeed[] {
  return [
    {
      code: `${prefix}.1`,
      article: "Điều 6 khoản 1",
      titleVi:
        "Quý I: có nghị quyết, kế hoạch, đăng ký; có nội quy bảo vệ; 100% cán bộ, người lao động được quán triệt; ít nhất 01 mô hình hiệu quả",
      titleEn: "Q1: resolution, plan, registration, internal rules, 100% briefed, ≥ 1 effective model",
      evidenceKey: "registration",
    },
    {
      code: `${prefix}.2`,
      article: "Điều 6 khoản 2",
      titleVi:
        "Chấp hành chính sách, pháp luật, chương trình phối hợp với Công an và quy định ANTT ở địa phương",
      titleEn: "Policy, law and any coordination programme with the Police implemented",
      evidenceKey: null,
    },
    {
      code: `${prefix}.3`,
      article: "Điều 6 khoản 3",
      titleVi:
        "Không xảy ra tuyên truyền tôn giáo trái pháp luật, đình công trái pháp luật, tội phạm nghiêm trọng, lộ bí mật nhà nước, cháy nổ nghiêm trọng",
      titleEn: "None of the events of Art. 6.3 a–h",
      evidenceKey: "security_events",
    },
    {
      code: `${prefix}.4`,
      article: "Điều 6 khoản 4",
      titleVi:
        "Lực lượng bảo vệ đạt “Tập thể lao động tiên tiến” hoặc “Hoàn thành tốt nhiệm vụ”; không ai bị kỷ luật từ cảnh cáo",
      titleEn: "Protection force rated “completed duties well” or better; nobody disciplined",
      evidenceKey: "grassroots_force",
    },
    {
      code: `${prefix}.5`,
      article: "Điều 6 khoản 5",
      titleVi: "Ít nhất 70% đơn vị trực thuộc đạt danh hiệu hoặc xếp loại tương ứng",
      titleEn: "At least 70% of sub-units reach the same title or rating",
      evidenceKey: null,
    },
  ];
}

const SCHOOL: CriterionSeed[] = [
  {
    code: "sc.1",
    article: "Điều 7 khoản 1",
    titleVi:
      "Quý I: có nghị quyết, kế hoạch, đăng ký; có nội quy; 100% cán bộ, giáo viên, người học được quán triệt; ít nhất 01 mô hình hiệu quả",
    titleEn: "Q1: resolution, plan, registration, rules, 100% of staff and learners briefed, ≥ 1 model",
    evidenceKey: "registration",
  },
  {
    code: "sc.2",
    article: "Điều 7 khoản 2",
    titleVi: "Chấp hành chính sách, pháp luật; phối hợp với Ban Đại diện cha mẹ học sinh quản lý học sinh",
    titleEn: "Policy and law implemented; coordination with the Parents' Representative Board",
    evidenceKey: null,
  },
  {
    code: "sc.3",
    article: "Điều 7 khoản 3",
    titleVi: "Không xảy ra các trường hợp tại điểm a, b, c, đ, e, g khoản 3 Điều 6",
    titleEn: "None of the cases of Art. 6.3 a, b, c, đ, e, g",
    evidenceKey: "security_events",
  },
  {
    code: "sc.4",
    article: "Điều 7 khoản 4",
    titleVi: "Không xảy ra bạo lực học đường; không có cán bộ, giáo viên, người học phạm tội",
    titleEn: "No school violence; no staff member or learner commits a crime",
    evidenceKey: "school_safety",
  },
  {
    code: "sc.5",
    article: "Điều 7 khoản 5",
    titleVi: "Lực lượng bảo vệ (nếu có) đạt “Hoàn thành tốt nhiệm vụ” trở lên; không ai bị kỷ luật",
    titleEn: "Protection force (if any) rated “completed duties well” or better",
    evidenceKey: "grassroots_force",
  },
  {
    code: "sc.6",
    article: "Điều 7 khoản 6",
    titleVi: "Ít nhất 70% đơn vị trực thuộc đạt danh hiệu hoặc xếp loại tương ứng",
    titleEn: "At least 70% of sub-units reach the same title or rating",
    evidenceKey: null,
  },
];

export const CRITERIA_SEED: Record<CertificationUnitType, CriterionSeed[]> = {
  residential_area: RESIDENTIAL,
  commune: COMMUNE,
  agency: agencyLike("ag"),
  enterprise: agencyLike("en"),
  school: SCHOOL,
};

type RuleSeed = Omit<typeof certificationRules.$inferInsert, "id" | "provinceId">;
const OTHER_WINDOW = { windowStart: "11-16", windowEnd: "11-15", registrationDeadline: "03-31" };

export const RULES_SEED: RuleSeed[] = [
  {
    unitType: "residential_area",
    windowStart: "11-01",
    windowEnd: "10-31",
    registrationDeadline: "03-31",
    decisionDeadline: "11-15",
    recognisingAuthority: "Chủ tịch Ủy ban nhân dân cấp xã",
    authorityVerified: true,
    childRecognisedThreshold: null,
    source: `${TT124}, Điều 8.2, 9.1.a, 10`,
  },
  {
    unitType: "commune",
    ...OTHER_WINDOW,
    decisionDeadline: "11-20",
    // The 2021 text names the district chairman; the district level was abolished on 1/7/2025 and
    // the replacement authority (Circular 48/2025) is unverified — domain-rules §1f.7 [?].
    recognisingAuthority: "Chủ tịch Ủy ban nhân dân cấp tỉnh",
    authorityVerified: false,
    childRecognisedThreshold: 0.7,
    source: `${TT124}, Điều 5.4, 8.2, 9.1.b; Thông tư 48/2025/TT-BCA [?]`,
  },
  ...(["agency", "enterprise", "school"] as const).map((unitType) => ({
    unitType,
    ...OTHER_WINDOW,
    decisionDeadline: "11-20",
    recognisingAuthority: "Chủ tịch Ủy ban nhân dân cấp xã (đơn vị do xã quản lý)",
    authorityVerified: true,
    childRecognisedThreshold: null,
    source: `${TT124}, Điều 8.2, 9.1.c, 10`,
  })),
];

/**
 * Decision 510/QĐ-BCA-V05's criteria, weights and thresholds were not retrieved (domain-rules §1g.4
 * [?]): this sheet is a placeholder a province replaces with its own, marked unverified.
 */
export const DEFAULT_SCORING_SHEET: ScoringSheet = {
  code: "qd510-placeholder",
  version: "2022",
  nameVi: "Phiếu chấm điểm phân loại phong trào",
  source: "Quyết định 510/QĐ-BCA-V05 (20/01/2022) — tiêu chí chi tiết chưa thu thập được",
  verified: false,
  criteria: [
    { code: "leadership", label: "Lãnh đạo, chỉ đạo, xây dựng kế hoạch", maxPoints: 20 },
    { code: "propaganda", label: "Tuyên truyền, vận động quần chúng", maxPoints: 20 },
    { code: "models", label: "Xây dựng, nhân rộng mô hình, điển hình tiên tiến", maxPoints: 20 },
    { code: "results", label: "Kết quả phòng ngừa, phát hiện, tố giác tội phạm", maxPoints: 30 },
    { code: "commendation", label: "Sơ kết, tổng kết, khen thưởng", maxPoints: 10 },
  ],
  thresholds: { excellent: 90, good: 70, average: 50 },
};

/** Inserts the catalogue, rules and the placeholder sheet once; re-running changes nothing. */
export async function seedCertificationCatalogue(db: Db): Promise<void> {
  const criteria = Object.entries(CRITERIA_SEED).flatMap(([unitType, list]) =>
    list.map((c, i) => ({ ...c, unitType, version: CRITERIA_VERSION, sortOrder: i + 1 })),
  );
  await db.insert(certificationCriteria).values(criteria).onConflictDoNothing();
  const existing = await db.select({ t: certificationRules.unitType }).from(certificationRules);
  const have = new Set(existing.map((r) => r.t));
  const missing = RULES_SEED.filter((r) => !have.has(r.unitType));
  if (missing.length > 0) await db.insert(certificationRules).values(missing);
  await db
    .insert(certificationCriteriaVersions)
    .values({ ...NATIONAL_VERSION })
    .onConflictDoNothing();
  await db
    .insert(movementScoringSheets)
    .values({ ...DEFAULT_SCORING_SHEET })
    .onConflictDoNothing();
}
