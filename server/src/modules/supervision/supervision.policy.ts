import { SUPERVISION_TRANSITIONS, canTransition, permissionsOf } from "@toandan/contracts";
import { sql, type SQL } from "drizzle-orm";
import { hasPermission, isInScope, type Actor } from "../../kernel/authz";

type SupervisionLike = { status: string; rollupPath: string };

/** Front cadres over the supervision's unit run it: findings, recommendations, closing. */
export const managesSupervision = (actor: Actor, s: SupervisionLike) =>
  isInScope(actor, "supervision.manage", s.rollupPath);

/** Findings while planned or ongoing (the first one starts it). */
export const mayRecordFinding = (s: { status: string }) => s.status === "planned" || s.status === "ongoing";
/** Recommendations follow findings: only while ongoing. */
export const mayAddRecommendation = (s: { status: string }) => s.status === "ongoing";

export function supervisionAbilities(actor: Actor, s: SupervisionLike) {
  const manages = managesSupervision(actor, s);
  return {
    recordFinding: manages && mayRecordFinding(s),
    addRecommendation: manages && mayAddRecommendation(s),
    close: manages && canTransition(SUPERVISION_TRANSITIONS, s.status, "closed"),
  };
}

/**
 * Path prefixes where the actor reads every supervision: roles reading without answering (the Front,
 * viewers, administrators). A role that answers (the police) reads only what is addressed to it.
 */
export function readAllScopeSql(actor: Actor, pathColumn: SQL): SQL {
  const prefixes = actor.roles
    .filter((r) => {
      const p = permissionsOf([r.role]);
      return p.has("supervision.read") && (p.has("supervision.manage") || !p.has("supervision.respond"));
    })
    .map((r) => r.orgUnitPath);
  if (prefixes.length === 0) return sql`false`;
  return sql`(${sql.join(
    prefixes.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** The roles through which the actor answers recommendations addressed to its body (the police). */
function respondingRoles(actor: Actor) {
  return actor.roles.filter((r) => permissionsOf([r.role]).has("supervision.respond"));
}

/** Whether a recommendation to `body` (kind, unit path) is addressed to the actor's body in its scope. */
export function isAddressedTo(actor: Actor, body: { kind: string | null; path: string | null }): boolean {
  if (!body.kind || !body.path) return false;
  return respondingRoles(actor).some((r) => r.body === body.kind && body.path!.startsWith(r.orgUnitPath));
}

/** SQL: the body `b` at unit `bu` is addressed-to-the-actor (same rule as isAddressedTo). */
export function addressedToSql(actor: Actor, kind: SQL, path: SQL): SQL {
  const roles = respondingRoles(actor);
  if (roles.length === 0) return sql`false`;
  return sql`(${sql.join(
    roles.map((r) => sql`(${kind} = ${r.body} and ${path} like ${`${r.orgUnitPath}%`})`),
    sql` or `,
  )})`;
}

/** The addressee may answer; so may the Front over the supervision (recording a written answer). */
export function mayRespond(
  actor: Actor,
  s: SupervisionLike,
  rec: { answered: boolean; kind: string | null; path: string | null },
): boolean {
  if (rec.answered || s.status === "cancelled") return false;
  return managesSupervision(actor, s) || isAddressedTo(actor, rec);
}

/** Planning a supervision needs supervision.manage somewhere (the unit is checked when creating). */
export const canCreateSupervision = (actor: Actor) => hasPermission(actor, "supervision.manage");
