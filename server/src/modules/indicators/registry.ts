import { INDICATORS, type BodyKind, type IndicatorCode } from "@toandan/contracts";
import type { Db } from "../../db/client";
import { activityTotals } from "../activities";
import { agencyRate, communeRate, residentialAreaRate } from "../certification";
import { groupTotals } from "../groups";
import { commitmentCoverage } from "../households";

/** Where and when an indicator is measured. */
export type IndicatorScope = {
  /** Rollup path of the unit: records of its whole subtree (and of pre-reform units merged into it). */
  rollupPathPrefix: string;
  year: number;
  /** Count only what this body organised or, for member households, this organisation's members. */
  bodyKind?: BodyKind | undefined;
  /** Stock indicators (groups, households) are read on this date: the year's end or today. */
  asOf: string;
};

type Compute = (db: Db, scope: IndicatorScope) => Promise<number | null>;

const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year}-12-31` });

function activityFigure(field: keyof Awaited<ReturnType<typeof activityTotals>>): Compute {
  return async (db, s) => {
    const totals = await activityTotals(db, {
      rollupPathPrefix: s.rollupPathPrefix,
      ...yearRange(s.year),
      bodyKind: s.bodyKind,
    });
    return Number(totals[field]);
  };
}

async function coverage(db: Db, s: IndicatorScope) {
  return commitmentCoverage(db, { rollupPathPrefix: s.rollupPathPrefix, year: s.year });
}

/** How each indicator of the registry is computed; `null` means the source has no data (yet). */
const COMPUTE: Record<IndicatorCode, Compute> = {
  "activities.count": activityFigure("activities"),
  "activities.attendees": activityFigure("attendees"),
  "activities.households": activityFigure("households"),
  "activities.students": activityFigure("students"),
  "activities.leaflets": activityFigure("leaflets"),
  "activities.panels": activityFigure("panels"),
  "activities.slogans": activityFigure("slogans"),
  "activities.broadcast_items": activityFigure("broadcastItems"),
  "activities.broadcast_hours": activityFigure("broadcastHours"),
  "groups.count": async (db, s) =>
    (await groupTotals(db, { rollupPathPrefix: s.rollupPathPrefix, at: s.asOf })).groups,
  "groups.members": async (db, s) =>
    (await groupTotals(db, { rollupPathPrefix: s.rollupPathPrefix, at: s.asOf })).members,
  "households.count": async (db, s) => (await coverage(db, s)).households,
  "households.commitment_rate": async (db, s) => (await coverage(db, s)).rate,
  "households.member_commitment_rate": async (db, s) => {
    const c = await coverage(db, s);
    if (!s.bodyKind) return c.memberRate;
    const org = c.byOrg.find((o) => o.kind === s.bodyKind);
    return !org || org.members === 0 ? null : Math.round((org.signed / org.members) * 10_000) / 10_000;
  },
  // Null when no unit of the type has a cycle in the scope and year: no data, never a made-up number.
  "certification.residential_area_rate": residentialAreaRate,
  "certification.commune_rate": communeRate,
  "certification.agency_rate": agencyRate,
};

export function listIndicators() {
  return INDICATORS;
}

export function computeIndicator(db: Db, code: IndicatorCode, scope: IndicatorScope): Promise<number | null> {
  return COMPUTE[code](db, scope);
}
