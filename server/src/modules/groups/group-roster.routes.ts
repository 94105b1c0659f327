import {
  AddGroupMemberBodySchema,
  EvaluateGroupBodySchema,
  GroupEvaluationSchema,
  GroupMemberPageSchema,
  GroupMemberSchema,
  GroupSurveySchema,
  IdSchema,
  LeaveGroupBodySchema,
  ListGroupMembersQuerySchema,
  RecordGroupSurveyBodySchema,
} from "@toandan/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { requirePermission } from "../../kernel/authz";
import { requireActor } from "../../kernel/http/context";
import { ERROR_RESPONSES } from "../../kernel/http/openapi";
import { decodeCursor, pageFrom } from "../../kernel/pagination";
import { addGroupMember } from "./commands/add-group-member";
import { evaluateGroup } from "./commands/evaluate-group";
import { recordGroupSurvey } from "./commands/record-group-survey";
import { removeGroupMember } from "./commands/remove-group-member";
import { presentMember } from "./groups.presenter";
import { getMember, getVisibleGroup, listMembers } from "./groups.queries";

const IdParams = z.object({ id: IdSchema });
const MemberParams = z.object({ id: IdSchema, memberId: IdSchema });
const TAGS = ["groups"];

/** Rosters, surveys and evaluations of a group. */
export const groupRosterRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/groups/:id/members",
    {
      config: { permission: "group.manage" },
      schema: {
        operationId: "addGroupMember",
        tags: TAGS,
        summary: "Add a member (grassroots security teams: aged 18–70 on the join date)",
        params: IdParams,
        body: AddGroupMemberBodySchema,
        response: { 201: GroupMemberSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.manage");
      const memberId = await addGroupMember(app.db, actor, req.params.id, req.body);
      return reply.status(201).send(presentMember(await getMember(app.db, req.params.id, memberId)));
    },
  );

  app.get(
    "/groups/:id/members",
    {
      config: { permission: "group.read" },
      schema: {
        operationId: "listGroupMembers",
        tags: TAGS,
        summary: "A group's roster, optionally only the members active on a date",
        params: IdParams,
        querystring: ListGroupMembersQuerySchema,
        response: { 200: GroupMemberPageSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.read");
      const offset = decodeCursor(req.query.cursor);
      const group = await getVisibleGroup(app.db, actor, req.params.id);
      const rows = await listMembers(app.db, group.id, req.query, offset);
      const page = pageFrom(rows, offset, req.query.limit);
      return { ...page, items: page.items.map(presentMember) };
    },
  );

  app.post(
    "/groups/:id/members/:memberId/leave",
    {
      config: { permission: "group.manage" },
      schema: {
        operationId: "removeGroupMember",
        tags: TAGS,
        summary: "Record the day a member left (the roster keeps the row)",
        params: MemberParams,
        body: LeaveGroupBodySchema,
        response: { 200: GroupMemberSchema, ...ERROR_RESPONSES },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.manage");
      const { id, memberId } = req.params;
      await removeGroupMember(app.db, actor, id, memberId, req.body);
      return presentMember(await getMember(app.db, id, memberId));
    },
  );

  app.post(
    "/groups/:id/surveys",
    {
      config: { permission: "group.manage" },
      schema: {
        operationId: "recordGroupSurvey",
        tags: TAGS,
        summary: "Record a survey of crimes, drug users, gangs and social evils (the first is the baseline)",
        params: IdParams,
        body: RecordGroupSurveyBodySchema,
        response: { 201: GroupSurveySchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.manage");
      const id = await recordGroupSurvey(app.db, actor, req.params.id, req.body);
      return reply.status(201).send({ id, ...req.body, notes: req.body.notes ?? null });
    },
  );

  app.post(
    "/groups/:id/evaluations",
    {
      config: { permission: "group.manage" },
      schema: {
        operationId: "evaluateGroup",
        tags: TAGS,
        summary: "Evaluate a group: four duty levels for teams, effective or on paper for models",
        params: IdParams,
        body: EvaluateGroupBodySchema,
        response: { 201: GroupEvaluationSchema, ...ERROR_RESPONSES },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      requirePermission(actor, "group.manage");
      const id = await evaluateGroup(app.db, actor, req.params.id, req.body);
      return reply.status(201).send({ id, ...req.body });
    },
  );
};
