import { randomUUID } from "node:crypto";
import { addDays, format, parseISO } from "date-fns";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import type { Envelope } from "../../kernel/envelope";
import { provinceOf } from "../org-units";
import { aad } from "./cases.crypto";
import { caseDueDates } from "./cases.deadlines";
import { caseCommunitySessions, caseHelpInstances, caseReferrals, cases } from "./cases.table";
import { prng } from "../../kernel/prng";

/**
 * Demo history of the people with social evils and drug users helped by the former Bạc Liêu city
 * (district 954, 01/2013 – 04/2017, seed 004: "tiếp nhận 956 lượt đối tượng tệ nạn xã hội để giúp
 * đỡ, giáo dục, có 571 lượt đối tượng hoàn lương"), and the people educated before the community in
 * the former Bạc Liêu province in 2019 (seed 000: "cảm hóa giáo dục trước cộng đồng 97 đối tượng
 * gây rối trật tự công cộng"). Individual files at the pre-reform communes (fictitious people):
 * the figures come back from the statistics, never stored as totals.
 */
export const HELP_HISTORY = {
  from: "2013-01-01",
  to: "2017-04-30",
  instances: 956,
  reformed: 571,
  communityYear: 2019,
  communityEducated: 97,
} as const;

const NOTE = "Dữ liệu minh họa";
const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Lý",
  "Thạch",
  "Danh",
];
const MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Thanh", "Quốc", "Hữu"];
const GIVEN = [
  "An",
  "Bình",
  "Cường",
  "Dũng",
  "Hải",
  "Hùng",
  "Khánh",
  "Lâm",
  "Lợi",
  "Nam",
  "Phúc",
  "Tâm",
  "Thảo",
  "Tuấn",
  "Vũ",
];
const BEHAVIOURS = [
  { cat: "gambling", text: "Đánh bạc, tổ chức đánh bạc ăn tiền (đá gà, bài cào)", kind: "social_evil" },
  { cat: "gambling", text: "Ghi số đề", kind: "social_evil" },
  { cat: "prostitution", text: "Bán dâm tại cơ sở karaoke", kind: "social_evil" },
  { cat: "public_order", text: "Say rượu gây rối, đánh nhau", kind: "social_evil" },
  { cat: "drug_use", text: "Sử dụng trái phép chất ma túy (ma túy đá)", kind: "drug_user" },
  { cat: "drug_use", text: "Nghiện heroin, quản lý sau cai nghiện", kind: "drug_user" },
] as const;
const HELP = [
  "family_mentoring",
  "family_mentoring",
  "counselling",
  "vocational_training",
  "job",
  "loan",
  "health_care",
];
const HELPERS = [
  (n: number) => `Chi hội Phụ nữ khóm ${n}`,
  (n: number) => `Chi đoàn Thanh niên khóm ${n}`,
  (n: number) => `Ban công tác Mặt trận khóm ${n}`,
  (n: number) => `Tổ tự quản về an ninh trật tự số ${n}`,
  () => "Hội Cựu chiến binh phường",
  () => "Gia đình và Công an phường",
];

type OldCommune = {
  id: string;
  rollupPath: string;
  name: string;
  front: string | null;
};

const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), "yyyy-MM-dd");
const min = (a: string, b: string) => (a < b ? a : b);

async function oldCommunes(db: Db, cond: "district" | "province", code: string): Promise<OldCommune[]> {
  return queryRows<OldCommune>(
    db,
    sql`select c.id, c.rollup_path as "rollupPath", c.full_name as name,
          (select b.id from bodies b where b.org_unit_id = c.id and b.kind = 'front') as front
        from org_units c join org_units d on d.id = c.parent_id join org_units p on p.id = d.parent_id
        where c.kind = 'commune' and c.valid_to = '2025-06-30' and d.kind = 'district'
          and ${cond === "district" ? sql`d.code = ${code}` : sql`p.code = ${code}`}
        order by c.code`,
  );
}

type Person = { instances: { receivedOn: string; outcomeOn: string; outcome: "reformed" | "relapsed" }[] };

/**
 * People and their instances: one to three receptions each, one after the other's outcome; every
 * instance but a person's last ended relapsed; `reformed` people end reformed on their last one.
 */
function planPeople(rand: () => number): Person[] {
  const { from, to, instances: total, reformed } = HELP_HISTORY;
  const counts: number[] = [];
  for (let n = 0; n < total;) {
    const r = rand();
    const k = Math.min(r < 0.68 ? 1 : r < 0.92 ? 2 : 3, total - n);
    counts.push(k);
    n += k;
  }
  const order = counts.map((_, i) => i).sort(() => rand() - 0.5);
  const reformedSet = new Set(order.slice(0, reformed));
  return counts.map((k, i) => {
    let day = shift(from, Math.floor(rand() * 1200));
    const list: Person["instances"] = [];
    for (let j = 0; j < k; j++) {
      // Caps keep every instance inside the period and after the previous one's outcome.
      const receivedOn = min(day, shift(to, -60 * (k - j)));
      const outcomeOn = min(shift(receivedOn, 45 + Math.floor(rand() * 200)), shift(to, 30 - 60 * (k - j)));
      const last = j === k - 1;
      list.push({ receivedOn, outcomeOn, outcome: last && reformedSet.has(i) ? "reformed" : "relapsed" });
      day = shift(outcomeOn, 7 + Math.floor(rand() * 120));
    }
    return { instances: list };
  });
}

/** Inserts the history. Returns the counts it made (files, instances, sessions). */
export async function seedDemoCaseHistory(
  db: Db,
  envelope: Envelope,
  identityIndex: (n: string) => string,
): Promise<{ files: number; instances: number; sessions: number }> {
  const city = await oldCommunes(db, "district", "954");
  const province = await oldCommunes(db, "province", "95");
  if (!city.length || !province.length) return { files: 0, instances: 0, sessions: 0 };
  const rand = prng(9540);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const helpRows: (typeof caseHelpInstances.$inferInsert)[] = [];
  const referralRows: (typeof caseReferrals.$inferInsert)[] = [];
  const sessionRows: (typeof caseCommunitySessions.$inferInsert)[] = [];
  let serial = 0;
  const file = (unit: OldCommune, kind: string, cat: string, offence: string, start: string) => {
    const id = randomUUID();
    const seal = (v: string, f: string) => envelope.seal(v, aad(id, f));
    const female = cat === "prostitution" || rand() < 0.12;
    const name = `${pick(FAMILY)} ${female ? "Thị" : pick(MIDDLE)} ${pick(GIVEN)}`;
    const born = 1960 + Math.floor(rand() * 40);
    const idn = `095${female ? "1" : "0"}${String(born).slice(2)}${String(100000 + serial++).slice(-6)}`;
    const decided = shift(start, 2);
    const row: typeof cases.$inferInsert = {
      id,
      kind,
      orgUnitId: unit.id,
      communeId: unit.id,
      // The distribution key is the rollup path's province (today's), not the commune's own.
      provinceId: provinceOf(unit.rollupPath),
      rollupPath: unit.rollupPath,
      fullNameSealed: seal(name, "full_name"),
      dateOfBirthSealed: seal(
        `${born}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
        "date_of_birth",
      ),
      identitySealed: seal(idn, "identity"),
      identityIndex: identityIndex(idn),
      offenceCategorySealed: seal(cat, "offence_category"),
      offenceSealed: seal(offence, "offence"),
      notesSealed: seal(NOTE, "notes"),
      releaseOrDecisionDate: start,
      reportedInOn: start,
      ...caseDueDates(start),
      status: "closed",
      assigneeBodyId: unit.front,
      decisionNumber: unit.front ? `${10 + Math.floor(rand() * 180)}/QĐ-UBND` : null,
      decidedOn: unit.front ? decided : null,
      fileOpenedOn: unit.front ? decided : null,
    };
    caseRows.push(row);
    return row;
  };

  for (const person of planPeople(rand)) {
    const unit = pick(city);
    const b = pick(BEHAVIOURS);
    const first = person.instances[0]!;
    const last = person.instances.at(-1)!;
    const row = file(unit, b.kind, b.cat, b.text, first.receivedOn);
    const reformed = last.outcome === "reformed";
    row.outcome = reformed
      ? "reformed"
      : b.kind === "drug_user"
        ? "management_ended"
        : pick(["reimprisoned", "missing"]);
    row.closedOn = shift(last.outcomeOn, reformed ? 0 : 30);
    const area = 1 + Math.floor(rand() * 9);
    for (const inst of person.instances) {
      helpRows.push({
        caseId: row.id!,
        rollupPath: unit.rollupPath,
        receivedOn: inst.receivedOn,
        kind: pick(HELP),
        helper: pick(HELPERS)(area),
        outcome: inst.outcome,
        outcomeOn: inst.outcomeOn,
      });
      // A drug user who relapsed is referred to rehabilitation the following week.
      if (b.kind === "drug_user" && inst.outcome === "relapsed" && rand() < 0.5) {
        const compulsory = rand() < 0.4;
        referralRows.push({
          caseId: row.id!,
          rollupPath: unit.rollupPath,
          referredOn: shift(inst.outcomeOn, 3),
          mode: compulsory ? "compulsory" : pick(["voluntary_community", "voluntary_facility"]),
          facility: compulsory
            ? "Trung tâm Chữa bệnh - Giáo dục - Lao động xã hội tỉnh Bạc Liêu"
            : "Tại gia đình, cộng đồng",
          decisionNumber: compulsory ? `${20 + Math.floor(rand() * 300)}/QĐ-TA` : null,
          outcome: "completed",
          outcomeOn: shift(inst.outcomeOn, 6),
        });
      }
    }
  }

  // Seed 000: 97 people educated before the community in 2019, across the province's communes.
  const year = HELP_HISTORY.communityYear;
  for (let i = 0; i < HELP_HISTORY.communityEducated; i++) {
    const unit = pick(province);
    const heldOn = shift(`${year}-01-10`, Math.floor(rand() * 340));
    const start = shift(heldOn, -(5 + Math.floor(rand() * 20)));
    const row = file(unit, "community_reprimand", "public_order", "Gây rối trật tự công cộng", start);
    row.outcome = "completed";
    row.closedOn = shift(heldOn, 90);
    const area = 1 + Math.floor(rand() * 9);
    const sessionId = randomUUID();
    sessionRows.push({
      id: sessionId,
      caseId: row.id!,
      rollupPath: unit.rollupPath,
      heldOn,
      presidedBy: pick([
        `Trưởng ban công tác Mặt trận ấp ${area}`,
        `Trưởng ấp ${area}`,
        "Chủ tịch Ủy ban MTTQ xã",
      ]),
      venue: pick([`Hội trường ấp ${area}`, `Nhà văn hóa ấp ${area}`, "Hội trường Ủy ban nhân dân xã"]),
      attendees: 25 + Math.floor(rand() * 60),
      commitmentsSealed: envelope.seal(
        pick([
          "Cam kết không tái phạm, xin lỗi các hộ lân cận",
          "Cam kết chấp hành pháp luật, không tụ tập gây rối",
          "Cam kết bồi thường thiệt hại và tham gia lao động tại địa phương",
        ]),
        aad(row.id!, `community:${sessionId}`),
      ),
    });
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < caseRows.length; i += 400) await tx.insert(cases).values(caseRows.slice(i, i + 400));
    for (let i = 0; i < helpRows.length; i += 1000) {
      await tx.insert(caseHelpInstances).values(helpRows.slice(i, i + 1000));
    }
    if (referralRows.length) await tx.insert(caseReferrals).values(referralRows);
    await tx.insert(caseCommunitySessions).values(sessionRows);
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "case",
      data: { cases: caseRows.length, helpInstances: helpRows.length, communitySessions: sessionRows.length },
    });
  });
  return { files: caseRows.length, instances: helpRows.length, sessions: sessionRows.length };
}
