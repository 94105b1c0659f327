import { foldVietnamese, todayInVietnam, type BodyKind } from "@toandan/contracts";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { recordEvent } from "../../kernel/audit";
import { commitmentTemplates, householdCommitments, households } from "../households/households.table";
import { prng } from "./distribute";

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Đặng", "Lâm", "Thạch", "Trương"];
const MIDDLE = ["Văn", "Thị", "Minh", "Hoàng", "Ngọc", "Thanh"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hòa", "Hùng", "Lan", "Mai", "Nam", "Phúc", "Sơn", "Tâm"];
const STREETS = ["Trần Phú", "Hai Bà Trưng", "Lê Lợi", "Hòa Bình", "Cao Văn Lầu", "Nguyễn Tất Thành"];
const ORGS: BodyKind[] = ["farmers", "women", "veterans", "youth", "labour", "elderly"];

type Area = { id: string; provinceId: string | null; rollupPath: string };

/**
 * Demo register of the residential area "Khóm 1": 120 households, most of them members of one or two
 * organisations, with the commitments of 2021–2023, last year and this year for most — so coverage
 * pages and plan 279's first target show real, incomplete rates.
 */
export async function seedDemoHouseholds(db: Db, area: Area, year: number): Promise<number> {
  const rand = prng(2024);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const rows: (typeof households.$inferInsert & { id: string })[] = [];
  const signed: (typeof householdCommitments.$inferInsert)[] = [];
  // Signed in March, or today when this year's March has not come yet: never a future date.
  const today = todayInVietnam();
  const signedOn = (day: string) => (day < today ? day : today);
  for (let i = 1; i <= 120; i++) {
    const id = randomUUID();
    const headName = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
    const address = `${i * 3} ${pick(STREETS)}, Khóm 1`;
    const memberOrgs = rand() < 0.85 ? [...new Set([pick(ORGS), ...(rand() < 0.3 ? [pick(ORGS)] : [])])] : [];
    rows.push({
      id,
      orgUnitId: area.id,
      provinceId: area.provinceId,
      rollupPath: area.rollupPath,
      headName,
      address,
      members: 1 + Math.floor(rand() * 6),
      memberOrgs,
      code: `K1-${String(i).padStart(3, "0")}`,
      searchText: foldVietnamese(`${headName} ${address}`),
    });
    // 2021–2023: the years of plan 279/KH-MTTQ-BCA, whose first target is these commitments.
    const years = new Map<number, number>([
      [2021, 0.9],
      [2022, 0.93],
      [2023, 0.96],
      [year - 1, 0.95],
      [year, 0.8],
    ]);
    for (const [y, share] of years) {
      if (rand() < share) {
        signed.push({
          householdId: id,
          rollupPath: area.rollupPath,
          year: y,
          signedOn: signedOn(`${y}-03-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`),
          formVersion: "Mẫu cam kết 2024",
        });
      }
    }
  }
  await db.transaction(async (tx) => {
    // The form the area's households signed, picked from the area's templates when recording.
    await tx.insert(commitmentTemplates).values({ orgUnitId: area.id, name: "Mẫu cam kết 2024" });
    await tx.insert(households).values(rows);
    await tx.insert(householdCommitments).values(signed);
    await recordEvent(tx, {
      actorId: null,
      action: "system.demo_seeded",
      entityType: "household",
      orgUnitId: area.id,
      data: { households: rows.length, commitments: signed.length },
    });
  });
  return rows.length;
}
