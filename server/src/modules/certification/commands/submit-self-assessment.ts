import { todayInVietnam } from "@toandan/contracts";
import type { SelfAssessmentBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { validationFailed } from "../../../kernel/errors";
import { getVisibleCycle } from "../certification.queries";
import { assertStep } from "../certification.rules";
import { criteriaOf, provinceVersionOn } from "../certification.versions";
import { advance } from "./advance";

/** The unit's self-assessment per criterion, with the crime and social-evil figures it reports. */
export async function submitSelfAssessment(db: Db, actor: Actor, id: string, body: SelfAssessmentBody) {
  const cycle = await getVisibleCycle(db, actor, id);
  assertStep(actor, "selfAssess", cycle.status, cycle.unitPath);
  // The cycle is assessed under the province's criteria version in force on the assessment date,
  // and keeps it (Circular 124/2021 Art. 8.1; a later version never rewrites an assessment).
  const version = await provinceVersionOn(db, cycle.provinceId, body.assessedOn);
  const known = new Set((await criteriaOf(db, cycle, version)).map((c) => c.code));
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
  if (cycle.unitType === "agency" || cycle.unitType === "enterprise" || cycle.unitType === "school") {
    // Art. 6.1 / 7.1: internal rules and 100% briefed are part of criterion 1; they must be recorded.
    if (body.internalRules === undefined) {
      issues.push({ path: "internalRules", message: "Chưa cho biết đã có nội quy, quy chế bảo vệ hay chưa" });
    }
    if (body.peopleToBrief === undefined) {
      issues.push({ path: "peopleToBrief", message: "Chưa nhập số người phải được quán triệt" });
    }
    if (body.peopleBriefed === undefined) {
      issues.push({ path: "peopleBriefed", message: "Chưa nhập số người đã được quán triệt" });
    } else if (body.peopleToBrief !== undefined && body.peopleBriefed > body.peopleToBrief) {
      issues.push({
        path: "peopleBriefed",
        message: "Số người đã quán triệt lớn hơn số người phải quán triệt",
      });
    }
  } else if (
    body.internalRules !== undefined ||
    body.peopleToBrief !== undefined ||
    body.peopleBriefed !== undefined
  ) {
    issues.push({
      path: "internalRules",
      message: "Nội quy và tỷ lệ quán triệt chỉ ghi cho cơ quan, doanh nghiệp, cơ sở giáo dục",
    });
  }
  if (issues.length > 0) throw validationFailed(issues);
  const selfAssessment = { ...body, figuresSource: body.figuresSource ?? null };
  const authority = version?.authorities[cycle.unitType];
  await advance(
    db,
    actor,
    cycle,
    {
      selfAssessment,
      provinceCriteriaVersionId: version?.id ?? null,
      ...(authority
        ? {
            recognisingAuthority: authority.recognisingAuthority,
            authorityVerified: authority.authorityVerified,
          }
        : {}),
    },
    {
      action: "certification.self_assessed",
      data: { from: cycle.status, to: "self_assessed", ...selfAssessment },
    },
  );
}
