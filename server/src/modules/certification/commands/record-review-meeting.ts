import { todayInVietnam } from "@toandan/contracts";
import type { ReviewMeetingBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleCycle } from "../certification.queries";
import { assertStep } from "../certification.rules";
import { advance } from "./advance";

/** The review meeting chaired by the head of the unit (Art. 9.1): date, attendees, minutes, vote. */
export async function recordReviewMeeting(db: Db, actor: Actor, id: string, body: ReviewMeetingBody) {
  const cycle = await getVisibleCycle(db, actor, id);
  assertStep(actor, "review", cycle.status, cycle.unitPath);
  const issues = [];
  if (cycle.selfAssessment && body.meetingDate < cycle.selfAssessment.assessedOn) {
    issues.push({ path: "meetingDate", message: "Ngày họp trước ngày tự đánh giá" });
  }
  if (body.meetingDate > todayInVietnam()) {
    issues.push({ path: "meetingDate", message: "Ngày họp ở tương lai" });
  }
  if (body.votesFor > body.votesTotal) {
    issues.push({ path: "votesFor", message: "Số phiếu tán thành lớn hơn tổng số" });
  }
  if (issues.length > 0) throw validationFailed(issues);
  await advance(
    db,
    actor,
    cycle,
    { reviewMeeting: body },
    {
      action: "certification.reviewed",
      data: {
        from: cycle.status,
        to: "reviewed",
        meetingDate: body.meetingDate,
        attendees: body.attendees.length,
        votesFor: body.votesFor,
        votesTotal: body.votesTotal,
      },
    },
  );
}
