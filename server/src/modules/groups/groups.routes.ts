import {
  ChangeGroupStatusBodySchema,
  CreateGroupBodySchema,
  GroupDetailSchema,
  GroupPageSchema,
  GroupSchema,
  GroupTotalsQuerySchema,
  GroupTotalsSchema,
  GroupTypeListSchema,
  IdSchema,
  ListGroupsQuerySchema,
  ListStaleGroupsQuerySchema,
  StaleGroupPageSchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { EXPORT_MAX_ROWS, ExportParamsSchema, sendExport } from "../../kernel/http/export";
import { moveGroup, registerGroup } from "./commands/group-answers";
import { groupDutyRoutes } from "./group-duty.routes";
import { groupEquipmentRoutes } from "./group-equipment.routes";
import { groupRosterRoutes } from "./group-roster.routes";
import { teamEvaluationRoutes } from "./team-evaluations.routes";
import { GROUP_EXPORT_COLUMNS } from "./groups.export";
import {
  groupDetail,
  groupPage,
  groupsForExport,
  groupTypeList,
  staleGroupPage,
  unitGroupTotals,
} from "./groups.read";

const params = z.object({ id: IdSchema });
const tags = ["groups"];

export const groupRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/groups/export/:format",
    operationId: "exportGroups",
    summary: "Export the filtered list of teams and models as CSV or XLSX",
    tags,
    permission: "group.read",
    params: ExportParamsSchema,
    querystring: ListGroupsQuerySchema,
    handler: async ({ readDb, actor, params, query, reply }) =>
      sendExport(
        reply,
        params.format,
        "to-mo-hinh",
        GROUP_EXPORT_COLUMNS,
        await groupsForExport(readDb, actor, query, EXPORT_MAX_ROWS - 1),
      ),
  }),
  defineRoute({
    method: "GET",
    url: "/group-types",
    operationId: "listGroupTypes",
    summary: "The catalogue of team and model types",
    tags,
    permission: "group.read",
    response: GroupTypeListSchema,
    handler: ({ db }) => groupTypeList(db),
  }),
  defineRoute({
    method: "POST",
    url: "/groups",
    operationId: "createGroup",
    summary: "Register a team or self-management model at a unit",
    tags,
    permission: "group.manage",
    body: CreateGroupBodySchema,
    status: 201,
    response: GroupDetailSchema,
    handler: ({ db, actor, body }) => registerGroup(db, actor, body),
  }),
  defineRoute({
    method: "GET",
    url: "/groups",
    operationId: "listGroups",
    summary: "Teams and models in the caller's scope, optionally within a unit's subtree",
    tags,
    permission: "group.read",
    querystring: ListGroupsQuerySchema,
    response: GroupPageSchema,
    handler: ({ readDb, actor, query }) => groupPage(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/groups/stale",
    operationId: "listStaleGroups",
    summary: "Groups with neither an evaluation nor an activity at their unit in 12 months",
    tags,
    permission: "group.read",
    querystring: ListStaleGroupsQuerySchema,
    response: StaleGroupPageSchema,
    handler: ({ db, actor, query }) => staleGroupPage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/groups/totals",
    operationId: "getGroupTotals",
    summary: "Per type: groups existing and members active on a date, in a unit's subtree",
    tags,
    permission: "group.read",
    querystring: GroupTotalsQuerySchema,
    response: GroupTotalsSchema,
    handler: ({ readDb, actor, query }) => unitGroupTotals(readDb, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/groups/:id",
    operationId: "getGroup",
    summary: "A group with its current member count, latest evaluation and surveys",
    tags,
    permission: "group.read",
    params,
    response: GroupDetailSchema,
    handler: ({ db, actor, params }) => groupDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/status",
    operationId: "changeGroupStatus",
    summary: "Move a group along pilot → active → dissolved (409 for an illegal move)",
    tags,
    permission: "group.manage",
    params,
    body: ChangeGroupStatusBodySchema,
    response: GroupSchema,
    handler: ({ db, actor, params, body }) => moveGroup(db, actor, params.id, body),
  }),
  ...groupRosterRoutes,
  ...teamEvaluationRoutes,
  ...groupEquipmentRoutes,
  ...groupDutyRoutes,
]);
