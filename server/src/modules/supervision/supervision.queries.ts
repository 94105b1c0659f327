import type { ListSupervisionsQuery, Permission, Supervision, SupervisionDetail } from "@toandan/contracts";
import { todayInVietnam } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { pathInScope, type Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import {
  addressedToSql,
  canCreateSupervision,
  readAllScopeSql,
  mayRespond,
  supervisionAbilities,
} from "./supervision.policy";

const SELECT = sql`select s.id, s.org_unit_id as "orgUnitId", u.full_name as "orgUnitName", s.title,
    s.subject_kind as "subjectKind", s.subject_body_id as "subjectBodyId", sb.name as "subjectBodyName",
    s.subject_plan_id as "subjectPlanId", p.title as "subjectPlanTitle", s.form,
    s.period_from::text as "periodFrom", s.period_to::text as "periodTo",
    s.decision_number as "decisionNumber", s.decision_date::text as "decisionDate", s.status,
    (select count(*) from supervision_recommendations r where r.supervision_id = s.id)::int as recommendations,
    (select count(*) from supervision_recommendations r where r.supervision_id = s.id
       and r.responded_on is null)::int as unanswered,
    s.rollup_path as "rollupPath"
  from supervisions s join org_units u on u.id = s.org_unit_id
  left join bodies sb on sb.id = s.subject_body_id
  left join plans p on p.id = s.subject_plan_id`;

export type SupervisionRow = Supervision & { rollupPath: string };

/**
 * Who sees a supervision: supervision.read over its unit, or the body a recommendation of it is
 * addressed to (the police of the unit, through supervision.respond).
 */
function visible(actor: Actor, permission: Permission): SQL {
  if (permission !== "supervision.read") return pathInScope(actor, permission, sql`s.rollup_path`);
  return sql`(${readAllScopeSql(actor, sql`s.rollup_path`)} or exists (select 1 from supervision_recommendations r
      join bodies b on b.id = r.addressee_body_id join org_units bu on bu.id = b.org_unit_id
      where r.supervision_id = s.id and ${addressedToSql(actor, sql`b.kind`, sql`bu.path`)}))`;
}

export async function getSupervisionRow(
  db: Db,
  actor: Actor,
  id: string,
  permission: Permission,
): Promise<SupervisionRow> {
  const [r] = await queryRows<SupervisionRow>(
    db,
    sql`${SELECT} where s.id = ${id} and ${visible(actor, permission)}`,
  );
  if (!r) throw notFound();
  return r;
}

export const presentSupervision = ({ rollupPath: _r, ...s }: SupervisionRow): Supervision => s;

export async function supervisionDetail(db: Db, actor: Actor, id: string): Promise<SupervisionDetail> {
  const s = await getSupervisionRow(db, actor, id, "supervision.read");
  const [extra] = await queryRows<{
    content: string;
    members: { name: string; position: string }[];
    result: SupervisionDetail["result"];
    summary: string | null;
    unansweredNote: string | null;
    closedOn: string | null;
  }>(
    db,
    sql`select content, members, result, summary, unanswered_note as "unansweredNote", closed_on::text as "closedOn"
        from supervisions where id = ${id}`,
  );
  const findings = await queryRows<SupervisionDetail["findings"][number]>(
    db,
    sql`select id, found_on::text as "foundOn", content from supervision_findings
        where supervision_id = ${id} order by found_on, recorded_at`,
  );
  const today = todayInVietnam();
  const recs = await queryRows<{
    id: string;
    addresseeBodyId: string | null;
    addresseeName: string;
    content: string;
    madeOn: string;
    dueOn: string;
    respondedOn: string | null;
    responseContent: string | null;
    responseAction: string | null;
    kind: string | null;
    path: string | null;
  }>(
    db,
    sql`select r.id, r.addressee_body_id as "addresseeBodyId", r.addressee_name as "addresseeName", r.content,
          r.made_on::text as "madeOn", r.due_on::text as "dueOn", r.responded_on::text as "respondedOn",
          r.response_content as "responseContent", r.response_action as "responseAction",
          b.kind, bu.path
        from supervision_recommendations r left join bodies b on b.id = r.addressee_body_id
        left join org_units bu on bu.id = b.org_unit_id
        where r.supervision_id = ${id} order by r.made_on, r.id`,
  );
  const recommendationList = recs.map((r) => ({
    id: r.id,
    addresseeBodyId: r.addresseeBodyId,
    addresseeName: r.addresseeName,
    content: r.content,
    madeOn: r.madeOn,
    dueOn: r.dueOn,
    overdue: r.respondedOn === null && r.dueOn < today,
    response: r.respondedOn
      ? { respondedOn: r.respondedOn, content: r.responseContent ?? "", action: r.responseAction }
      : null,
    can: { respond: mayRespond(actor, s, { answered: r.respondedOn !== null, kind: r.kind, path: r.path }) },
  }));
  return {
    ...presentSupervision(s),
    ...extra!,
    can: supervisionAbilities(actor, s),
    findings,
    recommendationList,
  };
}

/** A page of supervisions the caller sees, newest first, with whether it may plan one. */
export async function supervisionPage(
  db: Db,
  actor: Actor,
  q: Omit<ListSupervisionsQuery, "limit"> & { limit: number },
) {
  const offset = decodeCursor(q.cursor);
  const where: SQL[] = [visible(actor, "supervision.read")];
  if (q.status) where.push(sql`s.status = ${q.status}`);
  if (q.year) {
    where.push(
      sql`s.period_from <= ${`${q.year}-12-31`}::date and s.period_to >= ${`${q.year}-01-01`}::date`,
    );
  }
  // The unit narrows what the caller already sees to that unit's subtree.
  if (q.orgUnitId) {
    where.push(sql`s.rollup_path like (select path from org_units where id = ${q.orgUnitId}) || '%'`);
  }
  const rows = await queryRows<SupervisionRow>(
    db,
    sql`${SELECT} where ${sql.join(where, sql` and `)}
        order by s.period_from desc, s.id limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return { ...page, items: page.items.map(presentSupervision), can: { create: canCreateSupervision(actor) } };
}
