import {
  AuditPageSchema,
  AuditVerifyResultSchema,
  ListAuditQuerySchema,
  type AuditAction,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { queryRows } from "../../db/client";
import { verifyAuditChain } from "../../kernel/audit-verify";
import { hasPermission, pathInScope, requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
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

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit-events",
    {
      config: { permission: "audit.read" },
      schema: {
        operationId: "listAuditEvents",
        tags: ["audit"],
        summary: "Audit events about units in the caller's scope, newest first",
        querystring: ListAuditQuerySchema,
        response: { 200: AuditPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "audit.read");
      const offset = decodeCursor(req.query.cursor);
      // Events tied to no unit (sign-ins, imports) are visible to country-level auditors only.
      const global = actor.roles.some(
        (r) => r.orgUnitKind === "country" && hasPermission(actor, "audit.read"),
      );
      const scope = sql`(${global ? sql`e.org_unit_id is null` : sql`false`}
        or exists (select 1 from org_units u where u.id = e.org_unit_id and ${pathInScope(actor, "audit.read", sql`u.path`)})
        or e.actor_id = ${actor.accountId})`;
      const action = req.query.action ? sql`and e.action = ${req.query.action}` : sql``;
      const rows = await queryRows<Row>(
        app.db,
        sql`select e.id, e.occurred_at as "occurredAt", e.actor_id as "actorId", a.username as "actorUsername",
              a.display_name as "actorDisplayName",
              e.action, e.entity_type as "entityType", e.entity_id as "entityId", e.org_unit_id as "orgUnitId", e.data
            from audit_log e left join accounts a on a.id = e.actor_id
            where ${scope} ${action} order by e.id desc limit ${req.query.limit + 1} offset ${offset}`,
      );
      const page = pageFrom(rows, offset, req.query.limit);
      return {
        ...page,
        items: page.items.map((r) => ({
          ...r,
          id: Number(r.id),
          occurredAt: new Date(r.occurredAt).toISOString(),
        })),
      };
    },
  );

  app.get(
    "/audit-events/verify",
    {
      config: { permission: "audit.read" },
      schema: {
        operationId: "verifyAuditChain",
        tags: ["audit"],
        summary: "Verify the hash chain; names the first tampered row",
        response: { 200: AuditVerifyResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "audit.read");
      return verifyAuditChain(app.db);
    },
  );
};
