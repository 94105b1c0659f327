import { todayInVietnam } from "@toandan/contracts";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { orgUnits } from "../org-units/org-units.table";
import { newCertificateCode } from "./certificate-code";
import { CRITERIA_VERSION, seedCertificationCatalogue } from "./certification.catalogue";
import { seedCertificationHistoryDemo } from "./certification.history-demo";
import { periodOf, ruleFor, unitTypeOf } from "./certification.rules";
import { certificationCycles, disqualifyingEvents } from "./certification.table";

type Stage = "registered" | "self_assessed" | "recognised";

const MEETING = {
  chair: "Trưởng khóm",
  attendees: [
    { name: "Bí thư chi bộ", role: "Bí thư chi bộ" },
    { name: "Đại diện Ban công tác Mặt trận", role: "Trưởng ban" },
    { name: "Cảnh sát khu vực", role: "Công an phường" },
  ],
  minutes: "Hội nghị đánh giá kết quả thực hiện tiêu chuẩn và thống nhất đề nghị công nhận.",
  votesFor: 14,
  votesTotal: 15,
};

function stageFields(stage: Stage, year: number, codes: string[]) {
  if (stage === "registered") return {};
  const selfAssessment = {
    assessedOn: `${year}-10-05`,
    answers: codes.map((criterionCode) => ({ criterionCode, met: true })),
    crimes: 2,
    crimesPreviousYear: 4,
    socialEvils: 1,
    socialEvilsPreviousYear: 3,
    figuresSource: "Công an phường cung cấp (số liệu nhập tay, chưa có nguồn thống kê tội phạm)",
  };
  if (stage === "self_assessed") return { selfAssessment };
  const decision = {
    outcome: "recognised",
    decisionNumber: `${150 + (year % 10)}/QĐ-UBND`,
    decisionDate: `${year}-11-12`,
    signerName: "Chủ tịch UBND phường",
    signerTitle: "Chủ tịch",
    late: false,
  };
  return {
    selfAssessment,
    reviewMeeting: { ...MEETING, meetingDate: `${year}-10-20` },
    appraisal: { appraisedOn: `${year}-11-05`, recommendation: "recognise", opinion: "Đủ điều kiện." },
    decision,
    decisionNumber: decision.decisionNumber,
    decisionDate: decision.decisionDate,
    certificateCode: newCertificateCode(),
  };
}

/**
 * Demo certification cycles: Khóm 1 recognised last year and registered this year, Phường Bạc Liêu
 * registered this year, Phường An Xuyên self-assessed; one event in the register; and the 2013–2017
 * results of the former Bạc Liêu city's communes, residential areas and agencies
 * (certification.history-demo.ts). Written straight to the tables as the demo households are, with
 * one audit event.
 */
export async function seedCertificationDemo(
  db: Db,
  units: { areaId: string; wardId: string; otherWardId: string },
  year: number,
): Promise<void> {
  await seedCertificationCatalogue(db);
  const today = todayInVietnam();
  const rows = await db
    .select()
    .from(orgUnits)
    .where(inArray(orgUnits.id, [units.areaId, units.wardId, units.otherWardId]));
  const unit = (id: string) => rows.find((r) => r.id === id)!;
  const plan: [string, number, Stage][] = [
    [units.areaId, year - 1, "recognised"],
    [units.areaId, year, "registered"],
    [units.wardId, year - 1, "recognised"],
    [units.wardId, year, "registered"],
    [units.otherWardId, year, "self_assessed"],
  ];
  await db.transaction(async (tx) => {
    for (const [id, y, stage] of plan) {
      const u = unit(id);
      const unitType = unitTypeOf(u.kind);
      const rule = await ruleFor(tx, unitType, u.provinceId);
      const period = periodOf(rule, y);
      const codes =
        unitType === "residential_area"
          ? ["ra.1", "ra.2", "ra.3", "ra.4", "ra.5"]
          : ["cm.1", "cm.2", "cm.3", "cm.4"];
      await tx.insert(certificationCycles).values({
        orgUnitId: u.id,
        provinceId: u.provinceId,
        unitPath: u.path,
        unitType,
        year: y,
        status: stage,
        criteriaVersion: CRITERIA_VERSION,
        windowFrom: period.windowFrom,
        windowTo: period.windowTo,
        decisionDeadline: period.decisionDeadline,
        recognisingAuthority: rule.recognisingAuthority,
        authorityVerified: rule.authorityVerified,
        registeredOn: [`${y}-02-15`, today].sort()[0]!,
        partyResolution: true,
        planAdopted: unitType !== "residential_area",
        ...stageFields(stage, y, codes),
      });
    }
    const ward = unit(units.wardId);
    await tx.insert(disqualifyingEvents).values({
      orgUnitId: ward.id,
      provinceId: ward.provinceId,
      unitPath: ward.path,
      kind: "fire_explosion_accident",
      occurredOn: `${year}-04-18`,
      severity: "serious",
      forceMajeure: true,
      reportedPromptly: true,
      description: "Cháy nhà kho do sét đánh, không thiệt hại về người (bất khả kháng).",
    });
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "certification_cycle",
      data: { cycles: plan.length, year },
    });
  });
  await seedCertificationHistoryDemo(db, units.areaId);
}
