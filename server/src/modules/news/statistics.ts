import { todayInVietnam } from "@toandan/contracts";
import type { PublicStatistics, ShownCount } from "@toandan/contracts";
import { SMALL_CELL_THRESHOLD } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { certificationRatesByChild } from "../certification";
import { activitiesByChild, groupsByChild, householdsByChild } from "../indicators";
import { shownCount } from "../citizen";

type Movement = PublicStatistics["totals"]["movement"];

/** Shown in place of a count hidden only so that a hidden small count cannot be worked out. */
export const SECONDARY_SUPPRESSION = "*";

/**
 * One column of counts by province with its total shown: 1–4 hidden ("<5"). A single hidden cell
 * could be worked out as the total minus the others, so then the smallest other non-zero cell is
 * hidden too (secondary suppression, shown "*").
 */
export function suppressColumn(values: number[]): ShownCount[] {
  const shown = values.map((v) => shownCount(v, false));
  const hidden = shown.filter((c) => c.suppressed).length;
  if (hidden === 1) {
    let k = -1;
    values.forEach((v, i) => {
      if (!shown[i]!.suppressed && v > 0 && (k < 0 || v < values[k]!)) k = i;
    });
    if (k >= 0) shown[k] = { value: null, display: SECONDARY_SUPPRESSION, suppressed: true };
  }
  return shown;
}

function movementOf(
  acts: Record<string, number | null> | undefined,
  households: Record<string, number | null> | undefined,
  groups: Record<string, number | null> | undefined,
  areaRate: number | null | undefined,
): Movement {
  return {
    activities: Number(acts?.["activities.count"] ?? 0),
    attendees: Number(acts?.["activities.attendees"] ?? 0),
    householdsSigned: Number(households?.["households.signed"] ?? 0),
    commitmentRate: households?.["households.commitment_rate"] ?? null,
    groups: Number(groups?.["groups.count"] ?? 0),
    areaCertificationRate: areaRate ?? null,
  };
}

/**
 * Public figures by province: tips and feedback received and answered (all time; small cells
 * suppressed), and the movement's figures of the current year from the rollups.
 */
export async function publicStatistics(db: Db): Promise<PublicStatistics> {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  const [root] = await queryRows<{ path: string }>(
    db,
    sql`select path from org_units where kind = 'country' and valid_to is null limit 1`,
  );
  const path = root!.path;
  const [rows, acts, households, groups, certs] = await Promise.all([
    queryRows<{
      provinceId: string;
      code: string | null;
      name: string;
      tips: number;
      feedback: number;
      answered: number;
    }>(
      db,
      sql`select p.id as "provinceId", p.code, p.full_name as name,
            (select count(*)::int from tips t where t.province_id = p.id) as tips,
            (select count(*)::int from feedback_items f where f.province_id = p.id) as feedback,
            (select count(*)::int from feedback_items f where f.province_id = p.id and f.status = 'answered') as answered
          from org_units p where p.kind = 'province' and p.valid_to is null order by p.sort_name`,
    ),
    activitiesByChild(db, path, `${year}-01-01`, `${year}-12-31`),
    householdsByChild(db, path, year),
    groupsByChild(db, path, today),
    certificationRatesByChild(db, { path, year }),
  ]);
  const column = (k: "tips" | "feedback" | "answered") => suppressColumn(rows.map((r) => r[k]));
  const [tips, feedback, answered] = [column("tips"), column("feedback"), column("answered")];
  const sum = (k: "tips" | "feedback" | "answered") => rows.reduce((a, r) => a + r[k], 0);
  return {
    threshold: SMALL_CELL_THRESHOLD,
    year,
    provinces: rows.map((r, i) => ({
      provinceId: r.provinceId,
      code: r.code,
      name: r.name,
      tips: tips[i]!,
      feedback: feedback[i]!,
      feedbackAnswered: answered[i]!,
      movement: movementOf(
        acts.get(r.provinceId),
        households.get(r.provinceId),
        groups.get(r.provinceId),
        certs.get(r.provinceId)?.["certification.residential_area_rate"],
      ),
    })),
    totals: {
      tips: shownCount(sum("tips"), false),
      feedback: shownCount(sum("feedback"), false),
      feedbackAnswered: shownCount(sum("answered"), false),
      movement: movementOf(
        acts.get(""),
        households.get(""),
        groups.get(""),
        certs.get("")?.["certification.residential_area_rate"],
      ),
    },
  };
}
