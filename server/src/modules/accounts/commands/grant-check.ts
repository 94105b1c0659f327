import { ROLE_BODIES, ROLE_UNIT_KINDS, type ApiIssue, type RoleGrant } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import { pathInScope, type Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";

/**
 * Validates role grants: the unit exists, is current, lies in the actor's scope for
 * `account.create`, has a kind the role may be held at, and the body suits the role.
 */
export async function checkGrants(db: Db, actor: Actor, grants: RoleGrant[]): Promise<void> {
  const ids = [...new Set(grants.map((g) => g.orgUnitId))];
  const units = await queryRows<{ id: string; kind: string }>(
    db,
    sql`select u.id, u.kind from org_units u
        where u.id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )}) and u.valid_to is null
          and ${pathInScope(actor, "account.create", sql`u.path`)}`,
  );
  const kinds = new Map(units.map((u) => [u.id, u.kind]));
  const issues: ApiIssue[] = [];
  grants.forEach((g, i) => {
    const kind = kinds.get(g.orgUnitId);
    if (!kind) {
      issues.push({ path: `roles.${i}.orgUnitId`, message: "Không tìm thấy đơn vị trong phạm vi của bạn" });
      return;
    }
    if (!(ROLE_UNIT_KINDS[g.role] as readonly string[]).includes(kind)) {
      issues.push({
        path: `roles.${i}.orgUnitId`,
        message: `Vai trò ${g.role} không gán được ở cấp ${kind}`,
      });
    }
    if (!(ROLE_BODIES[g.role] as readonly string[]).includes(g.body)) {
      issues.push({ path: `roles.${i}.body`, message: `Vai trò ${g.role} không thuộc cơ quan ${g.body}` });
    }
  });
  if (issues.length) throw validationFailed(issues);
}
