import { todayInVietnam } from "@toandan/contracts";
import type { AppraiseBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleCycle } from "../certification.queries";
import { assertStep } from "../certification.rules";
import { advance } from "./advance";

/** Appraisal by the standing body of the Steering Committee, one level above the unit. */
export async function appraiseCertification(db: Db, actor: Actor, id: string, body: AppraiseBody) {
  const cycle = await getVisibleCycle(db, actor, id);
  assertStep(actor, "appraise", cycle.status, cycle.unitPath);
  const issues = [];
  if (cycle.reviewMeeting && body.appraisedOn < cycle.reviewMeeting.meetingDate) {
    issues.push({ path: "appraisedOn", message: "Ngày thẩm định trước ngày họp bình xét" });
  }
  if (body.appraisedOn > todayInVietnam()) {
    issues.push({ path: "appraisedOn", message: "Ngày thẩm định ở tương lai" });
  }
  if (issues.length > 0) throw validationFailed(issues);
  await advance(
    db,
    actor,
    cycle,
    { appraisal: body },
    { action: "certification.appraised", data: { from: cycle.status, to: "appraised", ...body } },
  );
}
