import {
  todayInVietnam,
  CERTIFICATION_STEPS,
  type CertificationStatus,
  type CertificationStep,
  type CertificationUnitType,
  type Permission,
} from "@toandan/contracts";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import { scopePrefixes, type Actor } from "../../kernel/authz";
import { forbidden, invalidTransition, validationFailed } from "../../kernel/errors";
import { certificationRules } from "./certification.table";
import { provinceVersionOn } from "./certification.versions";

export type CertificationRule = typeof certificationRules.$inferSelect;

const UNIT_TYPES: Record<string, CertificationUnitType> = {
  residential_area: "residential_area",
  commune: "commune",
  agency: "agency",
  enterprise: "enterprise",
  school: "school",
};

/** The certification unit type of an org unit kind, or 400 for kinds that are not certified. */
export function unitTypeOf(kind: string): CertificationUnitType {
  const t = UNIT_TYPES[kind];
  if (!t) {
    throw validationFailed([
      {
        path: "orgUnitId",
        message:
          "Chỉ khu dân cư, xã/phường/đặc khu, cơ quan, doanh nghiệp, cơ sở giáo dục được xét công nhận",
      },
    ]);
  }
  return t;
}

/**
 * The province's rule for a unit type, else the national one (configuration rows), with the
 * recognising authority of the province's criteria version in force on `on` where it names one
 * (Art. 10; the post-2025 authority is unverified, domain-rules §1f.7, so provinces set it).
 */
export async function ruleFor(
  db: Db,
  unitType: CertificationUnitType,
  provinceId: string | null,
  on: string = todayInVietnam(),
): Promise<CertificationRule> {
  const rows = await db
    .select()
    .from(certificationRules)
    .where(
      and(
        eq(certificationRules.unitType, unitType),
        provinceId
          ? or(isNull(certificationRules.provinceId), eq(certificationRules.provinceId, provinceId))
          : isNull(certificationRules.provinceId),
      ),
    );
  const rule = rows.find((r) => r.provinceId !== null) ?? rows[0];
  if (!rule) throw new Error(`no certification rule for ${unitType}`);
  const authority = (await provinceVersionOn(db, provinceId, on))?.authorities[unitType];
  return authority ? { ...rule, ...authority } : rule;
}

/** The evaluation window and deadlines of a year: a start after the end lies in the previous year. */
export function periodOf(rule: CertificationRule, year: number) {
  const startYear = rule.windowStart > rule.windowEnd ? year - 1 : year;
  return {
    windowFrom: `${startYear}-${rule.windowStart}`,
    windowTo: `${year}-${rule.windowEnd}`,
    registrationDeadline: `${year}-${rule.registrationDeadline}`,
    decisionDeadline: `${year}-${rule.decisionDeadline}`,
  };
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function heldAt(actor: Actor, permission: Permission, unitPath: string, level: "unit" | "above"): boolean {
  return scopePrefixes(actor, permission).some(
    (p) => unitPath.startsWith(p) && (level === "unit" || p !== unitPath),
  );
}

/**
 * Checks a step against the transition table: 409 when the cycle's status does not allow it,
 * 403 when the caller does not hold the step's permission at the step's level.
 */
export function assertStep(actor: Actor, step: CertificationStep, status: string, unitPath: string) {
  const t = CERTIFICATION_STEPS.find((x) => x.step === step)!;
  if (!(t.from as readonly string[]).includes(status)) {
    throw invalidTransition(status, t.to.join(" | "));
  }
  if (!heldAt(actor, t.permission, unitPath, t.level)) {
    throw forbidden(
      t.level === "above"
        ? "Bước này do cấp trên của đơn vị (Thường trực Ban Chỉ đạo, cấp có thẩm quyền) thực hiện."
        : undefined,
    );
  }
}

/** Steps the caller may take now. */
export function allowedSteps(actor: Actor, status: CertificationStatus, unitPath: string): string[] {
  return CERTIFICATION_STEPS.filter(
    (t) => (t.from as readonly string[]).includes(status) && heldAt(actor, t.permission, unitPath, t.level),
  ).map((t) => t.step);
}
