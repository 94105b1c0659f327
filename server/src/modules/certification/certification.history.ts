// The rules of a past year's result (2013–2025) at the unit of its time, shared by the one-by-one
// command and the CSV import: the unit existed that year, the type matches, one result per unit
// and year (and none where the yearly cycle already holds that year).
import {
  todayInVietnam,
  type CertificationUnitType,
  type RecordCertificationHistoryBody,
  formatVnDate,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { UnitRow } from "../org-units";
import { certificationHistory } from "./certification.table";

/** Org-unit kinds that are certified (Circular 124/2021 art. 1.2; Circular 23/2012 art. 1 before it). */
const UNIT_TYPES: Record<string, CertificationUnitType> = {
  residential_area: "residential_area",
  commune: "commune",
  agency: "agency",
  enterprise: "enterprise",
  school: "school",
};

export const UNIT_TYPE_NAMES: Record<CertificationUnitType, string> = {
  residential_area: "khu dân cư",
  commune: "xã, phường, thị trấn",
  agency: "cơ quan",
  enterprise: "doanh nghiệp",
  school: "cơ sở giáo dục",
};

export type HistoryUnit = Pick<
  UnitRow,
  "id" | "kind" | "fullName" | "path" | "rollupPath" | "validFrom" | "validTo" | "isOfficial"
>;

/**
 * What is wrong with recording `year` at `unit`, as messages (empty when nothing).
 *
 * Validity: an official unit must have existed during the year (`valid_from`/`valid_to` of the
 * org-units tree: pre-reform communes end on 30/06/2025, today's begin on 01/07/2025 — Resolution
 * 202/2025/QH15 and the 2025 commune rearrangement resolutions). A local unit (khóm, ấp, tổ dân phố,
 * agency, school) carries as its start the day it was entered in the system, not its founding: thôn
 * and tổ dân phố were kept unchanged through the reform (Ministry of Home Affairs, 12/2025 —
 * domain-rules §8.6 [S]), so only its end is checked.
 */
export function unitYearIssues(
  unit: HistoryUnit,
  year: number,
  unitType?: CertificationUnitType,
): { path: "orgUnitId" | "year" | "unitType"; message: string }[] {
  const own = UNIT_TYPES[unit.kind];
  if (!own) {
    return [
      {
        path: "orgUnitId",
        message: `${unit.fullName} không phải khu dân cư, xã/phường/thị trấn, cơ quan, doanh nghiệp hay cơ sở giáo dục`,
      },
    ];
  }
  const issues: { path: "orgUnitId" | "year" | "unitType"; message: string }[] = [];
  if (unitType && unitType !== own) {
    issues.push({
      path: "unitType",
      message: `${unit.fullName} là ${UNIT_TYPE_NAMES[own]}, không phải ${UNIT_TYPE_NAMES[unitType]}`,
    });
  }
  if (unit.isOfficial && unit.validFrom && unit.validFrom > `${year}-12-31`) {
    issues.push({
      path: "year",
      message: `${unit.fullName} chỉ có từ ${formatVnDate(unit.validFrom)}; kết quả năm ${year} ghi vào đơn vị trước sắp xếp đã hợp thành đơn vị này`,
    });
  }
  if (unit.validTo && unit.validTo < `${year}-01-01`) {
    issues.push({
      path: "year",
      message: `${unit.fullName} chỉ có đến ${formatVnDate(unit.validTo)}; không có kết quả năm ${year}`,
    });
  }
  return issues;
}

/** A decision for year Y is taken in Y (by 15/11 or 20/11, Circular 124/2021 art. 9) or, late, early Y+1. */
export function decisionDateIssue(year: number, decisionDate: string | undefined): string | null {
  if (!decisionDate) return null;
  if (decisionDate > todayInVietnam()) return "Ngày quyết định ở tương lai";
  if (decisionDate < `${year}-01-01` || decisionDate > `${year + 1}-12-31`) {
    return `Ngày quyết định phải trong năm ${year} hoặc năm ${year + 1}`;
  }
  return null;
}

/** Pairs (unit, year) already holding a past result, or a yearly cycle: "unitId|year" → which. */
export async function takenYears(
  db: Db,
  pairs: readonly { orgUnitId: string; year: number }[],
): Promise<Map<string, "history" | "cycle">> {
  if (pairs.length === 0) return new Map();
  const ids = sql.param(pairs.map((p) => p.orgUnitId));
  const years = sql.param(pairs.map((p) => p.year));
  const rows = await queryRows<{ key: string; src: "history" | "cycle" }>(
    db,
    sql`with p(unit_id, year) as (select * from unnest(${ids}::uuid[], ${years}::int[]))
        select h.org_unit_id || '|' || h.year as key, 'history' as src
          from certification_history h join p on p.unit_id = h.org_unit_id and p.year = h.year
        union all
        select c.org_unit_id || '|' || c.year, 'cycle'
          from certification_cycles c join p on p.unit_id = c.org_unit_id and p.year = c.year`,
  );
  return new Map(rows.map((r) => [r.key, r.src]));
}

export const takenMessage = (src: "history" | "cycle", year: number) =>
  src === "history"
    ? `Đơn vị đã có kết quả năm ${year}`
    : `Đơn vị đã có kỳ xét công nhận năm ${year}; kết quả ghi trong kỳ đó`;

export type HistoryInput = Omit<RecordCertificationHistoryBody, "orgUnitId" | "unitType">;

/** The row written for a checked result. */
export function historyRow(
  unit: HistoryUnit,
  input: HistoryInput,
  actorId: string,
): typeof certificationHistory.$inferInsert {
  return {
    orgUnitId: unit.id,
    unitPath: unit.path,
    rollupPath: unit.rollupPath,
    unitType: UNIT_TYPES[unit.kind]!,
    year: input.year,
    certified: input.certified,
    decisionNumber: input.decisionNumber ?? null,
    decisionDate: input.decisionDate ?? null,
    decisionAuthority: input.decisionAuthority ?? null,
    recordedBy: actorId,
  };
}
