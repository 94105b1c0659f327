import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { purgeIdempotencyKeys } from "../../kernel/idempotency";
import { auditCount, lockPeriod, newKey, send } from "../../test/capture";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "./test-fixtures";

/** Offline capture of activities: Idempotency-Key on create, If-Match on edit (decision 0015). */
let t: TestContext;
let baclieu: Session;
let other: Session; // a second account with the same grant
let anxuyen: Session;
let baclieuId: string;
let anxuyenId: string;
let front: string;
let police: string;
let anxuyenFront: string;

const URL = "/api/v1/activities";
let n = 0;
/** A new activity body each time (a distinct title) at Phường Bạc Liêu. */
const body = (extra: Record<string, unknown> = {}) => ({
  orgUnitId: baclieuId,
  kind: "propaganda_session",
  date: "2026-03-15",
  organizerBodyIds: [front, police],
  topics: ["drugs"],
  title: `Tuyên truyền ngoại tuyến ${++n}`,
  attendees: 40,
  ...extra,
});

const rowsTitled = async (title: string) =>
  (
    await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from activities where title = ${title}`,
    )
  )[0]!.n;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  front = await bodyAt(db, baclieuId, "front");
  police = await bodyAt(db, baclieuId, "police");
  anxuyenFront = await bodyAt(db, anxuyenId, "front");
  baclieu = await signedInAs(t.app, "commune_front", baclieuId);
  other = await signedInAs(t.app, "commune_front", baclieuId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
});
afterAll(() => t.close());

describe("createActivity with Idempotency-Key", () => {
  it("stores a create sent twice once and answers both the same", async () => {
    const key = newKey();
    const b = body();
    const first = await send(t.app, baclieu, "POST", URL, b, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers["idempotency-replayed"]).toBeUndefined();
    const again = await send(t.app, baclieu, "POST", URL, b, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers["idempotency-replayed"]).toBe("true");
    expect(again.body).toBe(first.body);
    const id = first.json<{ id: string; version: number }>().id;
    expect(first.json<{ version: number }>().version).toBe(1);
    expect(await rowsTitled(b.title)).toBe(1);
    expect(await auditCount(t.app.db, "activity.created", id)).toBe(1);
  });

  it("stores concurrent resends once, every answer the same", async () => {
    const key = newKey();
    const b = body();
    const answers = await Promise.all([1, 2, 3, 4].map(() => send(t.app, baclieu, "POST", URL, b, key)));
    for (const a of answers) expect(a.statusCode, a.body).toBe(201);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers["idempotency-replayed"] === "true")).toHaveLength(3);
    expect(await rowsTitled(b.title)).toBe(1);
    expect(await auditCount(t.app.db, "activity.created", answers[0]!.json<{ id: string }>().id)).toBe(1);
  });

  it("refuses the same key with another body: 409 idempotency_key_reused, nothing stored", async () => {
    const key = newKey();
    expect((await send(t.app, baclieu, "POST", URL, body(), key)).statusCode).toBe(201);
    const changed = body();
    const res = await send(t.app, baclieu, "POST", URL, changed, key);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("idempotency_key_reused");
    expect(await rowsTitled(changed.title)).toBe(0);
  });

  it("does not spend the key on a refused write: the fixed record goes through with it", async () => {
    const key = newKey();
    // The command refuses another commune's body after the key was claimed: its claim rolls back.
    const wrong = body({ organizerBodyIds: [anxuyenFront] });
    const refused = await send(t.app, baclieu, "POST", URL, wrong, key);
    expect(refused.statusCode, refused.body).toBe(400);
    const fixed = { ...wrong, organizerBodyIds: [front] };
    const res = await send(t.app, baclieu, "POST", URL, fixed, key);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers["idempotency-replayed"]).toBeUndefined();
    expect(await rowsTitled(fixed.title)).toBe(1);
  });

  it("gives an offline record dated in a locked period the lock's message, and keeps the key", async () => {
    await lockPeriod(t.app.db, anxuyenId, "2026-01-01", "2026-01-31");
    const key = newKey();
    const b = { ...body(), orgUnitId: anxuyenId, organizerBodyIds: [anxuyenFront], date: "2026-01-20" };
    const res = await send(t.app, anxuyen, "POST", URL, b, key);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("period_locked");
    expect(res.json().error.message).toContain("01/01/2026–31/01/2026");
    const later = await send(t.app, anxuyen, "POST", URL, { ...b, date: "2026-02-02" }, key);
    expect(later.statusCode, later.body).toBe(201);
  });

  it("keeps keys per account and behaves as before without one", async () => {
    const key = newKey();
    const b = body();
    expect((await send(t.app, baclieu, "POST", URL, b, key)).statusCode).toBe(201);
    const theirs = await send(t.app, other, "POST", URL, b, key);
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers["idempotency-replayed"]).toBeUndefined();
    const plain = body();
    expect((await call(t.app, baclieu, "POST", URL, plain)).statusCode).toBe(201);
    expect((await call(t.app, baclieu, "POST", URL, plain)).statusCode).toBe(201);
    expect(await rowsTitled(b.title)).toBe(2);
    expect(await rowsTitled(plain.title)).toBe(2);
  });

  it("refuses a malformed key before writing", async () => {
    const b = body();
    const res = await send(t.app, baclieu, "POST", URL, b, { "idempotency-key": "x y" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe("Idempotency-Key");
    expect(await rowsTitled(b.title)).toBe(0);
  });
});

describe("updateActivity with If-Match", () => {
  const detail = async (id: string) => (await call(t.app, baclieu, "GET", `${URL}/${id}`)).json();

  it("edits at the current version (+1), refuses a stale one with 412 and changes nothing", async () => {
    const created = (await send(t.app, baclieu, "POST", URL, body(), newKey())).json<{ id: string }>();
    const ok = await send(
      t.app,
      baclieu,
      "PATCH",
      `${URL}/${created.id}`,
      { attendees: 50 },
      { "if-match": '"1"' },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ attendees: 50, version: 2 });
    const stale = await send(
      t.app,
      baclieu,
      "PATCH",
      `${URL}/${created.id}`,
      { attendees: 70 },
      { "if-match": "1" },
    );
    expect(stale.statusCode).toBe(412);
    expect(stale.json().error.code).toBe("version_conflict");
    expect(await detail(created.id)).toMatchObject({ attendees: 50, version: 2 });
    expect(await auditCount(t.app.db, "activity.updated", created.id)).toBe(1);
    // Without If-Match an edit proceeds as before.
    const plain = await call(t.app, baclieu, "PATCH", `${URL}/${created.id}`, { attendees: 60 });
    expect(plain.json()).toMatchObject({ attendees: 60, version: 3 });
  });

  it("lets one of two concurrent edits from the same version through", async () => {
    const { id } = (await send(t.app, baclieu, "POST", URL, body(), newKey())).json<{ id: string }>();
    const answers = await Promise.all(
      [11, 12].map((attendees) =>
        send(t.app, baclieu, "PATCH", `${URL}/${id}`, { attendees }, { "if-match": "1" }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
    const winner = answers.find((a) => a.statusCode === 200)!.json<{ attendees: number }>();
    expect(await detail(id)).toMatchObject({ attendees: winner.attendees, version: 2 });
  });

  it("answers 404, not 412, for a record outside the caller's scope", async () => {
    const { id } = (await send(t.app, baclieu, "POST", URL, body(), newKey())).json<{ id: string }>();
    const res = await send(t.app, anxuyen, "PATCH", `${URL}/${id}`, { attendees: 1 }, { "if-match": "9" });
    expect(res.statusCode).toBe(404);
    const bad = await send(t.app, baclieu, "PATCH", `${URL}/${id}`, { attendees: 1 }, { "if-match": "v1" });
    expect(bad.statusCode).toBe(400);
  });
});

describe("idempotency key purge", () => {
  it("deletes keys older than 30 days and keeps the others", async () => {
    const key = newKey()["idempotency-key"];
    expect((await send(t.app, baclieu, "POST", URL, body(), { "idempotency-key": key })).statusCode).toBe(
      201,
    );
    await t.app.db.execute(
      sql`insert into idempotency_keys (account_id, key, operation, request_hash, status, created_at)
          select account_id, 'old-' || key, operation, request_hash, status, now() - interval '31 days'
          from idempotency_keys where key = ${key}`,
    );
    expect(await purgeIdempotencyKeys(t.app.db)).toBeGreaterThanOrEqual(1);
    const left = await queryRows<{ key: string }>(
      t.app.db,
      sql`select key from idempotency_keys where key in (${key}, ${`old-${key}`})`,
    );
    expect(left.map((r) => r.key)).toEqual([key]);
  });
});
