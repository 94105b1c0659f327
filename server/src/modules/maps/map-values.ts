import {
  BOUNDARY_ATTRIBUTION_LINE,
  DEFAULT_MAP_INDICATOR,
  INDICATORS,
  MAP_FEATURED_INDICATORS,
  SMALL_CELL_THRESHOLD,
  TIPS_PER_10K,
  todayInVietnam,
  type IndicatorCode,
  type MapLayerCode,
  type MapBoundaries,
  type MapValues,
  type MapValuesQuery,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { forbidden } from "../../kernel/errors";
import { queryIndicators } from "../indicators";
import { loadUnit, populationsOn, validOn } from "../org-units";
import { isPolice, isPoliceOver } from "../tips";
import { boundaryUrl } from "./boundary-files";

const isTipFigure = (code: string) => code.startsWith("tips.");

/** The indicators a caller may map: the featured layers first, then the registry; tips for police only. */
export function mapIndicators(actor: Actor): MapLayerCode[] {
  const featured = new Set<string>(MAP_FEATURED_INDICATORS);
  const police = isPolice(actor);
  return [
    ...MAP_FEATURED_INDICATORS,
    ...INDICATORS.map((i) => i.code).filter((c) => !featured.has(c)),
  ].filter((c): c is MapLayerCode => police || !isTipFigure(c));
}

type Child = { id: string; code: string | null; kind: string; path: string };

/** What the map of a unit draws: the provinces, a province's communes, or a commune's own outline. */
async function boundariesOf(
  db: Db,
  unit: { kind: string; code: string | null; provinceId: string | null; validTo: string | null },
): Promise<MapBoundaries | null> {
  if (unit.validTo !== null) return null;
  if (unit.kind === "country") return { url: boundaryUrl("provinces"), object: "provinces", focus: null };
  if (unit.kind === "province" && unit.code) {
    const url = boundaryUrl("communes", unit.code);
    return url ? { url, object: "communes", focus: null } : null;
  }
  if (unit.kind === "commune" && unit.code && unit.provinceId) {
    const [province] = await queryRows<{ code: string | null }>(
      db,
      sql`select p.code from org_units p where p.id = ${unit.provinceId}`,
    );
    const url = province?.code ? boundaryUrl("communes", province.code) : null;
    return url ? { url, object: "communes", focus: unit.code } : null;
  }
  return null;
}

/**
 * An indicator of the year for each child of a unit the caller may read, keyed by the same official
 * codes as the boundary files. Tip figures are for police roles only (403 otherwise); a tip count of
 * 1–4 in an area outside the caller's police compartment is hidden, as everywhere else.
 */
export async function getMapValues(db: Db, actor: Actor, q: MapValuesQuery): Promise<MapValues> {
  const indicator: MapLayerCode = q.indicator ?? DEFAULT_MAP_INDICATOR;
  const perPeople = indicator === TIPS_PER_10K;
  // Per 10,000 people: the tips received, divided by each commune's recorded population.
  const counted: IndicatorCode = perPeople ? "tips.received" : indicator;
  const indicators = mapIndicators(actor);
  if (!indicators.includes(indicator)) {
    throw forbidden("Chỉ lực lượng Công an được xem bản đồ tin báo, tố giác");
  }
  const unit = await loadUnit(db, actor, q.orgUnitId, { permission: "indicator.read", scope: "rollup" });
  const today = todayInVietnam();
  // A pre-reform unit is drawn as its tree stood on its last day.
  const at = unit.validTo && unit.validTo < today ? unit.validTo : today;
  const [result, kids, boundaries] = await Promise.all([
    queryIndicators(db, actor, {
      indicators: [counted],
      orgUnitId: unit.id,
      from: `${q.year}-01-01`,
      to: `${q.year}-12-31`,
      groupBy: "child",
      at,
    }),
    queryRows<Child>(
      db,
      sql`select u.id, u.code, u.kind, u.path from org_units u
          where u.parent_id = ${unit.id} and ${validOn("u", at)}`,
    ),
    boundariesOf(db, unit),
  ]);
  const byId = new Map(kids.map((k) => [k.id, k]));
  const mapped = boundaries !== null && boundaries.focus === null;
  const yearEnd = `${q.year}-12-31`;
  const people = perPeople
    ? await populationsOn(
        db,
        kids.filter((k) => k.kind === "commune").map((k) => k.id),
        yearEnd < today ? yearEnd : today,
      )
    : null;
  const areas = (result.groups ?? []).map((g) => {
    const child = byId.get(g.key);
    const raw = g.values[counted] ?? null;
    const hide =
      isTipFigure(indicator) &&
      raw !== null &&
      raw > 0 &&
      raw < SMALL_CELL_THRESHOLD &&
      !(child && isPoliceOver(actor, child.path));
    const population = people ? (people.get(g.key)?.population ?? null) : undefined;
    const value =
      hide || raw === null
        ? null
        : people
          ? population
            ? Math.round((raw / population) * 10_000 * 10) / 10
            : null
          : raw;
    return {
      orgUnitId: g.key,
      code: mapped ? (child?.code ?? null) : null,
      name: g.label,
      kind: child?.kind ?? "",
      value,
      suppressed: hide,
      ...(people ? { population } : {}),
    };
  });
  return {
    orgUnitId: unit.id,
    orgUnitName: unit.fullName,
    orgUnitKind: unit.kind,
    year: q.year,
    indicator,
    indicators,
    boundaries,
    areas,
    withoutPopulation: people ? areas.filter((a) => a.population === null).length : null,
    attribution: BOUNDARY_ATTRIBUTION_LINE,
  };
}
