import { todayInVietnam, type UpdateCertificationCriteriaBody, formatVnDate } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { forbidden, validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { CRITERIA_SEED } from "../certification.catalogue";
import { certificationCriteria, certificationCriteriaVersions } from "../certification.table";
import { isProvinceAdministrator } from "../certification.versions";

/**
 * A province's new version of its extra criteria and recognising authorities (Circular 124/2021
 * Art. 8.1: "tiêu chí bổ sung do Ủy ban nhân dân cấp tỉnh quy định"; Art. 10 and domain-rules §1f.7
 * for the authority, kept configurable). Only a province-level administrator of that province may
 * add one (403 otherwise). The version applies from its date — today or later, never back-dated —
 * and never edits an earlier one: cycles already assessed keep the version they were pinned to.
 * The national criteria stay as shipped; their codes cannot be reused by a province.
 */
export async function updateCertificationCriteria(
  db: Db,
  actor: Actor,
  provinceId: string,
  body: UpdateCertificationCriteriaBody,
): Promise<string> {
  // A province-level administrator of this very province: anyone else is refused before any read.
  if (!isProvinceAdministrator(actor, provinceId)) throw forbidden();
  const province = await loadUnit(db, actor, provinceId, { permission: "certification.configure" });
  const issues: { path: string; message: string }[] = [];
  if (body.effectiveFrom < todayInVietnam()) {
    issues.push({ path: "effectiveFrom", message: "Ngày hiệu lực không được trước hôm nay" });
  }
  const national = new Set(Object.values(CRITERIA_SEED).flatMap((l) => l.map((c) => c.code)));
  body.extraCriteria.forEach((c, i) => {
    if (national.has(c.code)) {
      issues.push({
        path: `extraCriteria.${i}.code`,
        message: "Trùng mã tiêu chí của Thông tư 124/2021/TT-BCA",
      });
    }
  });
  const [same] = await db
    .select({ id: certificationCriteriaVersions.id })
    .from(certificationCriteriaVersions)
    .where(
      and(
        eq(certificationCriteriaVersions.provinceId, province.id),
        eq(certificationCriteriaVersions.effectiveFrom, body.effectiveFrom),
      ),
    );
  if (same) {
    issues.push({ path: "effectiveFrom", message: "Đã có phiên bản hiệu lực từ ngày này" });
  }
  if (issues.length > 0) throw validationFailed(issues);

  const authorities = Object.fromEntries(body.authorities.map(({ unitType, ...a }) => [unitType, a]));
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(certificationCriteriaVersions)
      .values({
        provinceId: province.id,
        label: `Tiêu chí bổ sung, hiệu lực từ ${formatVnDate(body.effectiveFrom)}`,
        effectiveFrom: body.effectiveFrom,
        basis: body.basis,
        authorities,
        createdBy: actor.accountId,
      })
      .returning({ id: certificationCriteriaVersions.id });
    const id = row!.id;
    if (body.extraCriteria.length > 0) {
      await tx.insert(certificationCriteria).values(
        body.extraCriteria.map((c, i) => ({
          code: c.code,
          version: id,
          unitType: c.unitType,
          article: c.article,
          titleVi: c.titleVi,
          titleEn: c.titleEn ?? c.titleVi,
          evidenceKey: null,
          provinceId: province.id,
          sortOrder: 100 + i,
        })),
      );
    }
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.criteria_updated",
      entityType: "certification_criteria_version",
      entityId: id,
      orgUnitId: province.id,
      data: {
        provinceId: province.id,
        effectiveFrom: body.effectiveFrom,
        basis: body.basis,
        extraCriteria: body.extraCriteria.map(({ unitType, code, article }) => ({ unitType, code, article })),
        authorities: body.authorities,
      },
    });
    return id;
  });
}
