import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { auditCount, lockPeriod, newKey, send } from "../../test/capture";
import { call, type Session } from "../../test/harness";
import { addHousehold, buildWorld, type World } from "./households.fixtures";

/** Offline capture of households and commitments: Idempotency-Key and If-Match (decision 0015). */
let w: World;
const URL = "/api/v1/households";
let n = 0;
const household = (orgUnitId: string) => ({
  orgUnitId,
  headName: `Trần Thị Ngoại Tuyến ${++n}`,
  address: `${n} Lê Lợi`,
  members: 3,
});
const count = async (table: "households" | "household_commitments", where: ReturnType<typeof sql>) =>
  (
    await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
    )
  )[0]!.n;

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(512, 7)]);
function upload(s: Session, id: string, year: number, file: Buffer, headers: Record<string, string>) {
  const boundary = "----toandan-offline";
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return w.t.app.inject({
    method: "PUT",
    url: `${URL}/${id}/commitments/${year}/scan`,
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      ...headers,
    },
    payload,
  });
}

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

describe("createHousehold and recordCommitment with Idempotency-Key", () => {
  it("stores a household sent twice (and four times at once) once, answered alike", async () => {
    const key = newKey();
    const b = household(w.areaA);
    const first = await send(w.t.app, w.baclieu, "POST", URL, b, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, headName: b.headName });
    const again = await send(w.t.app, w.baclieu, "POST", URL, b, key);
    expect(again.headers["idempotency-replayed"]).toBe("true");
    expect([again.statusCode, again.body]).toEqual([201, first.body]);
    expect(await count("households", sql`head_name = ${b.headName}`)).toBe(1);
    expect(await auditCount(w.t.app.db, "household.created", first.json<{ id: string }>().id)).toBe(1);
    // The stored answer is sealed: the head's name is not in the key table in clear.
    const [stored] = await queryRows<{ response: string }>(
      w.t.app.db,
      sql`select response::text as response from idempotency_keys where key = ${key["idempotency-key"]}`,
    );
    expect(stored!.response.length).toBeGreaterThan(100);
    expect(stored!.response).not.toContain("Ngoại Tuyến");

    const key2 = newKey();
    const c = household(w.areaA);
    const all = await Promise.all([1, 2, 3, 4].map(() => send(w.t.app, w.baclieu, "POST", URL, c, key2)));
    expect(all.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    expect(new Set(all.map((a) => a.body)).size).toBe(1);
    expect(await count("households", sql`head_name = ${c.headName}`)).toBe(1);
  });

  it("refuses the key reused for another household, and a refused create does not spend its key", async () => {
    const key = newKey();
    expect((await send(w.t.app, w.baclieu, "POST", URL, household(w.areaA), key)).statusCode).toBe(201);
    const reused = await send(w.t.app, w.baclieu, "POST", URL, household(w.areaA), key);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe("idempotency_key_reused");

    const key2 = newKey();
    const outside = household(w.areaX); // An Xuyên's area: out of Bạc Liêu's scope
    expect((await send(w.t.app, w.baclieu, "POST", URL, outside, key2)).statusCode).toBeGreaterThanOrEqual(
      400,
    );
    const fixed = await send(w.t.app, w.baclieu, "POST", URL, { ...outside, orgUnitId: w.areaB }, key2);
    expect(fixed.statusCode, fixed.body).toBe(201);
  });

  it("records a yearly commitment once when resent; a commitment in a locked period gets the lock", async () => {
    const id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Lê Văn Cam Kết" });
    const key = newKey();
    const b = { year: 2026, signedOn: "2026-02-03", formVersion: "Mẫu 2026" };
    const answers = await Promise.all(
      [1, 2, 3].map(() => send(w.t.app, w.baclieu, "POST", `${URL}/${id}/commitments`, b, key)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.json()).toMatchObject({ year: 2026, version: 1, hasScan: false });
    expect(await count("household_commitments", sql`household_id = ${id}`)).toBe(1);

    const x = await addHousehold(w, w.anxuyen, { orgUnitId: w.areaX });
    await lockPeriod(w.t.app.db, w.anxuyenId, "2026-01-01", "2026-01-31");
    const locked = await send(
      w.t.app,
      w.anxuyen,
      "POST",
      `${URL}/${x}/commitments`,
      { ...b, signedOn: "2026-01-10" },
      newKey(),
    );
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe("period_locked");
  });

  it("attaches a resent signed-sheet photo once; a stale version is 412", async () => {
    const id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaB });
    const signed = await call(w.t.app, w.baclieu, "POST", `${URL}/${id}/commitments`, {
      year: 2025,
      signedOn: "2025-05-05",
      formVersion: "Mẫu 2025",
    });
    const commitmentId = signed.json<{ id: string }>().id;
    const key = newKey();
    const first = await upload(w.baclieu, id, 2025, JPEG, { ...key, "if-match": "1" });
    expect(first.statusCode, first.body).toBe(200);
    const again = await upload(w.baclieu, id, 2025, JPEG, { ...key, "if-match": "1" });
    expect([again.statusCode, again.headers["idempotency-replayed"]]).toEqual([200, "true"]);
    expect(await auditCount(w.t.app.db, "commitment.scan_attached", commitmentId)).toBe(1);
    const other = Buffer.concat([JPEG, Buffer.from([1])]);
    expect((await upload(w.baclieu, id, 2025, other, key)).statusCode).toBe(409);
    const stale = await upload(w.baclieu, id, 2025, other, { ...newKey(), "if-match": "1" });
    expect(stale.statusCode).toBe(412);
    expect(await auditCount(w.t.app.db, "commitment.scan_attached", commitmentId)).toBe(1);
    const scan = await call(w.t.app, w.baclieu, "GET", `${URL}/${id}/commitments/2025/scan`);
    expect(scan.rawPayload.equals(JPEG)).toBe(true);
    const detail = (await call(w.t.app, w.baclieu, "GET", `${URL}/${id}`)).json();
    expect(detail.commitments[0]).toMatchObject({ hasScan: true, version: 2 });
  });
});

describe("updateHousehold with If-Match", () => {
  it("edits at the current version, refuses a stale one with 412 and leaves the household as it was", async () => {
    const id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Phạm Văn Sửa" });
    const ok = await send(w.t.app, w.baclieu, "PATCH", `${URL}/${id}`, { members: 5 }, { "if-match": "1" });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ members: 5, version: 2 });
    const stale = await send(
      w.t.app,
      w.baclieu,
      "PATCH",
      `${URL}/${id}`,
      { members: 9 },
      { "if-match": '"1"' },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe("version_conflict");
    expect((await call(w.t.app, w.baclieu, "GET", `${URL}/${id}`)).json()).toMatchObject({
      members: 5,
      version: 2,
    });
    expect(
      (await send(w.t.app, w.anxuyen, "PATCH", `${URL}/${id}`, { members: 1 }, { "if-match": "1" }))
        .statusCode,
    ).toBe(404);
  });
});
