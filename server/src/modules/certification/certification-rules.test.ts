import { describe, expect, it } from "vitest";
import { CODE_LENGTH, newCertificateCode, normaliseCode } from "./certificate-code";
import { DEFAULT_SCORING_SHEET, RULES_SEED } from "./certification.catalogue";
import { disqualifies } from "./certification.evidence";
import { daysBetween, periodOf } from "./certification.rules";
import { levelOf } from "./commands/classify-movement";

const rule = (unitType: string) =>
  ({ id: "x", provinceId: null, ...RULES_SEED.find((r) => r.unitType === unitType)! }) as never;

describe("windows and deadlines from the configured rules", () => {
  it("puts a residential area's window from 1/11 of the previous year to 31/10, decision by 15/11", () => {
    expect(periodOf(rule("residential_area"), 2026)).toEqual({
      windowFrom: "2025-11-01",
      windowTo: "2026-10-31",
      registrationDeadline: "2026-03-31",
      decisionDeadline: "2026-11-15",
    });
  });
  it("puts the others' window from 16/11 to 15/11, decision by 20/11", () => {
    expect(periodOf(rule("school"), 2026)).toMatchObject({
      windowFrom: "2025-11-16",
      windowTo: "2026-11-15",
      decisionDeadline: "2026-11-20",
    });
  });
  it("counts days across a month", () => {
    expect(daysBetween("2026-10-30", "2026-11-15")).toBe(16);
    expect(daysBetween("2026-11-20", "2026-11-15")).toBe(-5);
  });
  it("marks the post-2025 commune authority as unverified", () => {
    expect(RULES_SEED.find((r) => r.unitType === "commune")).toMatchObject({
      authorityVerified: false,
      childRecognisedThreshold: 0.7,
    });
  });
});

describe("certificate codes", () => {
  it("are 16 Crockford symbols (80 bits) and do not repeat", () => {
    const codes = new Set(Array.from({ length: 2000 }, newCertificateCode));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CODE_LENGTH}}$`));
  });
  it("are read back whatever the case, dashes and look-alike letters", () => {
    expect(normaliseCode("abcd-efgh-jkmn-pq0o")).toBe("ABCDEFGHJKMNPQ00");
    expect(normaliseCode("ilIL-0000-0000-0000")).toBe("1111000000000000");
    expect(normaliseCode("UUUU-0000-0000-0000")).toBeNull();
    expect(normaliseCode("ABC")).toBeNull();
  });
});

describe("events and the movement classification", () => {
  const crime = {
    kind: "serious_crime",
    severity: "serious",
    forceMajeure: false,
    reportedPromptly: false,
  } as const;
  it("judges events by the configured rule of their kind", () => {
    expect(disqualifies(crime, "residential_area")).toBe(true);
    expect(disqualifies({ ...crime, severity: "minor" }, "residential_area")).toBe(false);
    // Art. 4.4.b: force majeure excuses only with prompt detection, mitigation and reporting.
    expect(disqualifies({ ...crime, forceMajeure: true }, "residential_area")).toBe(true);
    expect(disqualifies({ ...crime, reportedPromptly: true }, "residential_area")).toBe(true);
    expect(disqualifies({ ...crime, forceMajeure: true, reportedPromptly: true }, "residential_area")).toBe(
      false,
    );
    // Art. 6.3.g: no exception for a fire at a school, whatever the flags.
    expect(
      disqualifies(
        { ...crime, kind: "fire_explosion_accident", forceMajeure: true, reportedPromptly: true },
        "school",
      ),
    ).toBe(true);
    // Art. 6.3.h: "cảnh cáo" or above only.
    const staff = { ...crime, kind: "staff_disciplined", severity: "minor" } as const;
    expect(disqualifies({ ...staff, disciplineLevel: "khien_trach" }, "agency")).toBe(false);
    expect(disqualifies({ ...staff, disciplineLevel: "canh_cao" }, "agency")).toBe(true);
    expect(disqualifies({ ...staff, disciplineLevel: "cach_chuc" }, "enterprise")).toBe(true);
    // Art. 5 does not import Art. 4.5: a team member's discipline is not the commune's.
    expect(
      disqualifies({ ...staff, kind: "member_disciplined", disciplineLevel: "canh_cao" }, "commune"),
    ).toBe(false);
    expect(
      disqualifies({ ...crime, kind: "fire_explosion_accident", reportedPromptly: true }, "school"),
    ).toBe(true);
    expect(disqualifies({ ...crime, kind: "unlawful_strike" }, "residential_area")).toBe(false);
    expect(disqualifies({ ...crime, kind: "unlawful_strike" }, "enterprise")).toBe(true);
  });
  it("levels a total by the sheet's thresholds", () => {
    const t = DEFAULT_SCORING_SHEET.thresholds;
    expect([90, 89.5, 70, 50, 49].map((n) => levelOf(n, t))).toEqual([
      "excellent",
      "good",
      "good",
      "average",
      "below_average",
    ]);
  });
});
