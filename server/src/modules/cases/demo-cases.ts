import { createHmac, randomUUID } from "node:crypto";
import path from "node:path";
import { todayInVietnam } from "@toandan/contracts";
import { addDays, format, parseISO } from "date-fns";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { Envelope, loadOrCreateMasterKey } from "../../kernel/envelope";
import { commendationEndorsements, commendations } from "../commendations/commendations.table";
import { hotspotEvidence, hotspotStatusHistory, hotspotTasks, hotspots } from "../hotspots/hotspots.table";
import { aad } from "./cases.crypto";
import { caseDueDates, quarterOf } from "./cases.deadlines";
import { caseClassifications, caseReports, caseSupports, cases } from "./cases.table";
import { seedDemoCaseHistory } from "./demo-case-history";
import { seedDemoHelpToday } from "./demo-case-help-today";

type Unit = { id: string; path: string; provinceId: string | null };

const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), "yyyy-MM-dd");

/**
 * Demo records for Phường Bạc Liêu / Khóm 1: three case files (fictitious people and numbers), one
 * hotspot under transformation, and two commendations (one published with consent); then the help
 * history of the pre-reform communes (demo-case-history.ts: seeds 004 and 000).
 */
export async function seedDemoCases(db: Db, masterKeyFile: string, ward: Unit, area: Unit): Promise<void> {
  const envelope = new Envelope(loadOrCreateMasterKey(masterKeyFile));
  const indexKey = loadOrCreateMasterKey(path.join(path.dirname(masterKeyFile), "case-index.key"));
  const index = (n: string) => createHmac("sha256", indexKey).update(`identity:${n}`).digest("hex");
  const body = async (unitId: string, kind: string) =>
    (
      await queryRows<{ id: string }>(
        db,
        sql`select id from bodies where org_unit_id = ${unitId} and kind = ${kind}`,
      )
    )[0]!.id;
  const women = await body(ward.id, "women");
  const police = await body(ward.id, "police");
  const front = await body(ward.id, "front");
  const today = todayInVietnam();
  const people = [
    {
      name: "Trần Văn Minh",
      dob: "1988-04-12",
      idn: "096088001234",
      cat: "property",
      offence: "Trộm cắp tài sản",
      released: shift(today, -200),
      reportedIn: shift(today, -195),
      assigned: true,
      closed: false,
    },
    {
      name: "Lê Thị Hồng",
      dob: "1995-09-02",
      idn: "096195004321",
      cat: "drugs",
      offence: "Tàng trữ trái phép chất ma túy",
      released: shift(today, -6),
      reportedIn: shift(today, -2),
      assigned: false,
      closed: false,
    },
    {
      name: "Phạm Quốc Bảo",
      dob: "1979-01-25",
      idn: "096079009876",
      cat: "violence",
      offence: "Cố ý gây thương tích",
      released: shift(today, -700),
      reportedIn: shift(today, -696),
      assigned: true,
      closed: true,
    },
  ];
  await db.transaction(async (tx) => {
    for (const p of people) {
      const id = randomUUID();
      const seal = (v: string, f: string) => envelope.seal(v, aad(id, f));
      const due = caseDueDates(p.reportedIn);
      const decidedOn = p.assigned ? shift(p.reportedIn, 2) : null;
      await tx.insert(cases).values({
        id,
        kind: "released_prisoner",
        orgUnitId: area.id,
        communeId: ward.id,
        provinceId: area.provinceId,
        rollupPath: area.path,
        fullNameSealed: seal(p.name, "full_name"),
        dateOfBirthSealed: seal(p.dob, "date_of_birth"),
        identitySealed: seal(p.idn, "identity"),
        identityIndex: index(p.idn),
        offenceCategorySealed: seal(p.cat, "offence_category"),
        offenceSealed: seal(p.offence, "offence"),
        releaseOrDecisionDate: p.released,
        reportedInOn: p.reportedIn,
        ...due,
        status: p.closed ? "closed" : p.assigned ? "assigned" : "reported_in",
        assigneeBodyId: p.assigned ? women : null,
        decisionNumber: p.assigned ? "15/QĐ-UBND" : null,
        decidedOn,
        fileOpenedOn: decidedOn,
        latestGroup: p.assigned ? (p.closed ? "A" : "B") : null,
        latestQuarter: decidedOn ? quarterOf(decidedOn) : null,
        outcome: p.closed ? "expunged" : null,
        closedOn: p.closed ? shift(today, -30) : null,
      });
      if (decidedOn) {
        const q = quarterOf(decidedOn);
        const reportId = randomUUID();
        await tx.insert(caseReports).values({
          id: reportId,
          caseId: id,
          quarter: q,
          reportedOn: shift(decidedOn, 60),
          summarySealed: envelope.seal(
            "Chấp hành tốt quy định, tích cực tìm việc làm.",
            aad(id, `report:${reportId}`),
          ),
        });
        await tx.insert(caseClassifications).values({
          caseId: id,
          rollupPath: area.path,
          quarter: q,
          group: p.closed ? "A" : "B",
          classifiedOn: shift(decidedOn, 62),
        });
        await tx.insert(caseSupports).values({
          caseId: id,
          rollupPath: area.path,
          kind: "vocational_training",
          providedOn: shift(decidedOn, 20),
          provider: "Trung tâm Giáo dục nghề nghiệp phường Bạc Liêu",
        });
      }
    }
    const [h] = await tx
      .insert(hotspots)
      .values({
        orgUnitId: area.id,
        provinceId: area.provinceId,
        rollupPath: area.path,
        name: "Khu vực bến xe cũ, Khóm 1",
        designatedOn: shift(today, -240),
        decisionNumber: "08/QĐ-UBND",
        reasons: ["drugs", "theft"],
        description: "Tụ tập đối tượng nghiện, trộm cắp vặt về đêm.",
        status: "transforming",
        statusChangedOn: shift(today, -180),
      })
      .returning({ id: hotspots.id });
    await tx.insert(hotspotTasks).values([
      {
        hotspotId: h!.id,
        title: "Tuần tra, kiểm soát ban đêm",
        responsibleBodyId: police,
        dueOn: shift(today, 60),
      },
      {
        hotspotId: h!.id,
        title: "Vận động gia đình, cam kết không vi phạm",
        responsibleBodyId: front,
        dueOn: shift(today, 30),
      },
    ]);
    await tx.insert(hotspotStatusHistory).values([
      { hotspotId: h!.id, toStatus: "designated", date: shift(today, -240), reason: "Quyết định 08/QĐ-UBND" },
      {
        hotspotId: h!.id,
        fromStatus: "designated",
        toStatus: "transforming",
        date: shift(today, -180),
        reason: "Triển khai kế hoạch chuyển hóa",
      },
    ]);
    await tx.insert(hotspotEvidence).values([
      {
        hotspotId: h!.id,
        observedOn: shift(today, -120),
        summary: "Tháng đầu triển khai: 6 vụ trộm cắp vặt.",
        incidents: 6,
      },
      {
        hotspotId: h!.id,
        observedOn: shift(today, -30),
        summary: "Giảm còn 2 vụ; không còn tụ tập ban đêm.",
        incidents: 2,
      },
    ]);
    const [c] = await tx
      .insert(commendations)
      .values({
        orgUnitId: area.id,
        provinceId: area.provinceId,
        rollupPath: area.path,
        unitKind: "residential_area",
        nomineeKind: "person",
        nomineeName: "Nguyễn Thị Lan",
        achievements: "Kịp thời báo tin giúp Công an phường bắt quả tang đối tượng trộm cắp tài sản.",
        nominatedOn: shift(today, -60),
        status: "decided",
        awardForm: "giay_khen",
        decisionNumber: "120/QĐ-UBND",
        decidedOn: shift(today, -40),
        issuer: "Chủ tịch UBND phường Bạc Liêu",
        consentGiven: true,
        consentOn: shift(today, -45),
        consentMethod: "written",
        publicName: "Chị Nguyễn Thị Lan (Khóm 1)",
        deedSummary: "Báo tin giúp Công an phường bắt quả tang đối tượng trộm cắp tài sản.",
        published: true,
        publishedAt: new Date(),
      })
      .returning({ id: commendations.id });
    await tx.insert(commendationEndorsements).values({
      commendationId: c!.id,
      level: "commune",
      approve: true,
      endorsedOn: shift(today, -50),
      opinion: "Đồng ý đề nghị",
      byUnitId: ward.id,
    });
    await tx.insert(commendations).values({
      orgUnitId: area.id,
      provinceId: area.provinceId,
      rollupPath: area.path,
      unitKind: "residential_area",
      nomineeKind: "collective",
      nomineeName: "Tổ bảo vệ an ninh, trật tự Khóm 1",
      achievements: "Duy trì tuần tra, góp phần chuyển hóa địa bàn bến xe cũ.",
      evidence: [{ kind: "hotspot", id: h!.id }],
      nominatedOn: shift(today, -10),
    });
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "case",
      orgUnitId: area.id,
      data: { cases: people.length, hotspots: 1, commendations: 2 },
    });
  });
  await seedDemoHelpToday(db, envelope, index, ward, area, { women, front }, today);
  await seedDemoCaseHistory(db, envelope, index);
}
