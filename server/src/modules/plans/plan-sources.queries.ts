import type { PlanReview, PlanSource, PlanSourceRef } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, scopePrefixes, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";

/**
 * A source document is read by the subtree of the unit that registered it and by the units above
 * that unit (a province's programme is implemented by its communes; a commune sees what the
 * province registered).
 */
export function sourceReadable(actor: Actor, alias: SQL = sql`s`): SQL {
  const below = pathInScope(actor, "plan.read", sql`${alias}.rollup_path`);
  const prefixes = scopePrefixes(actor, "plan.read");
  if (prefixes.length === 0) return below;
  const above = sql.join(
    prefixes.map((p) => sql`${p} like ${alias}.rollup_path || '%'`),
    sql` or `,
  );
  return sql`(${below} or ${above})`;
}

const REF = sql`s.id, s.kind, s.number, s.issued_on::text as "issuedOn", s.issuer, s.title`;

type SourceRow = Omit<PlanSource, "implements" | "createdAt"> & {
  implementsId: string | null;
  createdAt: string | Date;
};

async function withImplements(db: Db, rows: SourceRow[]): Promise<PlanSource[]> {
  const parentIds = [...new Set(rows.map((r) => r.implementsId).filter((x): x is string => !!x))];
  const parents = parentIds.length
    ? await queryRows<PlanSourceRef>(
        db,
        sql`select ${REF} from plan_sources s where s.id in (${sql.join(
          parentIds.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      )
    : [];
  const byId = new Map(parents.map((p) => [p.id, p]));
  return rows.map(({ implementsId, createdAt, ...r }) => ({
    ...r,
    planCount: Number(r.planCount),
    implements: implementsId ? (byId.get(implementsId) ?? null) : null,
    createdAt: new Date(createdAt).toISOString(),
  }));
}

function selectSources(actor: Actor, where: SQL[]) {
  return sql`select ${REF}, s.level, s.implements_id as "implementsId", s.org_unit_id as "orgUnitId",
      u.full_name as "orgUnitName", s.created_at as "createdAt",
      (select count(*) from plan_source_links l join plans p on p.id = l.plan_id
        where l.source_id = s.id and ${pathInScope(actor, "plan.read", sql`p.rollup_path`)})::int as "planCount"
    from plan_sources s join org_units u on u.id = s.org_unit_id
    where ${sql.join([sourceReadable(actor), ...where], sql` and `)}`;
}

/** The source documents the actor can read, newest first; `q` matches the number or the title. */
export async function listPlanSources(
  db: Db,
  actor: Actor,
  opts: { kind?: string; q?: string; offset: number; limit: number },
): Promise<PlanSource[]> {
  const where: SQL[] = [];
  if (opts.kind) where.push(sql`s.kind = ${opts.kind}`);
  if (opts.q) {
    const like = `%${opts.q}%`;
    where.push(sql`(s.number ilike ${like} or s.title ilike ${like} or s.issuer ilike ${like})`);
  }
  const rows = await queryRows<SourceRow>(
    db,
    sql`${selectSources(actor, where)} order by s.issued_on desc, s.number
        limit ${opts.limit + 1} offset ${opts.offset}`,
  );
  return withImplements(db, rows);
}

export async function getPlanSource(db: Db, actor: Actor, id: string): Promise<PlanSource> {
  const rows = await queryRows<SourceRow>(db, selectSources(actor, [sql`s.id = ${id}`]));
  if (!rows[0]) throw notFound();
  return (await withImplements(db, rows))[0]!;
}

/** The sources a plan implements, oldest first. */
export async function sourcesOfPlan(db: Db, planId: string): Promise<PlanSourceRef[]> {
  return queryRows<PlanSourceRef>(
    db,
    sql`select ${REF} from plan_source_links l join plan_sources s on s.id = l.source_id
        where l.plan_id = ${planId} order by s.issued_on, s.number`,
  );
}

/** A plan's reviews, by year then date. */
export async function reviewsOfPlan(db: Db, planId: string): Promise<PlanReview[]> {
  const rows = await queryRows<
    Omit<PlanReview, "source" | "createdAt"> & {
      sourceId: string | null;
      createdAt: string | Date;
    } & Partial<Record<"sKind" | "sNumber" | "sIssuedOn" | "sIssuer" | "sTitle", string>>
  >(
    db,
    sql`select r.id, r.kind, r.year, r.reviewed_on::text as "reviewedOn", r.findings, r.figures,
          r.created_at as "createdAt", r.source_id as "sourceId", s.kind as "sKind", s.number as "sNumber",
          s.issued_on::text as "sIssuedOn", s.issuer as "sIssuer", s.title as "sTitle"
        from plan_reviews r left join plan_sources s on s.id = r.source_id
        where r.plan_id = ${planId} order by r.year, r.reviewed_on`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    year: r.year,
    reviewedOn: r.reviewedOn,
    findings: r.findings,
    figures: r.figures,
    createdAt: new Date(r.createdAt).toISOString(),
    source: r.sourceId
      ? {
          id: r.sourceId,
          kind: r.sKind as PlanSourceRef["kind"],
          number: r.sNumber!,
          issuedOn: r.sIssuedOn!,
          issuer: r.sIssuer!,
          title: r.sTitle!,
        }
      : null,
  }));
}
