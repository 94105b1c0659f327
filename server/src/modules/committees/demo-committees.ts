import type { CommitteeMemberInput } from "@toandan/contracts";
import type { Db } from "../../db/client";
import type { Actor } from "../../kernel/authz";
import { addCommitteeMember } from "./commands/add-committee-member";
import { assignCommitteeTask } from "./commands/assign-committee-task";
import { createSteeringCommittee } from "./commands/create-steering-committee";
import { recordCommitteeMeeting } from "./commands/record-committee-meeting";

const NAME =
  "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào Toàn dân bảo vệ an ninh Tổ quốc";

const m = (
  fullName: string,
  role: CommitteeMemberInput["role"],
  position: string,
  organisation: string,
  area: string,
  joinedOn: string,
): CommitteeMemberInput => ({ fullName, role, position, organisation, area, joinedOn });

/**
 * The demo's steering committees (fictional people): the ward's, consolidated after the 2025 reform,
 * and the province's, each with its members, a review meeting and an assignment.
 */
export async function seedDemoCommittees(
  db: Db,
  actor: Actor,
  units: { wardId: string; provinceId: string },
) {
  const on = "2025-07-15";
  const ward = await createSteeringCommittee(db, actor, {
    orgUnitId: units.wardId,
    name: NAME,
    decisionKind: "consolidated",
    decisionNumber: "15/QĐ-UBND",
    decisionOn: on,
    decisionIssuer: "Ủy ban nhân dân phường Bạc Liêu",
    members: [
      m("Trần Minh Tâm", "head", "Chủ tịch", "Ủy ban nhân dân phường", "Phụ trách chung", on),
      m("Lê Hoàng Phúc", "deputy", "Trưởng Công an phường", "Công an phường", "Phòng, chống tội phạm", on),
      m("Nguyễn Thị Thu Hà", "deputy", "Chủ tịch", "Ủy ban MTTQ Việt Nam phường", "Xây dựng phong trào", on),
      m("Phạm Văn Lợi", "member", "Chỉ huy trưởng", "Ban Chỉ huy quân sự phường", "Khóm 1, Khóm 2", on),
      m("Võ Thị Mai", "member", "Chủ tịch", "Hội Liên hiệp Phụ nữ phường", "Tệ nạn xã hội", on),
      m("Đặng Quốc Huy", "member", "Bí thư", "Đoàn Thanh niên phường", "Thanh niên, học sinh", on),
    ],
  });
  await addCommitteeMember(db, actor, ward.id, {
    fullName: "Huỳnh Văn Sang",
    role: "member",
    position: "Chủ tịch",
    organisation: "Hội Cựu chiến binh phường",
    area: "Tổ tự quản, tổ an ninh nhân dân",
    joinedOn: "2025-10-01",
  });
  const withMembers = await recordCommitteeMeeting(db, actor, ward.id, {
    heldOn: "2025-12-20",
    kind: "final_review",
    attendeeIds: ward.members.map((x) => x.id),
    agenda: "Tổng kết công tác phòng, chống tội phạm và phong trào năm 2025; phương hướng năm 2026",
    conclusions: "Kiện toàn tổ tự quản ở các khóm; tăng cường tuần tra dịp Tết",
  });
  const police = withMembers.members.find((x) => x.role === "deputy" && x.organisation.startsWith("Công an"));
  await assignCommitteeTask(db, actor, ward.id, {
    title: "Xây dựng kế hoạch tuần tra, bảo đảm an ninh, trật tự dịp Tết Nguyên đán",
    responsibleMemberId: police!.id,
    dueOn: "2026-01-15",
    meetingId: withMembers.meetings[0]!.id,
  });
  await createSteeringCommittee(db, actor, {
    orgUnitId: units.provinceId,
    name: NAME,
    decisionKind: "established",
    decisionNumber: "120/QĐ-UBND",
    decisionOn: "2025-07-10",
    decisionIssuer: "Ủy ban nhân dân tỉnh Cà Mau",
    members: [
      m("Ngô Thanh Bình", "head", "Phó Chủ tịch", "Ủy ban nhân dân tỉnh", "Phụ trách chung", "2025-07-10"),
      m("Lý Văn Khải", "deputy", "Giám đốc", "Công an tỉnh", "Phòng, chống tội phạm", "2025-07-10"),
      m(
        "Trương Thị Ngọc",
        "deputy",
        "Phó Chủ tịch",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Xây dựng phong trào",
        "2025-07-10",
      ),
    ],
  });
  return 2;
}
