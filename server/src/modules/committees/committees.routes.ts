import {
  AddCommitteeMemberBodySchema,
  CommitteeTotalsQuerySchema,
  CommitteeTotalsSchema,
  CompleteCommitteeAssignmentBodySchema,
  CreateCommitteeAssignmentBodySchema,
  CreateSteeringCommitteeBodySchema,
  IdSchema,
  ListSteeringCommitteesQuerySchema,
  RecordCommitteeMeetingBodySchema,
  RemoveCommitteeMemberBodySchema,
  SteeringCommitteeDetailSchema,
  SteeringCommitteePageSchema,
} from "@toandan/contracts";
import { z } from "zod";
import { defineRoute, routesPlugin } from "../../kernel/http/define-route";
import { addCommitteeMember } from "./commands/add-committee-member";
import { assignCommitteeTask } from "./commands/assign-committee-task";
import { completeCommitteeAssignment } from "./commands/complete-committee-assignment";
import { createSteeringCommittee } from "./commands/create-steering-committee";
import { recordCommitteeMeeting } from "./commands/record-committee-meeting";
import { removeCommitteeMember } from "./commands/remove-committee-member";
import { committeeDetail, committeePage, committeeTotals } from "./committees.queries";

const params = z.object({ id: IdSchema });
const tags = ["committees"];

export const committeeRoutes = routesPlugin([
  defineRoute({
    method: "GET",
    url: "/committees",
    operationId: "listSteeringCommittees",
    summary: "Steering committees in scope",
    tags,
    permission: "committee.read",
    querystring: ListSteeringCommitteesQuerySchema,
    response: SteeringCommitteePageSchema,
    handler: ({ db, actor, query }) => committeePage(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/committees/totals",
    operationId: "getCommitteeTotals",
    summary: "Committees and their serving members in a unit's subtree, per unit",
    tags,
    permission: "committee.read",
    querystring: CommitteeTotalsQuerySchema,
    response: CommitteeTotalsSchema,
    handler: ({ db, actor, query }) => committeeTotals(db, actor, query),
  }),
  defineRoute({
    method: "GET",
    url: "/committees/:id",
    operationId: "getSteeringCommittee",
    summary: "One committee with its members, meetings and assignments",
    tags,
    permission: "committee.read",
    params,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, params }) => committeeDetail(db, actor, params.id),
  }),
  defineRoute({
    method: "POST",
    url: "/committees",
    operationId: "createSteeringCommittee",
    summary: "Record the decision establishing or consolidating a committee, with its members",
    tags,
    permission: "committee.manage",
    body: CreateSteeringCommitteeBodySchema,
    status: 201,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, body }) => createSteeringCommittee(db, actor, body),
  }),
  defineRoute({
    method: "POST",
    url: "/committees/:id/members",
    operationId: "addCommitteeMember",
    summary: "Add a member",
    tags,
    permission: "committee.manage",
    params,
    body: AddCommitteeMemberBodySchema,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, params, body }) => addCommitteeMember(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/committees/:id/members/:memberId/removal",
    operationId: "removeCommitteeMember",
    summary: "A member leaves the committee",
    tags,
    permission: "committee.manage",
    params: params.extend({ memberId: IdSchema }),
    body: RemoveCommitteeMemberBodySchema,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, params, body }) =>
      removeCommitteeMember(db, actor, params.id, params.memberId, body),
  }),
  defineRoute({
    method: "POST",
    url: "/committees/:id/meetings",
    operationId: "recordCommitteeMeeting",
    summary: "Record a meeting with its attendees, agenda and conclusions",
    tags,
    permission: "committee.manage",
    params,
    body: RecordCommitteeMeetingBodySchema,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, params, body }) => recordCommitteeMeeting(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/committees/:id/assignments",
    operationId: "assignCommitteeTask",
    summary: "Assign a task to a member, with a due date",
    tags,
    permission: "committee.manage",
    params,
    body: CreateCommitteeAssignmentBodySchema,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, params, body }) => assignCommitteeTask(db, actor, params.id, body),
  }),
  defineRoute({
    method: "POST",
    url: "/committees/:id/assignments/:assignmentId/done",
    operationId: "completeCommitteeAssignment",
    summary: "Mark a task done",
    tags,
    permission: "committee.manage",
    params: params.extend({ assignmentId: IdSchema }),
    body: CompleteCommitteeAssignmentBodySchema,
    response: SteeringCommitteeDetailSchema,
    handler: ({ db, actor, params, body }) =>
      completeCommitteeAssignment(db, actor, params.id, params.assignmentId, body),
  }),
]);
