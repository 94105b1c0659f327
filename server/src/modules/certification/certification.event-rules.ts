// How each disqualifying event counts under Circular 124/2021/TT-BCA (Art. 4.3–4.5, 5.2–5.3, 6.3–6.4,
// 7.3–7.5): per event kind and unit type, the criterion it hits, the lowest severity, the force
// majeure exception as the article words it, and the article itself (shown as "Căn cứ: …").
import type { CertificationUnitType, DisqualifyingEventKind, EventSeverity } from "@toandan/contracts";
import { TT124, type EvidenceKey } from "./certification.catalogue";

/**
 * How the force majeure exception applies to an event (Circular 124/2021):
 * - "none": no exception (Art. 4.3, 6.3 a–e, g, h, 7.4);
 * - "force_majeure": excused by force majeure alone (Art. 4.4.d: fire, explosion, fatal accident
 *   "trừ trường hợp bất khả kháng");
 * - "force_majeure_handled": excused only by force majeure AND prompt detection, mitigation and
 *   reporting (Art. 4.4.b, applied to agencies by 6.3.đ and to schools by 7.3): "trừ trường hợp bất
 *   khả kháng; nếu xảy ra phải phát hiện kịp thời, hạn chế thiệt hại, báo cáo ngay" — the second
 *   half is a condition on the exception, never an excuse by itself.
 */
export type Excuse = "none" | "force_majeure" | "force_majeure_handled";

export type EventRule = {
  evidence: EvidenceKey;
  minSeverity: EventSeverity;
  excuse: Excuse;
  /** Counts only discipline of "cảnh cáo" or above (Art. 6.3.h, 6.4, 7.4, 7.5); else any form. */
  warningOrAbove: boolean;
  /** The article and clause the rule comes from, shown as "Căn cứ: …". */
  basis: string;
};

const rule = (
  evidence: EvidenceKey,
  basis: string,
  opts: Partial<Pick<EventRule, "minSeverity" | "excuse" | "warningOrAbove">> = {},
): EventRule => ({
  evidence,
  minSeverity: opts.minSeverity ?? "minor",
  excuse: opts.excuse ?? "none",
  warningOrAbove: opts.warningOrAbove ?? false,
  basis: `${TT124}, ${basis}`,
});
type ByType = Partial<Record<CertificationUnitType, EventRule>>;
/** Art. 5.2 applies clauses 2–4 of Art. 4 to a commune: its area's events count for it. */
const area = (r: EventRule): ByType => ({
  residential_area: r,
  commune: { ...r, evidence: "crime_prevention", basis: `${r.basis} (Điều 5 khoản 2)` },
});
/** Art. 6.3 for agencies and enterprises; Art. 7.3 applies points a, b, c, đ, e, g to schools. */
const work = (r: EventRule, school = true): ByType => ({
  agency: r,
  enterprise: r,
  ...(school ? { school: { ...r, basis: `${r.basis} (Điều 7 khoản 3)` } } : {}),
});

/**
 * Which unit types an event of each kind concerns, which criterion it hits, the lowest severity
 * that counts, and its exception — per the article of Circular 124/2021 that names it.
 * A unit type not listed for a kind is not affected by it.
 */
export const EVENT_RULES: Record<DisqualifyingEventKind, ByType> = {
  anti_state_activity: area(rule("security_events", "Điều 4 khoản 3 điểm a")),
  sabotage: area(rule("security_events", "Điều 4 khoản 3 điểm b")),
  unlawful_religion: {
    ...area(rule("security_events", "Điều 4 khoản 3 điểm c")),
    ...work(rule("security_events", "Điều 6 khoản 3 điểm a")),
  },
  exploiting_religion_ethnicity: {
    ...area(rule("security_events", "Điều 4 khoản 3 điểm d")),
    ...work(rule("security_events", "Điều 6 khoản 3 điểm b")),
  },
  separatism: area(rule("security_events", "Điều 4 khoản 3 điểm đ")),
  prolonged_conflict: area(rule("security_events", "Điều 4 khoản 3 điểm e")),
  incited_gathering: {
    ...area(rule("security_events", "Điều 4 khoản 3 điểm g")),
    ...work(rule("security_events", "Điều 6 khoản 3 điểm c")),
  },
  serious_crime: {
    ...area(
      rule("crime_prevention", "Điều 4 khoản 4 điểm b", {
        minSeverity: "serious",
        excuse: "force_majeure_handled",
      }),
    ),
    // Art. 6.3.đ: "tội phạm nghiêm trọng trở lên" with the same exception as Art. 4.4.b.
    ...work(
      rule("security_events", "Điều 6 khoản 3 điểm đ", {
        minSeverity: "serious",
        excuse: "force_majeure_handled",
      }),
    ),
  },
  new_hotspot: area(rule("crime_prevention", "Điều 4 khoản 4 điểm c")),
  new_social_evil_person: area(rule("crime_prevention", "Điều 4 khoản 4 điểm c")),
  fire_explosion_accident: {
    ...area(
      rule("crime_prevention", "Điều 4 khoản 4 điểm d", { minSeverity: "serious", excuse: "force_majeure" }),
    ),
    // Art. 6.3.g names no exception: force majeure does not excuse a fire at an agency or school.
    ...work(rule("security_events", "Điều 6 khoản 3 điểm g", { minSeverity: "serious" })),
  },
  unlawful_strike: work(rule("security_events", "Điều 6 khoản 3 điểm d"), false),
  state_secret_breach: work(rule("security_events", "Điều 6 khoản 3 điểm e")),
  school_violence: { school: rule("school_safety", "Điều 7 khoản 4") },
  member_disciplined: {
    // Art. 4.5: any discipline of a grassroots force member. Art. 5 does not import 4.5.
    residential_area: rule("grassroots_force", "Điều 4 khoản 5"),
    agency: rule("grassroots_force", "Điều 6 khoản 4", { warningOrAbove: true }),
    enterprise: rule("grassroots_force", "Điều 6 khoản 4", { warningOrAbove: true }),
    school: rule("grassroots_force", "Điều 7 khoản 5", { warningOrAbove: true }),
  },
  // Art. 5.3: "không có cán bộ, chiến sĩ bị kỷ luật" — any form, the commune police only.
  commune_police_disciplined: { commune: rule("commune_police", "Điều 5 khoản 3") },
  staff_disciplined: {
    ...work(rule("security_events", "Điều 6 khoản 3 điểm h", { warningOrAbove: true }), false),
    school: rule("school_safety", "Điều 7 khoản 4", { warningOrAbove: true }),
  },
};
