import { groupExportRoutes } from "./groups.export";
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
  type GroupCategory,
  type GroupDetail,
  todayInVietnam,
} from "@toandan/contracts";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../kernel/authz";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { loadUnit } from "../org-units";
import { changeGroupStatus } from "./commands/change-group-status";
import { createGroup } from "./commands/create-group";
import { groupRosterRoutes } from "./group-roster.routes";
import { presentGroup, presentStaleGroup } from "./groups.presenter";
import { getVisibleGroup, groupExtras, listGroups } from "./groups.queries";
import { groupTotals, listStaleGroups } from "./groups.stats";
import { groupTypes } from "./groups.table";

const IdParams = z.object({ id: IdSchema });
const TAGS = ["groups"];

/** The path of a subtree filter unit that lies in the actor's read scope, or 404. */
async function subtreePath(app: FastifyInstance, actor: Actor, unitId: string | undefined) {
  if (!unitId) return undefined;
  return (await loadUnit(app.db, actor, unitId, { permission: "group.read", scope: "path" })).path;
}

async function detail(app: FastifyInstance, actor: Actor, id: string): Promise<GroupDetail> {
  const row = await getVisibleGroup(app.db, actor, id);
  return {
    ...presentGroup(row),
    ...(await groupExtras(app.db, actor, row, todayInVietnam())),
  } as GroupDetail;
}

export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(groupExportRoutes);
  app.get(
    "/group-types",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "listGroupTypes",
        tags: TAGS,
        summary: "The catalogue of team and model types",
        response: { 200: GroupTypeListSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      requirePermission(requireActor(req), "group.read");
      const rows = await app.db.select().from(groupTypes).orderBy(groupTypes.category, groupTypes.code);
      return { items: rows.map((r) => ({ ...r, category: r.category as GroupCategory })), nextCursor: null };
    },
  );

  app.post(
    "/groups",
    {
      config: { permission: "group.manage" },
      schema: {
        operationId: "createGroup",
        tags: TAGS,
        summary: "Register a team or self-management model at a unit",
        body: CreateGroupBodySchema,
        response: { 201: GroupDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.manage");
      const id = await createGroup(app.db, actor, req.body);
      return reply.status(201).send(await detail(app, actor, id));
    },
  );

  app.get(
    "/groups",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "listGroups",
        tags: TAGS,
        summary: "Teams and models in the caller's scope, optionally within a unit's subtree",
        querystring: ListGroupsQuerySchema,
        response: { 200: GroupPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.read");
      const offset = decodeCursor(req.query.cursor);
      const prefix = await subtreePath(app, actor, req.query.orgUnitId);
      const rows = await listGroups(app.db, actor, req.query, prefix, offset);
      const page = pageFrom(rows, offset, req.query.limit);
      return { ...page, items: page.items.map(presentGroup) };
    },
  );

  app.get(
    "/groups/stale",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "listStaleGroups",
        tags: TAGS,
        summary: "Groups with neither an evaluation nor an activity at their unit in 12 months",
        querystring: ListStaleGroupsQuerySchema,
        response: { 200: StaleGroupPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.read");
      const q = req.query;
      const offset = decodeCursor(q.cursor);
      const prefix = await subtreePath(app, actor, q.orgUnitId);
      const asOf = q.asOf ?? todayInVietnam();
      const rows = await listStaleGroups(app.db, actor, { prefix, asOf, offset, limit: q.limit });
      const page = pageFrom(rows, offset, q.limit);
      return { ...page, items: page.items.map(presentStaleGroup) };
    },
  );

  app.get(
    "/groups/totals",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "getGroupTotals",
        tags: TAGS,
        summary: "Per type: groups existing and members active on a date, in a unit's subtree",
        querystring: GroupTotalsQuerySchema,
        response: { 200: GroupTotalsSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.read");
      const at = req.query.at ?? todayInVietnam();
      const prefix = (await subtreePath(app, actor, req.query.orgUnitId))!;
      const { groups, members, byType } = await groupTotals(app.db, { rollupPathPrefix: prefix, at });
      return { orgUnitId: req.query.orgUnitId, at, items: byType, total: { groups, members } };
    },
  );

  app.get(
    "/groups/:id",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "getGroup",
        tags: TAGS,
        summary: "A group with its current member count, latest evaluation and surveys",
        params: IdParams,
        response: { 200: GroupDetailSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.read");
      return detail(app, actor, req.params.id);
    },
  );

  app.post(
    "/groups/:id/status",
    {
      config: { permission: "group.manage" },
      schema: {
        operationId: "changeGroupStatus",
        tags: TAGS,
        summary: "Move a group along pilot → active → dissolved (409 for an illegal move)",
        params: IdParams,
        body: ChangeGroupStatusBodySchema,
        response: { 200: GroupSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.manage");
      await changeGroupStatus(app.db, actor, req.params.id, req.body);
      return presentGroup(await getVisibleGroup(app.db, actor, req.params.id));
    },
  );

  await app.register(groupRosterRoutes);
};
