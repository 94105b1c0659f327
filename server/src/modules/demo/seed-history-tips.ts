import { randomUUID } from "node:crypto";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { Envelope, loadOrCreateMasterKey } from "../../kernel/envelope";
import { newReceiptCode, newSecret, ReceiptVerifier } from "../citizen";
import { tips } from "../tips/tips.table";
import { distribute, prng } from "./distribute";
import { FAMILY, GIVEN, MIDDLE } from "./seed-history.data";

/**
 * Seed 001 (Bình Thuận Front, 2018–2020): "vận động nhân dân cung cấp hàng trăm nguồn tin … giúp
 * ngành Công an điều tra làm rõ 108 vụ, bắt 145 đối tượng …, răn đe, giáo dục 781 đối tượng".
 * As tips passed on by Front cadres (channel "cadre") to the police of the former Bình Thuận
 * communes, each with the outcome the police recorded: 108 opened cases (one each) with 145
 * arrests, and 781 people dealt with over the opened cases and the tips handled administratively.
 * "Hàng trăm" is not a number: the demo records 386 tips.
 */
const TIPS = 386;
const CASES = 108;
const ARRESTS = 145;
const HANDLED = 781;
const ADMINISTRATIVE = 190; // no case opened, people dealt with administratively (drug use, rehab)
const HANDLED_IN_CASES = 301; // arrested and others dealt with in the 108 cases

const TEXTS: [string, string][] = [
  ["drugs", "Nhóm đối tượng thường tụ tập sử dụng ma túy tại nhà trọ cuối xóm, có người lạ ra vào ban đêm."],
  ["drugs", "Có người bán lẻ ma túy đá tại quán nước gần bến cá, giao hàng bằng xe máy."],
  ["gambling", "Điểm đánh bạc ăn tiền tại nhà một hộ dân trong thôn, tổ chức vào tối thứ Bảy."],
  ["theft", "Nhóm thanh niên lạ mặt nghi trộm cắp xe máy, thường đi lại trong khu phố lúc rạng sáng."],
  ["fraud", "Đối tượng cho vay nặng lãi, đòi nợ bằng cách tạt sơn, đe dọa người vay."],
];

export async function seedDemoHistoryTips(db: Db, masterKeyFile: string): Promise<number> {
  const communes = await queryRows<{ id: string; rollupPath: string; bodyId: string | null }>(
    db,
    sql`select c.id, c.rollup_path as "rollupPath",
          (select b.id from bodies b where b.org_unit_id = c.id and b.kind = 'police') as "bodyId"
        from org_units c join org_units d on d.id = c.parent_id join org_units p on p.id = d.parent_id
        where c.kind = 'commune' and c.valid_to = '2025-06-30' and p.code = '60' and p.kind = 'province'
        order by c.code`,
  );
  if (communes.length === 0) return 0;
  const env = new Envelope(loadOrCreateMasterKey(masterKeyFile));
  const verifier = new ReceiptVerifier(
    loadOrCreateMasterKey(path.join(path.dirname(masterKeyFile), "receipt-verifier.key")),
  );
  const rand = prng(1200);
  const arrests = distribute(ARRESTS, CASES, rand, 1);
  const others = distribute(HANDLED_IN_CASES - ARRESTS, CASES, rand);
  const administrative = distribute(HANDLED - HANDLED_IN_CASES, ADMINISTRATIVE, rand, 1);
  const start = Date.parse("2018-01-01T00:00:00+07:00");
  const span = Date.parse("2020-12-01T00:00:00+07:00") - start;
  const rows: (typeof tips.$inferInsert)[] = [];
  for (let i = 0; i < TIPS; i++) {
    const unit = communes[Math.floor(rand() * communes.length)]!;
    const [category, text] = TEXTS[Math.floor(rand() * TEXTS.length)]!;
    const id = randomUUID();
    const code = newReceiptCode("T");
    // Received during office hours, decided within the 20 days of CPC Art. 147.1.
    const day = Math.floor((rand() * span) / 86_400_000);
    const received = new Date(start + day * 86_400_000 + (7 + Math.floor(rand() * 10)) * 3_600_000);
    const decided = new Date(received.getTime() + (5 + Math.floor(rand() * 14)) * 86_400_000);
    const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
    const cadre = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const local = new Date(received.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
    // The record the Front cadre made when passing the report on (CPC Art. 145.1, 146.2).
    const intake = {
      receivedAt: local,
      receivedPlace: "Trụ sở Ủy ban MTTQ Việt Nam xã",
      receiverName: cadre,
      receiverPosition: "Ủy viên Ủy ban MTTQ Việt Nam xã",
      recordedByCadre: true,
      passedOnByName: cadre,
      passedOnByOrganisation: "Ủy ban MTTQ Việt Nam xã",
      anonymous: true,
      confidentialityRequested: false,
      signedRecordN: null,
    };
    const opened = i < CASES;
    const admin = !opened && i < CASES + ADMINISTRATIVE;
    rows.push({
      id,
      code,
      verifier: verifier.of(code, newSecret()),
      category,
      orgUnitId: unit.id,
      // Filed at the former commune; counted (and read) by the unit it is part of today.
      provinceId: unit.rollupPath.split("/")[2]!,
      unitPath: unit.rollupPath,
      bodyId: unit.bodyId,
      channel: "cadre",
      intake: env.seal(JSON.stringify(intake), `tip:${id}:intake`),
      receivedHour: received,
      content: env.seal(JSON.stringify({ description: text }), `tip:${id}:content`),
      status: opened ? "case_opened" : "no_case",
      urgency: "normal",
      receiptNoticeAt: new Date(received.getTime() + 86_400_000),
      decidedAt: decided,
      outcome: opened ? "case_opened" : "no_case",
      outcomeGround: opened ? null : admin ? "not_a_crime" : "no_crime_event",
      casesSolved: opened ? 1 : 0,
      arrests: opened ? arrests[i]! : 0,
      peopleHandled: opened ? arrests[i]! + others[i]! : admin ? administrative[i - CASES]! : 0,
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(tips).values(rows.slice(i, i + 500));
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "tip",
      data: { tips: rows.length, source: "seed 001: former Bình Thuận" },
    });
  });
  return rows.length;
}
