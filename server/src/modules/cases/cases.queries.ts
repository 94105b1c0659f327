import type { ListCasesQuery } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { notFound } from "../../kernel/errors";
import { lastQuarterDueBefore } from "./cases.deadlines";
import { accessBasis, caseReadable, type AccessBasis } from "./cases.policy";

export type CaseRow = {
  id: string;
  kind: string;
  orgUnitId: string;
  orgUnitName: string;
  communeId: string;
  rollupPath: string;
  fullNameSealed: Uint8Array;
  dateOfBirthSealed: Uint8Array;
  identitySealed: Uint8Array;
  offenceCategorySealed: Uint8Array;
  offenceSealed: Uint8Array;
  notesSealed: Uint8Array | null;
  mentorNameSealed: Uint8Array | null;
  releaseOrDecisionDate: string;
  reportedInOn: string;
  assignDueOn: string;
  fileDueOn: string;
  status: string;
  assigneeBodyId: string | null;
  assigneeBodyName: string | null;
  assigneeUnitId: string | null;
  assigneeKind: string | null;
  decisionNumber: string | null;
  decidedOn: string | null;
  fileOpenedOn: string | null;
  latestGroup: string | null;
  outcome: string | null;
  closedOn: string | null;
  reportedQuarters: string[] | null;
  measureMonths: number | null;
  measureEndsOn: string | null;
  earlyEndFrom: string | null;
  pendingTransferId: string | null;
  pendingFromCommuneName: string | null;
  pendingTransferredOn: string | null;
  pendingReceiveDueOn: string | null;
  pendingResidenceCheckDueOn: string | null;
};

export const SELECT_CASE = sql`select c.id, c.kind, c.org_unit_id as "orgUnitId", u.full_name as "orgUnitName",
    c.commune_id as "communeId", c.rollup_path as "rollupPath",
    c.full_name_sealed as "fullNameSealed", c.date_of_birth_sealed as "dateOfBirthSealed",
    c.identity_sealed as "identitySealed", c.offence_category_sealed as "offenceCategorySealed",
    c.offence_sealed as "offenceSealed", c.notes_sealed as "notesSealed",
    c.mentor_name_sealed as "mentorNameSealed",
    c.release_or_decision_date::text as "releaseOrDecisionDate", c.reported_in_on::text as "reportedInOn",
    c.assign_due_on::text as "assignDueOn", c.file_due_on::text as "fileDueOn", c.status,
    c.assignee_body_id as "assigneeBodyId", ab.name as "assigneeBodyName",
    ab.org_unit_id as "assigneeUnitId", ab.kind as "assigneeKind",
    c.decision_number as "decisionNumber", c.decided_on::text as "decidedOn",
    c.file_opened_on::text as "fileOpenedOn", c.latest_group as "latestGroup", c.outcome,
    c.closed_on::text as "closedOn",
    (select array_agg(r.quarter) from case_reports r where r.case_id = c.id) as "reportedQuarters",
    c.measure_months as "measureMonths", c.measure_ends_on::text as "measureEndsOn",
    c.early_end_from::text as "earlyEndFrom", pt.id as "pendingTransferId",
    pf.full_name as "pendingFromCommuneName", pt.transferred_on::text as "pendingTransferredOn",
    pt.receive_due_on::text as "pendingReceiveDueOn",
    pt.residence_check_due_on::text as "pendingResidenceCheckDueOn"
  from cases c join org_units u on u.id = c.org_unit_id left join bodies ab on ab.id = c.assignee_body_id
    left join case_transfers pt on pt.case_id = c.id and pt.received_on is null
    left join org_units pf on pf.id = pt.from_commune_id`;

/** A case the actor may read, with the basis of that access; 404 when it may not (never 403). */
export async function getReadableCase(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ row: CaseRow; basis: AccessBasis }> {
  const [row] = await queryRows<CaseRow>(
    db,
    sql`${SELECT_CASE} where c.id = ${id} and ${caseReadable(actor)}`,
  );
  if (!row) throw notFound();
  const basis = accessBasis(
    actor,
    row.rollupPath,
    row.assigneeUnitId ? { orgUnitId: row.assigneeUnitId, kind: row.assigneeKind! } : null,
  );
  if (!basis) throw notFound();
  return { row, basis };
}

/** The list's order: open files first, earliest open deadline first, then newest; `c.id` makes it total. */
const LIST_ORDER = sql`(c.status = 'closed'), least(case when c.decided_on is null then c.assign_due_on end,
          case when c.file_opened_on is null then c.file_due_on end) nulls last, c.reported_in_on desc, c.id`;

/**
 * A page of readable cases, earliest open deadline first. Returns `limit + 1` rows.
 *
 * Two steps: the page's ids are chosen from `cases` alone (the scope predicate on `c`'s own
 * columns, the filters and the order), then only those rows are joined to their unit, assignee,
 * pending transfer and reports. Joining first made every list read all of `bodies` and join every
 * file in scope before sorting (1.3 s at 5,000 files on PGlite; bench/case-files.ts).
 */
export async function listCaseRows(
  db: Db,
  actor: Actor,
  q: ListCasesQuery,
  offset: number,
  today: string,
): Promise<CaseRow[]> {
  const where: SQL[] = [caseReadable(actor)];
  if (q.status) where.push(sql`c.status = ${q.status}`);
  if (q.kind) where.push(sql`c.kind = ${q.kind}`);
  let joinPending = sql``;
  if (q.overdue === "true") {
    joinPending = sql`left join case_transfers pt on pt.case_id = c.id and pt.received_on is null`;
    // A quarterly report is late when a quarter from the assignment's to the last one due before
    // today has none: fewer distinct reported quarters in that range than quarters in it.
    const last = lastQuarterDueBefore(today);
    const assigned = sql`(extract(year from c.decided_on)::int * 4 + extract(quarter from c.decided_on)::int - 1)`;
    // Monthly reports of education files ("2026-11") are not quarters: the case expression skips them.
    const reportIndex = sql`(case when r.quarter ~ '^[0-9]{4}-Q[1-4]$' then substring(r.quarter from 1 for 4)::int * 4 + substring(r.quarter from 7 for 1)::int - 1 end)`;
    where.push(sql`((c.decided_on is null and c.assign_due_on < ${today}::date)
      or (pt.id is not null and pt.receive_due_on < ${today}::date)
      or (c.file_opened_on is null and c.file_due_on < ${today}::date)
      or (c.kind = 'released_prisoner' and c.decided_on is not null and ${assigned} <= ${last}::int and (select count(distinct r.quarter)
          from case_reports r where r.case_id = c.id and ${reportIndex} between ${assigned} and ${last}::int)
          < ${last}::int - ${assigned} + 1)) and c.status <> 'closed'`);
  }
  return queryRows<CaseRow>(
    db,
    sql`with page as materialized (
          select c.id from cases c ${joinPending}
          where ${sql.join(where, sql` and `)}
          order by ${LIST_ORDER}
          limit ${q.limit + 1} offset ${offset})
        ${SELECT_CASE} where c.id in (select id from page)
        order by ${LIST_ORDER}`,
  );
}
