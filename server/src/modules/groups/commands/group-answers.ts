import type {
  AddGroupMemberBody,
  ChangeGroupStatusBody,
  CreateGroupBody,
  EvaluateGroupBody,
  Group,
  GroupDetail,
  GroupEvaluation,
  GroupMember,
  GroupSurvey,
  LeaveGroupBody,
  RecordGroupSurveyBody,
} from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import type { RosterCrypto } from "../groups.crypto";
import { presentGroup, presentMember } from "../groups.presenter";
import { getMember, getVisibleGroup } from "../groups.queries";
import { groupDetail } from "../groups.read";
import { addGroupMember } from "./add-group-member";
import { changeGroupStatus } from "./change-group-status";
import { createGroup } from "./create-group";
import { evaluateGroup } from "./evaluate-group";
import { recordGroupSurvey } from "./record-group-survey";
import { removeGroupMember } from "./remove-group-member";

// Each write use-case with the answer its route sends: the command, then the record as it now is.

/** Registers a group; answers its detail. */
export async function registerGroup(db: Db, actor: Actor, body: CreateGroupBody): Promise<GroupDetail> {
  return groupDetail(db, actor, await createGroup(db, actor, body));
}

/** Moves a group along its lifecycle; answers the group. */
export async function moveGroup(
  db: Db,
  actor: Actor,
  id: string,
  body: ChangeGroupStatusBody,
): Promise<Group> {
  await changeGroupStatus(db, actor, id, body);
  return presentGroup(await getVisibleGroup(db, actor, id));
}

/** Adds a member; answers the roster row. */
export async function enrolMember(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  groupId: string,
  body: AddGroupMemberBody,
): Promise<GroupMember> {
  const id = await addGroupMember(db, crypto, actor, groupId, body);
  return presentMember(crypto, await getMember(db, groupId, id));
}

/** Records the day a member left; answers the roster row. */
export async function recordLeave(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  groupId: string,
  memberId: string,
  body: LeaveGroupBody,
): Promise<GroupMember> {
  await removeGroupMember(db, actor, groupId, memberId, body);
  return presentMember(crypto, await getMember(db, groupId, memberId));
}

/** Records a survey; answers it. */
export async function surveyGroup(
  db: Db,
  actor: Actor,
  groupId: string,
  body: RecordGroupSurveyBody,
): Promise<GroupSurvey> {
  const id = await recordGroupSurvey(db, actor, groupId, body);
  return { id, ...body, notes: body.notes ?? null };
}

/** Records an evaluation; answers it. */
export async function recordEvaluation(
  db: Db,
  actor: Actor,
  groupId: string,
  body: EvaluateGroupBody,
): Promise<GroupEvaluation> {
  return { id: await evaluateGroup(db, actor, groupId, body), ...body };
}
