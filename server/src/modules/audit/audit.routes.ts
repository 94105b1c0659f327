import { AuditPageSchema, AuditVerifyResultSchema, ListAuditQuerySchema } from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { verifyAuditChain } from "../../kernel/audit-verify";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { listAuditEvents } from "./audit.queries";

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
      return listAuditEvents(app.db, actor, req.query);
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
