import { todayInVietnam } from "@toandan/contracts";
import type { SelfAssessmentBody } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleCycle } from "../certification.queries";
import { assertStep } from "../certification.rules";
import { advance } from "./advance";

/** The unit's self-assessment per criterion, with the crime and social-evil figures it reports. */
export async function submitSelfAssessment(db: Db, actor: Actor, id: string, body: SelfAssessmentBody) {
  const cycle = await getVisibleCycle(db, actor, id);
  assertStep(actor, "selfAssess", cycle.status, cycle.unitPath);
  const codes = await queryRows<{ code: string }>(
    db,
    sql`select code from certification_criteria where version = ${cycle.criteriaVersion}
          and unit_type = ${cycle.unitType} and (province_id is null or province_id = ${cycle.provinceId})`,
  );
  const known = new Set(codes.map((c) => c.code));
  const issues = body.answers.flatMap((a, i) =>
    known.has(a.criterionCode)
      ? []
      : [{ path: `answers.${i}.criterionCode`, message: "Tiêu chí không có trong bộ tiêu chí" }],
  );
  const seen = new Set(body.answers.map((a) => a.criterionCode));
  if (seen.size !== body.answers.length) {
    issues.push({ path: "answers", message: "Một tiêu chí được đánh giá hai lần" });
  }
  if (body.assessedOn < cycle.registeredOn) {
    issues.push({ path: "assessedOn", message: "Ngày tự đánh giá trước ngày đăng ký" });
  }
  if (body.assessedOn > todayInVietnam()) {
    issues.push({ path: "assessedOn", message: "Ngày tự đánh giá ở tương lai" });
  }
  if (issues.length > 0) throw validationFailed(issues);
  const selfAssessment = { ...body, figuresSource: body.figuresSource ?? null };
  await advance(
    db,
    actor,
    cycle,
    { selfAssessment },
    {
      action: "certification.self_assessed",
      data: { from: cycle.status, to: "self_assessed", ...selfAssessment },
    },
  );
}
