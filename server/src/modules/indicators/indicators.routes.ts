import {
  DashboardQuerySchema,
  DashboardSchema,
  IndicatorResultSchema,
  QueryIndicatorsQuerySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { readHandle } from "../../kernel/http/read-routing";
import { getDashboard } from "./dashboard";
import { queryIndicators } from "./indicators.query";

const tags = ["indicators"];

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/indicators/query",
    {
      config: { permission: "indicator.read" },
      schema: {
        operationId: "queryIndicators",
        tags,
        summary: "Indicators × a unit (today's tree or the tree at a date) × a period × a breakdown",
        querystring: QueryIndicatorsQuerySchema,
        response: { 200: IndicatorResultSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "indicator.read");
      return queryIndicators(readHandle(app, req).db, actor, req.query);
    },
  );

  app.get(
    "/dashboard",
    {
      config: { permission: "indicator.read" },
      schema: {
        operationId: "getDashboard",
        tags,
        summary: "A level's dashboard: indicators against targets, monthly trend, ranking of children",
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "indicator.read");
      // Served by the replica when one may be used; the page then says how fresh the figures are.
      const { db, replica } = readHandle(app, req);
      const [dashboard, lag] = await Promise.all([
        getDashboard(db, actor, req.query),
        replica ? app.readReplica?.lag().catch(() => app.readReplica?.lastLag()) : undefined,
      ]);
      return lag ? { ...dashboard, replica: { lagSeconds: Math.round(lag.seconds) } } : dashboard;
    },
  );
};
