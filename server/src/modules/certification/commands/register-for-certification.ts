import { todayInVietnam } from "@toandan/contracts";
import type { RegisterCertificationBody } from "@toandan/contracts";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { recordEvent } from "../../../kernel/audit";
import type { Actor } from "../../../kernel/authz";
import { conflict, validationFailed } from "../../../kernel/errors";
import { loadUnit } from "../../org-units";
import { CRITERIA_VERSION } from "../certification.catalogue";
import { periodOf, ruleFor, unitTypeOf } from "../certification.rules";
import { certificationCycles } from "../certification.table";

/** Q1 registration: opens the unit's cycle for the year, with the rule's window and deadline. */
export async function registerForCertification(
  db: Db,
  actor: Actor,
  body: RegisterCertificationBody,
): Promise<string> {
  const unit = await loadUnit(db, actor, body.orgUnitId, { permission: "certification.register" });
  if (unit.validTo !== null) {
    throw validationFailed([{ path: "orgUnitId", message: "Chọn một đơn vị đang có hiệu lực" }]);
  }
  const unitType = unitTypeOf(unit.kind);
  const rule = await ruleFor(db, unitType, unit.provinceId);
  const period = periodOf(rule, body.year);
  const issues = [];
  if (body.registeredOn > todayInVietnam()) {
    issues.push({ path: "registeredOn", message: "Ngày đăng ký ở tương lai" });
  }
  if (body.registeredOn < period.windowFrom || body.registeredOn > period.windowTo) {
    issues.push({ path: "registeredOn", message: "Ngày đăng ký nằm ngoài kỳ đánh giá của năm" });
  }
  if (unitType !== "residential_area" && body.householdsRegistered !== undefined) {
    issues.push({ path: "householdsRegistered", message: "Chỉ khu dân cư đăng ký theo hộ gia đình" });
  }
  if (issues.length > 0) throw validationFailed(issues);
  const [existing] = await db
    .select({ id: certificationCycles.id })
    .from(certificationCycles)
    .where(and(eq(certificationCycles.orgUnitId, unit.id), eq(certificationCycles.year, body.year)));
  if (existing) throw conflict(`Đơn vị đã đăng ký xét công nhận năm ${body.year}.`);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(certificationCycles)
      .values({
        orgUnitId: unit.id,
        provinceId: unit.provinceId,
        unitPath: unit.path,
        unitType,
        year: body.year,
        status: "registered",
        criteriaVersion: CRITERIA_VERSION,
        windowFrom: period.windowFrom,
        windowTo: period.windowTo,
        decisionDeadline: period.decisionDeadline,
        recognisingAuthority: rule.recognisingAuthority,
        authorityVerified: rule.authorityVerified,
        registeredOn: body.registeredOn,
        partyResolution: body.partyResolution,
        planAdopted: body.planAdopted,
        householdsRegistered: body.householdsRegistered ?? null,
        notes: body.notes ?? null,
        createdBy: actor.accountId,
      })
      .returning({ id: certificationCycles.id });
    await recordEvent(tx, {
      actorId: actor.accountId,
      action: "certification.registered",
      entityType: "certification_cycle",
      entityId: row!.id,
      orgUnitId: unit.id,
      data: { ...body, unitType },
    });
    return row!.id;
  });
}
