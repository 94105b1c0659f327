import type { AuditAction, AuditPage, ListAuditQuery } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { hasPermission, pathInScope, type Actor } from "../../kernel/authz";
import { decodeCursor, pageFrom } from "../../kernel/pagination";

type Row = {
  id: number | string;
  occurredAt: string | Date;
  actorId: string | null;
  actorUsername: string | null;
  actorDisplayName: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string | null;
  orgUnitId: string | null;
  data: Record<string, unknown>;
};

/**
 * Audit events about units in the caller's `audit.read` scope, and the caller's own, newest first.
 * Events tied to no unit (sign-ins, imports) are visible to country-level auditors only.
 */
export async function listAuditEvents(db: Db, actor: Actor, q: ListAuditQuery): Promise<AuditPage> {
  const offset = decodeCursor(q.cursor);
  const global = actor.roles.some((r) => r.orgUnitKind === "country" && hasPermission(actor, "audit.read"));
  const scope = sql`(${global ? sql`e.org_unit_id is null` : sql`false`}
    or exists (select 1 from org_units u where u.id = e.org_unit_id and ${pathInScope(actor, "audit.read", sql`u.path`)})
    or e.actor_id = ${actor.accountId})`;
  const action = q.action ? sql`and e.action = ${q.action}` : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select e.id, e.occurred_at as "occurredAt", e.actor_id as "actorId", a.username as "actorUsername",
          a.display_name as "actorDisplayName",
          e.action, e.entity_type as "entityType", e.entity_id as "entityId", e.org_unit_id as "orgUnitId", e.data
        from audit_log e left join accounts a on a.id = e.actor_id
        where ${scope} ${action} order by e.id desc limit ${q.limit + 1} offset ${offset}`,
  );
  const page = pageFrom(rows, offset, q.limit);
  return {
    ...page,
    items: page.items.map((r) => ({
      ...r,
      id: Number(r.id),
      occurredAt: new Date(r.occurredAt).toISOString(),
    })),
  };
}
