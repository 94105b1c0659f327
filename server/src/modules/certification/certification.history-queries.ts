// Reads of past years' results: the records under a unit and the yearly rates they give.
import {
  CERTIFICATION_HISTORY_GROUPS,
  type CertificationHistoryGroup,
  type CertificationHistoryRates,
  type CertificationUnitType,
  type ListCertificationHistoryQuerySchema,
} from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { canCreateAt } from "./certification.policy";
import { escapeLike, subtreePath } from "./certification.queries";

/**
 * The past results that count at the unit with path `path`: those of units in its own subtree, of
 * pre-reform units whose rollup path lies under it (an old commune merged whole into a ward; the
 * communes of an old province merged into today's), and of pre-reform units with a successor
 * under it (an old commune split between wards counts in each ward it went into, and once in the
 * province). Lineage: org_unit_lineage of the 2025 rearrangement (domain-rules §8.9).
 */
export function under(path: string): SQL {
  const like = `${escapeLike(path)}%`;
  return sql`(h.unit_path like ${like} or h.rollup_path like ${like} or exists (
    select 1 from org_unit_lineage l join org_units n on n.id = l.new_unit_id
    where l.old_unit_id = h.org_unit_id and n.path like ${like}))`;
}

/** The caller's unit (in their read scope) whose subtree is asked about. */
async function unitPath(db: Db, actor: Actor, orgUnitId: string): Promise<string> {
  return (await subtreePath(db, actor, orgUnitId))!;
}

type RecordRow = {
  id: string;
  orgUnitId: string;
  unitName: string;
  validTo: string | null;
  unitType: CertificationUnitType;
  year: number;
  certified: boolean;
  decisionNumber: string | null;
  decisionDate: string | null;
  decisionAuthority: string | null;
};

const SELECT_RECORD = sql`select h.id, h.org_unit_id as "orgUnitId", u.full_name as "unitName",
    u.valid_to::text as "validTo", h.unit_type as "unitType", h.year, h.certified,
    h.decision_number as "decisionNumber", h.decision_date::text as "decisionDate",
    h.decision_authority as "decisionAuthority"
  from certification_history h join org_units u on u.id = h.org_unit_id`;

/** One result just written by the caller. */
export async function certificationHistoryRecord(db: Db, id: string): Promise<RecordRow> {
  const [row] = await queryRows<RecordRow>(db, sql`${SELECT_RECORD} where h.id = ${id}`);
  return row!;
}

export async function listCertificationHistory(
  db: Db,
  actor: Actor,
  q: z.infer<typeof ListCertificationHistoryQuerySchema>,
) {
  const offset = decodeCursor(q.cursor);
  const path = await unitPath(db, actor, q.orgUnitId);
  const rows = await queryRows<RecordRow>(
    db,
    sql`${SELECT_RECORD}
        where ${under(path)} and ${q.year ? sql`h.year = ${q.year}::int` : sql`true`}
        order by h.year desc, u.depth, u.sort_name, h.id
        limit ${q.limit + 1} offset ${offset}`,
  );
  return {
    ...pageFrom(rows, offset, q.limit),
    can: { create: canCreateAt(actor, "certification.decide", path) },
  };
}

const GROUP_OF = new Map<string, CertificationHistoryGroup>(
  Object.entries(CERTIFICATION_HISTORY_GROUPS).flatMap(([group, types]) =>
    types.map((t) => [t, group as CertificationHistoryGroup] as const),
  ),
);

/**
 * Per year, the share of units certified among those with a recorded result, in the seeds' three
 * groups ("94 % khóm, ấp; 90 % xã, phường; 98–100 % cơ quan, doanh nghiệp"). The denominator is the
 * recorded results, certified or not: before the system the registers are the only count of the
 * units assessed (Circular 124/2021 art. 3: once a year; art. 8.1: certified or not).
 */
export async function certificationHistoryRates(
  db: Db,
  actor: Actor,
  orgUnitId: string,
): Promise<CertificationHistoryRates> {
  const path = await unitPath(db, actor, orgUnitId);
  const rows = await queryRows<{ year: number; unitType: string; recorded: number; certified: number }>(
    db,
    sql`select h.year, h.unit_type as "unitType", count(*)::int as recorded,
          count(*) filter (where h.certified)::int as certified
        from certification_history h where ${under(path)} group by 1, 2 order by 1`,
  );
  const empty = () => ({ recorded: 0, certified: 0, rate: null as number | null });
  const years = new Map<number, CertificationHistoryRates["years"][number]>();
  for (const r of rows) {
    const y = years.get(r.year) ?? {
      year: r.year,
      residential_area: empty(),
      commune: empty(),
      agency: empty(),
    };
    const g = y[GROUP_OF.get(r.unitType)!];
    g.recorded += Number(r.recorded);
    g.certified += Number(r.certified);
    g.rate = Math.round((g.certified / g.recorded) * 10_000) / 10_000;
    years.set(r.year, y);
  }
  return { orgUnitId, years: [...years.values()] };
}
