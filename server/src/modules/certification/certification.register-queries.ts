// Reads of the register of disqualifying events, the overview of a unit's children and a unit's
// history, each filtered by the caller's scope.
import {
  circularOfYear,
  todayInVietnam,
  type CertificationOverviewQuerySchema,
  type CertificationStatus,
  type CertificationUnitType,
  type ListDisqualifyingEventsQuerySchema,
  type MovementLevel,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { judgeEvent, SELECT_EVENT, type EventRow } from "./certification.evidence";
import { under } from "./certification.history-queries";
import { canCreateAt } from "./certification.policy";
import { escapeLike, listCycles, presentCycle, subtreePath } from "./certification.queries";
import { unitTypeOf } from "./certification.rules";

const CERTIFIED_KINDS = sql`('residential_area', 'commune', 'agency', 'enterprise', 'school')`;

/** An event is judged against the type of the unit it happened in. */
const present = (e: EventRow, kind: string) => ({
  ...e,
  ...judgeEvent(e, unitTypeOf(kind)),
});

/** One event of the register, as recorded. */
export async function disqualifyingEvent(db: Db, id: string) {
  const [row] = await queryRows<EventRow & { unitKind: string }>(
    db,
    sql`select x.*, u2.kind as "unitKind" from (${SELECT_EVENT} where e.id = ${id}) x
        join org_units u2 on u2.id = x."orgUnitId"`,
  );
  const { unitKind, ...event } = row!;
  return present(event, unitKind);
}

export async function listDisqualifyingEvents(
  db: Db,
  actor: Actor,
  q: z.infer<typeof ListDisqualifyingEventsQuerySchema>,
) {
  const offset = decodeCursor(q.cursor);
  const prefix = await subtreePath(db, actor, q.orgUnitId);
  const rows = await queryRows<EventRow & { unitKind: string }>(
    db,
    sql`select x.*, u2.kind as "unitKind" from (${SELECT_EVENT}
        where ${pathInScope(actor, "certification.read", sql`e.unit_path`)}
          and ${prefix ? sql`e.unit_path like ${`${escapeLike(prefix)}%`}` : sql`true`}
          and ${q.from ? sql`e.occurred_on >= ${q.from}::date` : sql`true`}
          and ${q.to ? sql`e.occurred_on <= ${q.to}::date` : sql`true`}) x
        join org_units u2 on u2.id = x."orgUnitId"
        order by x."occurredOn" desc, x.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return {
    ...page,
    items: page.items.map(({ unitKind, ...e }) => present(e, unitKind)),
    can: { create: canCreateAt(actor, "certification.record_event", prefix) },
  };
}

/**
 * A unit's year: the cycles by status, plus the results recorded in the register of past years
 * (recognised / not recognised, counted where the history rates count them — own subtree, rollup
 * and lineage), the units still to register (years of the yearly cycle, from 2022) and the overdue
 * cycles; with the circular that governed the year (23/2012 until 2021, 124/2021 from 2022).
 */
export async function certificationOverview(
  db: Db,
  actor: Actor,
  { orgUnitId, year }: z.infer<typeof CertificationOverviewQuerySchema>,
) {
  const prefix = (await subtreePath(db, actor, orgUnitId))!;
  const like = `${escapeLike(prefix)}%`;
  const counts = await queryRows<{ status: string; n: number | string }>(
    db,
    sql`select status, count(*) as n from certification_cycles c
        where c.unit_path like ${like} and c.year = ${year}
          and ${pathInScope(actor, "certification.read", sql`c.unit_path`)} group by status
        union all
        select case when h.certified then 'recognised' else 'not_recognised' end, count(*)
        from certification_history h where h.year = ${year} and ${under(prefix)} group by h.certified`,
  );
  const recorded = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from certification_history h where h.year = ${year} and ${under(prefix)}`,
  );
  // Registering is the yearly cycle's step (Circular 124/2021): no list of units to register before.
  const missing =
    year < 2022
      ? []
      : await queryRows<{ orgUnitId: string; name: string; kind: string }>(
          db,
          sql`select u.id as "orgUnitId", u.full_name as name, u.kind from org_units u
        where u.path like ${like} and u.valid_to is null and u.kind in ${CERTIFIED_KINDS}
          and ${pathInScope(actor, "certification.read", sql`u.path`)}
          and not exists (select 1 from certification_cycles c where c.org_unit_id = u.id and c.year = ${year})
        order by u.depth, u.sort_name limit 500`,
        );
  const overdue = await listCycles(
    db,
    actor,
    { prefix, year },
    0,
    500,
    sql`c.status not in ('recognised', 'not_recognised') and c.decision_deadline < ${todayInVietnam()}::date`,
  );
  const byStatus: Record<string, number> = {};
  for (const c of counts) byStatus[c.status] = (byStatus[c.status] ?? 0) + Number(c.n);
  return {
    orgUnitId,
    year,
    circular: circularOfYear(year),
    recordedResults: recorded[0]?.n ?? 0,
    byStatus,
    notRegistered: missing.map((m) => ({
      orgUnitId: m.orgUnitId,
      name: m.name,
      unitType: m.kind as CertificationUnitType,
    })),
    overdue: overdue.slice(0, 500).map((r) => presentCycle(r)),
  };
}

export async function certificationHistory(db: Db, actor: Actor, unitId: string) {
  const unit = await loadUnit(db, actor, unitId, { permission: "certification.read" });
  const rows = await queryRows<{
    year: number;
    cycleId: string;
    status: CertificationStatus;
    decisionNumber: string | null;
    crimes: number | null;
    socialEvils: number | null;
    level: MovementLevel | null;
  }>(
    db,
    sql`select c.year, c.id as "cycleId", c.status, c.decision_number as "decisionNumber",
          (c.self_assessment->>'crimes')::int as crimes, (c.self_assessment->>'socialEvils')::int as "socialEvils",
          c.classification->>'level' as level
        from certification_cycles c where c.org_unit_id = ${unit.id}
          and ${pathInScope(actor, "certification.read", sql`c.unit_path`)}
        order by c.year desc`,
  );
  return {
    orgUnitId: unit.id,
    items: rows.map(({ level, ...r }) => ({ ...r, classification: level })),
  };
}
