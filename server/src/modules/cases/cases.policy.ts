import type { Permission } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { pathInScope, type Actor } from "../../kernel/authz";
import { HELP_CASE_KINDS, permissionsOf } from "@toandan/contracts";

export type AccessBasis = "case_officer" | "commune_police" | "assignee";

/** Grants that make the actor the assigned body: a role held at the body's unit, for that body. */
function assigneeGrants(actor: Actor) {
  return actor.roles.filter((r) => permissionsOf([r.role]).has("case.report"));
}

/**
 * SQL: the case `c` is readable by the actor — the commune's police and case officer through
 * `case.read` in scope, or the assigned body. Both branches read columns of `c` only (the assignee
 * as a sub-select of the bodies the grants name, by `bodies_unit_kind_uq`), so the planner can
 * combine `cases_rollup_idx` and `cases_assignee_idx` instead of joining every body first.
 */
export function caseReadable(actor: Actor, permission: Permission = "case.read"): SQL {
  const grants = assigneeGrants(actor);
  const asAssignee = grants.length
    ? sql`c.assignee_body_id in (select b.id from bodies b where ${sql.join(
        grants.map((g) => sql`(b.org_unit_id = ${g.orgUnitId} and b.kind = ${g.body})`),
        sql` or `,
      )})`
    : sql`false`;
  // A file de-identified by retention (cases.retention.ts) has nothing left to show: counted, never listed.
  return sql`(${pathInScope(actor, permission, sql`c.rollup_path`)} or ${asAssignee}) and c.deidentified_on is null`;
}

/** Why the actor may read a case at `rollupPath` assigned to `assignee` (null: may not). */
export function accessBasis(
  actor: Actor,
  rollupPath: string,
  assignee: { orgUnitId: string; kind: string } | null,
): AccessBasis | null {
  const inScope = actor.roles.filter(
    (r) => permissionsOf([r.role]).has("case.read") && rollupPath.startsWith(r.orgUnitPath),
  );
  if (inScope.some((r) => r.role === "commune_case_officer")) return "case_officer";
  if (inScope.length) return "commune_police";
  if (
    assignee &&
    assigneeGrants(actor).some((g) => g.orgUnitId === assignee.orgUnitId && g.body === assignee.kind)
  ) {
    return "assignee";
  }
  return null;
}

/** The commune's police and case officer manage; the assignee only reports and records support. */
export const mayManage = (basis: AccessBasis) => basis !== "assignee";

type Abilities = {
  assign: boolean;
  report: boolean;
  classify: boolean;
  support: boolean;
  close: boolean;
  transfer: boolean;
  receive: boolean;
  readAccessLog: boolean;
  help: boolean;
  refer: boolean;
  communitySession: boolean;
};

/** The kinds whose files take help instances ("lượt" giúp đỡ, giáo dục). */
export const takesHelp = (kind: string) => (HELP_CASE_KINDS as readonly string[]).includes(kind);

/**
 * What the actor may do with a file now (the `can` of the detail; the commands check the same).
 * While a file is on its way to another commune only the receiving commune acts: it receives the
 * file or closes it; the A–D classification is Circular 10/2024's (Art. 12), not education's.
 */
export function caseAbilities(
  actor: Actor,
  basis: AccessBasis,
  row: { status: string; kind: string; decidedOn: string | null },
): Abilities {
  const manage = mayManage(basis) && actor.permissions.has("case.manage");
  const open = row.status === "reported_in" || row.status === "assigned";
  const report = open && actor.permissions.has("case.report");
  return {
    assign: manage && open,
    report: report && row.decidedOn !== null,
    classify: manage && open && row.kind === "released_prisoner",
    support: report,
    close: manage && row.status !== "closed",
    transfer: manage && open,
    receive: manage && row.status === "transferring",
    readAccessLog: manage,
    // The assignee and the commune record help and sessions before the community; referring a
    // drug user to rehabilitation is the commune police's and case officer's (manage).
    help: report && takesHelp(row.kind),
    refer: manage && open && row.kind === "drug_user",
    communitySession: report && row.kind === "community_reprimand",
  };
}
