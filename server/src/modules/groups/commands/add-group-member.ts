import { randomUUID } from "node:crypto";
import {
  GRASSROOTS_MEMBER_MAX_AGE,
  GRASSROOTS_MEMBER_MIN_AGE,
  GRASSROOTS_SECURITY_TEAM,
  type AddGroupMemberBody,
  type ApiIssue,
} from "@toandan/contracts";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { sealMember, type RosterCrypto } from "../groups.crypto";
import { getVisibleGroup, type GroupDbRow } from "../groups.queries";
import { groupMembers } from "../groups.table";

/** Age in whole years on a day (ISO dates); a 29 February birthday is reached on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

const TEAM_AGE_MESSAGE = `Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở phải từ đủ ${GRASSROOTS_MEMBER_MIN_AGE} đến ${GRASSROOTS_MEMBER_MAX_AGE} tuổi vào ngày vào tổ`;

/**
 * Law 30/2023/QH15 Art. 13: members of the grassroots security team are aged 18 to 70. Over 70 is
 * allowed by a decision of the commune People's Committee Chairman, recorded with the member
 * (number and date, on or before the joining date).
 */
function teamAgeIssue(group: GroupDbRow, body: AddGroupMemberBody): ApiIssue | null {
  if (group.typeCode !== GRASSROOTS_SECURITY_TEAM) return null;
  if (!body.birthDate) {
    return { path: "birthDate", message: "Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở phải có ngày sinh" };
  }
  const age = ageOn(body.birthDate, body.joinedOn);
  if (age < GRASSROOTS_MEMBER_MIN_AGE) return { path: "birthDate", message: TEAM_AGE_MESSAGE };
  if (age > GRASSROOTS_MEMBER_MAX_AGE) {
    if (!body.ageException) {
      return {
        path: "ageException",
        message: `${TEAM_AGE_MESSAGE}; trên ${GRASSROOTS_MEMBER_MAX_AGE} tuổi cần quyết định của Chủ tịch UBND cấp xã`,
      };
    }
    if (body.ageException.decidedOn > body.joinedOn) {
      return { path: "ageException.decidedOn", message: "Ngày quyết định sau ngày vào tổ" };
    }
  }
  return null;
}

function memberIssues(group: GroupDbRow, body: AddGroupMemberBody): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (body.joinedOn < group.foundedOn) {
    issues.push({ path: "joinedOn", message: "Ngày vào tổ trước ngày thành lập tổ, mô hình" });
  }
  if (body.birthDate && body.birthDate > body.joinedOn) {
    issues.push({ path: "birthDate", message: "Ngày sinh sau ngày vào tổ" });
  } else {
    const age = teamAgeIssue(group, body);
    if (age) issues.push(age);
  }
  return issues;
}

/** Adds a member to the roster of a group that is not dissolved. */
export async function addGroupMember(
  db: Db,
  crypto: RosterCrypto,
  actor: Actor,
  groupId: string,
  body: AddGroupMemberBody,
): Promise<string> {
  const group = await getVisibleGroup(db, actor, groupId, "group.manage");
  const issues = memberIssues(group, body);
  if (issues.length) throw validationFailed(issues);
  if (group.status === "dissolved") throw conflict("Tổ, mô hình đã giải thể, không thể thêm thành viên");
  const id = randomUUID();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(groupMembers)
      .values({
        id,
        groupId,
        ...sealMember(crypto, id, body),
        birthDate: body.birthDate ?? null,
        role: body.role ?? null,
        joinedOn: body.joinedOn,
        disciplined: body.disciplined,
        ageExceptionDecision: body.ageException?.decisionNumber ?? null,
        ageExceptionDecidedOn: body.ageException?.decidedOn ?? null,
      })
      .returning({ id: groupMembers.id });
    // Personal data stays sealed in the roster; the append-only log keeps only what identifies the row.
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "group.member_added",
      entityType: "group",
      entityId: groupId,
      orgUnitId: group.orgUnitId,
      data: {
        memberId: row!.id,
        joinedOn: body.joinedOn,
        role: body.role ?? null,
        disciplined: body.disciplined,
        ageException: body.ageException ?? null,
      },
    });
    return row!.id;
  });
}
