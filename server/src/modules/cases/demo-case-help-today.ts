import { randomUUID } from "node:crypto";
import { addDays, format, parseISO } from "date-fns";
import type { Db } from "../../db/client";
import type { Envelope } from "../../kernel/envelope";
import { aad } from "./cases.crypto";
import { caseDueDates } from "./cases.deadlines";
import { caseCommunitySessions, caseHelpInstances, caseReferrals, cases } from "./cases.table";

type Unit = { id: string; path: string; provinceId: string | null };
const shift = (iso: string, days: number) => format(addDays(parseISO(iso), days), "yyyy-MM-dd");

/**
 * Open files of the new kinds in Phường Bạc Liêu / Khóm 1 (fictitious people): a man received for
 * gambling twice (relapsed, then ongoing), a drug user in compulsory rehabilitation, and a young man
 * educated before the residential community — what a ward's police and Front record this year.
 */
export async function seedDemoHelpToday(
  db: Db,
  envelope: Envelope,
  identityIndex: (n: string) => string,
  ward: Unit,
  area: Unit,
  bodies: { women: string; front: string },
  today: string,
): Promise<number> {
  const people = [
    {
      kind: "social_evil",
      name: "Huỳnh Văn Tài",
      dob: "1984-07-21",
      idn: "096084007711",
      cat: "gambling",
      offence: "Tổ chức đá gà ăn tiền tại Khóm 1",
      start: shift(today, -170),
      assignee: bodies.front,
    },
    {
      kind: "drug_user",
      name: "Đặng Minh Khoa",
      dob: "1999-02-03",
      idn: "096099003355",
      cat: "drug_use",
      offence: "Sử dụng trái phép chất ma túy (ma túy đá), đã xác định tình trạng nghiện",
      start: shift(today, -120),
      assignee: bodies.women,
    },
    {
      kind: "community_reprimand",
      name: "Lý Quốc Huy",
      dob: "2003-10-14",
      idn: "096203004466",
      cat: "public_order",
      offence: "Tụ tập gây rối trật tự công cộng, đốt pháo",
      start: shift(today, -40),
      assignee: bodies.front,
    },
  ];
  await db.transaction(async (tx) => {
    for (const p of people) {
      const id = randomUUID();
      const seal = (v: string, f: string) => envelope.seal(v, aad(id, f));
      const decidedOn = shift(p.start, 2);
      await tx.insert(cases).values({
        id,
        kind: p.kind,
        orgUnitId: area.id,
        communeId: ward.id,
        provinceId: area.provinceId,
        rollupPath: area.path,
        fullNameSealed: seal(p.name, "full_name"),
        dateOfBirthSealed: seal(p.dob, "date_of_birth"),
        identitySealed: seal(p.idn, "identity"),
        identityIndex: identityIndex(p.idn),
        offenceCategorySealed: seal(p.cat, "offence_category"),
        offenceSealed: seal(p.offence, "offence"),
        releaseOrDecisionDate: p.start,
        reportedInOn: p.start,
        ...caseDueDates(p.start),
        status: "assigned",
        assigneeBodyId: p.assignee,
        decisionNumber: "31/QĐ-UBND",
        decidedOn,
        fileOpenedOn: decidedOn,
      });
      if (p.kind === "social_evil") {
        const first = randomUUID();
        await tx.insert(caseHelpInstances).values([
          {
            id: first,
            caseId: id,
            rollupPath: area.path,
            receivedOn: p.start,
            kind: "family_mentoring",
            helper: "Ban công tác Mặt trận Khóm 1",
            outcome: "relapsed",
            outcomeOn: shift(p.start, 75),
            notesSealed: seal("Tái phạm đánh bạc, bị xử phạt hành chính", `help:${first}`),
          },
          {
            caseId: id,
            rollupPath: area.path,
            receivedOn: shift(p.start, 80),
            kind: "job",
            helper: "Chi hội Cựu chiến binh Khóm 1",
          },
        ]);
      }
      if (p.kind === "drug_user") {
        await tx.insert(caseHelpInstances).values({
          caseId: id,
          rollupPath: area.path,
          receivedOn: p.start,
          kind: "counselling",
          helper: "Chi hội Phụ nữ Khóm 1",
          outcome: "relapsed",
          outcomeOn: shift(p.start, 30),
        });
        await tx.insert(caseReferrals).values({
          caseId: id,
          rollupPath: area.path,
          referredOn: shift(p.start, 35),
          mode: "compulsory",
          facility: "Cơ sở cai nghiện ma túy tỉnh Cà Mau",
          decisionNumber: "12/QĐ-TA",
          outcome: "admitted",
          outcomeOn: shift(p.start, 40),
        });
      }
      if (p.kind === "community_reprimand") {
        const sessionId = randomUUID();
        await tx.insert(caseCommunitySessions).values({
          id: sessionId,
          caseId: id,
          rollupPath: area.path,
          heldOn: shift(p.start, 6),
          presidedBy: "Trưởng ban công tác Mặt trận Khóm 1",
          venue: "Nhà văn hóa Khóm 1",
          attendees: 38,
          commitmentsSealed: seal(
            "Không tụ tập gây rối, xin lỗi các hộ lân cận, tham gia lao động công ích tại khóm",
            `community:${sessionId}`,
          ),
        });
      }
    }
  });
  return people.length;
}
