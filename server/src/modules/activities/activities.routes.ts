import {
  ActivityDetailSchema,
  ActivityPageSchema,
  ActivityTotalsQuerySchema,
  ActivityTotalsSchema,
  CreateActivityBodySchema,
  IdSchema,
  ListActivitiesQuerySchema,
  OkSchema,
  UpdateActivityBodySchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { ExportParamsSchema, sendExport } from "../../kernel/http/export";
import { ACTIVITY_EXPORT_COLUMNS, activitiesForExport } from "./activities.export";
import { activityDetail, listActivities } from "./activities.queries";
import { unitTotals } from "./activities.totals";
import { createActivity } from "./commands/create-activity";
import { deleteActivity } from "./commands/delete-activity";
import { updateActivity } from "./commands/update-activity";
import { festivalRoutes } from "./festivals.routes";

const params = z.object({ id: IdSchema });
const tags = ["activities"];

export const activityRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/activities/export/:format",
    operationId: "exportActivities",
    summary: "Export the filtered activity list as CSV or XLSX",
    tags,
    permission: "activity.read",
    params: ExportParamsSchema,
    querystring: ListActivitiesQuerySchema,
    handler: async ({ readDb, actor, params, query, reply }) =>
      sendExport(
        reply,
        params.format,
        "hoat-dong",
        ACTIVITY_EXPORT_COLUMNS,
        await activitiesForExport(readDb, actor, query),
      ),
  }),
  defineRoute({
    method: "GET",
    url: "/activities",
    operationId: "listActivities",
    summary: "Activities in the caller's scope (or a unit's subtree), newest first",
    tags,
    permission: "activity.read",
    querystring: ListActivitiesQuerySchema,
    response: ActivityPageSchema,
    handler: ({ readDb, actor, query }) => listActivities(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/activities/totals",
    operationId: "getActivityTotals",
    summary: "Figure sums of a unit's subtree over a period; each activity counts once",
    tags,
    permission: "activity.read",
    querystring: ActivityTotalsQuerySchema,
    response: ActivityTotalsSchema,
    handler: ({ readDb, actor, query }) => unitTotals(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/activities/:id",
    operationId: "getActivity",
    summary: "One activity with its organisers",
    tags,
    permission: "activity.read",
    params,
    response: ActivityDetailSchema,
    handler: ({ db, actor, params }) => activityDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/activities",
    operationId: "createActivity",
    summary: "Record an activity at a unit, organised by one or more bodies",
    tags,
    permission: "activity.create",
    body: CreateActivityBodySchema,
    status: 201,
    response: ActivityDetailSchema,
    idempotent: true,
    handler: ({ db, actor, body }) => createActivity(db, actor, body),
  }),
  defineRoute({
    method: "PATCH",
    url: "/activities/:id",
    operationId: "updateActivity",
    summary: "Edit an activity (not its unit); audited with before and after",
    tags,
    permission: "activity.update",
    params,
    body: UpdateActivityBodySchema,
    response: ActivityDetailSchema,
    idempotent: true,
    versioned: { table: "activities" },
    handler: ({ db, actor, params, body }) => updateActivity(db, actor, params.id, body),
  }),
  defineRoute({
    method: "DELETE",
    url: "/activities/:id",
    operationId: "deleteActivity",
    summary: "Delete an activity; the audit event keeps its before-image",
    tags,
    permission: "activity.delete",
    params,
    response: OkSchema,
    handler: ({ db, actor, params }) => deleteActivity(db, actor, params.id),
  }),
  ...festivalRoutes,
]);
