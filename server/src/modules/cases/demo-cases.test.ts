import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { buildCaseWorld, api, type CaseWorld } from "./test-support";
import { seedDemoCases } from "./demo-cases";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
  const [ward] = await queryRows<{ id: string; path: string; provinceId: string | null }>(
    w.t.app.db,
    sql`select id, path, province_id as "provinceId" from org_units where id = ${w.ward}`,
  );
  const area = { id: w.area, path: `${ward!.path}${w.area}/`, provinceId: ward!.provinceId };
  await seedDemoCases(w.t.app.db, w.t.app.config.masterKeyFile, ward!, area);
});
afterAll(() => w.t.close());

describe("demo cases", () => {
  it("the ward's police read all three files; the Women's Union the two assigned to it", async () => {
    const police = await api(w, w.as.police, "GET", "/cases?kind=released_prisoner");
    expect(police.json<{ items: unknown[] }>().items).toHaveLength(3);
    const women = await api(w, w.as.assignee, "GET", "/cases?kind=released_prisoner");
    expect(
      women
        .json<{ items: { fullName: string }[] }>()
        .items.map((i) => i.fullName)
        .sort(),
    ).toEqual(["Phạm Quốc Bảo", "Trần Văn Minh"]);
    expect(
      (await api(w, w.as.otherCommunePolice, "GET", "/cases")).json<{ items: unknown[] }>().items,
    ).toHaveLength(0);
  });

  it("the sealed fields open with the app's keys", async () => {
    const list = await api(w, w.as.police, "GET", "/cases");
    const id = list
      .json<{ items: { id: string; fullName: string }[] }>()
      .items.find((i) => i.fullName === "Lê Thị Hồng")!.id;
    const file = await api(w, w.as.police, "GET", `/cases/${id}?reason=Ki%E1%BB%83m%20tra%20demo`);
    expect(file.json()).toMatchObject({ identityNumber: "096195004321", status: "reported_in" });
  });

  it("this year's files of the new kinds are open in Khóm 1, with their instances, referral and session", async () => {
    const list = await api(w, w.as.police, "GET", "/cases?status=assigned");
    const items = list.json<{ items: { id: string; kind: string; fullName: string }[] }>().items;
    const byKind = (k: string) => items.find((i) => i.kind === k)!;
    expect(byKind("social_evil").fullName).toBe("Huỳnh Văn Tài");
    const read = async (id: string) =>
      (await api(w, w.as.police, "GET", `/cases/${id}?reason=Ki%E1%BB%83m%20tra%20demo`)).json<{
        helpInstances: { outcome: string }[];
        referrals: { outcome: string }[];
        communitySessions: { commitments: string }[];
      }>();
    expect((await read(byKind("social_evil").id)).helpInstances.map((h) => h.outcome)).toEqual([
      "relapsed",
      "ongoing",
    ]);
    expect((await read(byKind("drug_user").id)).referrals.map((r) => r.outcome)).toEqual(["admitted"]);
    expect((await read(byKind("community_reprimand").id)).communitySessions[0]!.commitments).toContain(
      "Không tụ tập gây rối",
    );
  });

  it("one good deed is on the public register, with consent", async () => {
    const res = await api(w, null, "GET", "/public/exemplars");
    expect(res.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toEqual([
      "Chị Nguyễn Thị Lan (Khóm 1)",
    ]);
  });
});
