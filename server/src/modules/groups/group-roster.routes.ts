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
import { z } from "zod";
import { defineRoute } from "../../kernel/http/define-route";
import { enrolMember, recordEvaluation, recordLeave, surveyGroup } from "./commands/group-answers";
import { rosterCryptoFor } from "./groups.crypto";
import { memberPage } from "./groups.read";

const params = z.object({ id: IdSchema });
const memberParams = z.object({ id: IdSchema, memberId: IdSchema });
const tags = ["groups"];

/** Rosters, surveys and evaluations of a group. */
export const groupRosterRoutes = [
  defineRoute({
    method: "POST",
    url: "/groups/:id/members",
    operationId: "addGroupMember",
    summary: "Add a member (grassroots security teams: aged 18–70 on the join date)",
    tags,
    permission: "group.manage",
    params,
    body: AddGroupMemberBodySchema,
    status: 201,
    response: GroupMemberSchema,
    idempotent: true,
    handler: ({ db, app, actor, params, body }) =>
      enrolMember(db, rosterCryptoFor(app), actor, params.id, body),
  }),
  defineRoute({
    method: "GET",
    url: "/groups/:id/members",
    operationId: "listGroupMembers",
    summary:
      "A group's roster (identities sealed at rest), optionally only the members active on a date or with a name",
    tags,
    permission: "group.read",
    params,
    querystring: ListGroupMembersQuerySchema,
    response: GroupMemberPageSchema,
    handler: ({ db, app, actor, params, query }) =>
      memberPage(db, rosterCryptoFor(app), actor, params.id, query),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/members/:memberId/leave",
    operationId: "removeGroupMember",
    summary: "Record the day a member left (the roster keeps the row)",
    tags,
    permission: "group.manage",
    params: memberParams,
    body: LeaveGroupBodySchema,
    response: GroupMemberSchema,
    idempotent: true,
    versioned: { table: "group_members", param: "memberId" },
    handler: ({ db, app, actor, params, body }) =>
      recordLeave(db, rosterCryptoFor(app), actor, params.id, params.memberId, body),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/surveys",
    operationId: "recordGroupSurvey",
    summary: "Record a survey of crimes, drug users, gangs and social evils (the first is the baseline)",
    tags,
    permission: "group.manage",
    params,
    body: RecordGroupSurveyBodySchema,
    status: 201,
    response: GroupSurveySchema,
    handler: ({ db, actor, params, body }) => surveyGroup(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/groups/:id/evaluations",
    operationId: "evaluateGroup",
    summary: "Evaluate a group: four duty levels for teams, effective or on paper for models",
    tags,
    permission: "group.manage",
    params,
    body: EvaluateGroupBodySchema,
    status: 201,
    response: GroupEvaluationSchema,
    handler: ({ db, actor, params, body }) => recordEvaluation(db, actor, params.id, body),
  }),
];
