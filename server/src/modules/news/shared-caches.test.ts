import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { citizen, places, tipBody } from "../citizen/test-support";
import { rootUnit, signedInAs } from "../../test/factories";
import { call, createTestContext, secondApp, type Session, type TestContext } from "../../test/harness";

/**
 * Two app processes on one database (secondApp): the second has caches of its own, as another
 * process would — only the database is shared. The caches are the portal's pages (news) and the
 * citizen routing answers (kernel/cache-version.ts).
 */
let t: TestContext;
let other: FastifyInstance;
let p: Awaited<ReturnType<typeof places>>;
let communePolice: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestContext({}, { sharedState: true });
  other = await secondApp(t);
  p = await places(t.app);
  communePolice = await signedInAs(t.app, "commune_police", p.anxuyen.id);
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(t.app.db)).id, "police");
}, 300_000);
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe("caches that every app process must agree on", () => {
  it("a warning published through one process is on the other's portal at once", async () => {
    const before = await other.inject({ method: "GET", url: "/" });
    expect(before.statusCode).toBe(200);
    const front = await signedInAs(t.app, "commune_front", p.baclieu.id);
    const title = "Cảnh báo lừa đảo qua ứng dụng đầu tư tiền ảo";
    const res = await call(t.app, front, "POST", "/api/v1/news", {
      kind: "warning",
      orgUnitId: p.baclieu.id,
      title,
      body: "Đối tượng mời tham gia nhóm đầu tư, hứa lãi cao rồi chiếm đoạt tiền. Không chuyển tiền cho người lạ.",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(before.body).not.toContain(res.json().slug);
    const after = await other.inject({ method: "GET", url: "/" });
    expect(after.body).toContain(res.json().slug);
  });

  it("a remote commune set through one process routes the next tip on the other with 48 hours", async () => {
    /** A web tip to An Xuyên through `app`, then its transfer clock in hours after receipt. */
    async function transferHours(app: FastifyInstance): Promise<number> {
      const sent = await citizen(app, "/tips", tipBody(p.province.id, p.anxuyen.id));
      expect(sent.statusCode, sent.body).toBe(201);
      const { code } = sent.json<{ code: string }>();
      const inbox = await call(app, communePolice, "GET", "/api/v1/tips?limit=100");
      const tip = inbox
        .json<{ items: { code: string; clocks: { kind: string; dueAt: string }[] }[] }>()
        .items.find((i) => i.code === code)!;
      const [row] = await queryRows<{ at: string }>(
        t.app.db,
        sql`select received_hour as at from tips where code = ${code}`,
      );
      const due = new Date(tip.clocks.find((c) => c.kind === "transfer")!.dueAt).getTime();
      return (due - new Date(row!.at).getTime()) / 3_600_000;
    }
    // Both processes have routed a tip to the commune (their caches hold it, not remote).
    expect(await transferHours(other)).toBe(24);
    expect(await transferHours(t.app)).toBe(24);
    const set = await call(t.app, admin, "PUT", `/api/v1/remote-communes/${p.anxuyen.id}`, {
      remote: true,
      basisNumber: "861/QĐ-TTg",
      basisDate: "2017-06-04",
      basisText: "Quyết định phê duyệt danh sách xã khu vực III, khu vực II, khu vực I",
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(await transferHours(other)).toBe(48);
    const unset = await call(other, admin, "PUT", `/api/v1/remote-communes/${p.anxuyen.id}`, {
      remote: false,
    });
    expect(unset.statusCode, unset.body).toBe(200);
    expect(await transferHours(t.app)).toBe(24);
  });

  it("a commune dissolved through one process is refused by the next tip on the other", async () => {
    const sent = await citizen(other, "/tips", tipBody(p.province.id, p.anxuyen.id));
    expect(sent.statusCode, sent.body).toBe(201);
    // As the two-level reform's import would: the unit ends, by any writer of org_units.
    await t.app.db.execute(sql`update org_units set valid_to = current_date - 1 where id = ${p.anxuyen.id}`);
    try {
      const refused = await citizen(other, "/tips", tipBody(p.province.id, p.anxuyen.id));
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.issues).toEqual([expect.objectContaining({ path: "communeId" })]);
    } finally {
      await t.app.db.execute(sql`update org_units set valid_to = null where id = ${p.anxuyen.id}`);
    }
    expect((await citizen(other, "/tips", tipBody(p.province.id, p.anxuyen.id))).statusCode).toBe(201);
  });
});
