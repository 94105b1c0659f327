import {
  ActivityPageSchema,
  ActivitySchema,
  ActivityTotalsQuerySchema,
  ActivityTotalsSchema,
  CreateActivityBodySchema,
  IdSchema,
  ListActivitiesQuerySchema,
  OkSchema,
  UpdateActivityBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { activityExportRoutes } from "./activities.export";
import { presentActivity } from "./activities.presenter";
import { getActivityRow, listActivityRows } from "./activities.queries";
import { totalsFor } from "./activities.totals";
import { createActivity } from "./commands/create-activity";
import { deleteActivity } from "./commands/delete-activity";
import { updateActivity } from "./commands/update-activity";

const IdParams = z.object({ id: IdSchema });
const tags = ["activities"];

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(activityExportRoutes);
  app.get(
    "/activities",
    {
      config: { permission: "activity.read" },
      schema: {
        operationId: "listActivities",
        tags,
        summary: "Activities in the caller's scope (or a unit's subtree), newest first",
        querystring: ListActivitiesQuerySchema,
        response: { 200: ActivityPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "activity.read");
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      const unit = q.orgUnitId
        ? await loadUnit(app.db, actor, q.orgUnitId, { permission: "activity.read", scope: "rollup" })
        : undefined;
      const rows = await listActivityRows(app.db, actor, q, offset, unit);
      const page = pageFrom(rows, offset, q.limit);
      return { ...page, items: page.items.map(presentActivity) };
    },
  );

  app.get(
    "/activities/totals",
    {
      config: { permission: "activity.read" },
      schema: {
        operationId: "getActivityTotals",
        tags,
        summary: "Figure sums of a unit's subtree over a period; each activity counts once",
        querystring: ActivityTotalsQuerySchema,
        response: { 200: ActivityTotalsSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "activity.read");
      const unit = await loadUnit(app.db, actor, req.query.orgUnitId, {
        permission: "activity.read",
        scope: "rollup",
      });
      return totalsFor(app.db, actor, req.query, unit);
    },
  );

  app.get(
    "/activities/:id",
    {
      config: { permission: "activity.read" },
      schema: {
        operationId: "getActivity",
        tags,
        summary: "One activity with its organisers",
        params: IdParams,
        response: { 200: ActivitySchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "activity.read");
      return presentActivity(await getActivityRow(app.db, actor, req.params.id, "activity.read"));
    },
  );

  app.post(
    "/activities",
    {
      config: { permission: "activity.create" },
      schema: {
        operationId: "createActivity",
        tags,
        summary: "Record an activity at a unit, organised by one or more bodies",
        body: CreateActivityBodySchema,
        response: { 201: ActivitySchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "activity.create");
      return reply.status(201).send(await createActivity(app.db, actor, req.body));
    },
  );

  app.patch(
    "/activities/:id",
    {
      config: { permission: "activity.update" },
      schema: {
        operationId: "updateActivity",
        tags,
        summary: "Edit an activity (not its unit); audited with before and after",
        params: IdParams,
        body: UpdateActivityBodySchema,
        response: { 200: ActivitySchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "activity.update");
      return updateActivity(app.db, actor, req.params.id, req.body);
    },
  );

  app.delete(
    "/activities/:id",
    {
      config: { permission: "activity.delete" },
      schema: {
        operationId: "deleteActivity",
        tags,
        summary: "Delete an activity; the audit event keeps its before-image",
        params: IdParams,
        response: { 200: OkSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "activity.delete");
      await deleteActivity(app.db, actor, req.params.id);
      return { ok: true as const };
    },
  );
};
