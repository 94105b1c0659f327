import { todayInVietnam, formatVnDate } from "@toandan/contracts";
import type { DecideBody } from "@toandan/contracts";
import type { Db } from "../../../db/client";
import type { Actor } from "../../../kernel/authz";
import { AppError, validationFailed } from "../../../kernel/errors";
import { newCertificateCode } from "../certificate-code";
import { documentsOf, getVisibleCycle, missingDossier } from "../certification.queries";
import { assertStep } from "../certification.rules";
import { advance } from "./advance";

/**
 * The recognising authority's decision, with its number and date. Refused (409) without a complete
 * dossier; after the deadline it needs a reason. A recognised unit gets a certificate code.
 */
export async function decideCertification(db: Db, actor: Actor, id: string, body: DecideBody) {
  const cycle = await getVisibleCycle(db, actor, id);
  assertStep(actor, "decide", cycle.status, cycle.unitPath);
  const late = body.decisionDate > cycle.decisionDeadline;
  const issues = [];
  if (cycle.appraisal && body.decisionDate < cycle.appraisal.appraisedOn) {
    issues.push({ path: "decisionDate", message: "Ngày quyết định trước ngày thẩm định" });
  }
  if (body.decisionDate > todayInVietnam()) {
    issues.push({ path: "decisionDate", message: "Ngày quyết định ở tương lai" });
  }
  if (late && !body.lateReason) {
    issues.push({
      path: "lateReason",
      message: `Quyết định sau hạn ${formatVnDate(cycle.decisionDeadline)}: cần nêu lý do chậm`,
    });
  }
  if (body.outcome === "not_recognised" && !body.reason) {
    issues.push({ path: "reason", message: "Cần nêu lý do không công nhận" });
  }
  if (issues.length > 0) throw validationFailed(issues);
  const missing = missingDossier(cycle, await documentsOf(db, cycle.id));
  if (missing.length > 0) {
    throw new AppError("conflict", "Hồ sơ đề nghị công nhận chưa đầy đủ, chưa thể ra quyết định.", {
      issues: missing,
    });
  }
  const code = body.outcome === "recognised" ? newCertificateCode() : null;
  await advance(
    db,
    actor,
    cycle,
    {
      decision: { ...body, late },
      decisionNumber: body.decisionNumber,
      decisionDate: body.decisionDate,
      certificateCode: code,
    },
    {
      action: "certification.decided",
      data: {
        from: cycle.status,
        to: body.outcome,
        outcome: body.outcome,
        decisionNumber: body.decisionNumber,
        decisionDate: body.decisionDate,
        late,
        lateReason: body.lateReason ?? null,
      },
    },
  );
}
