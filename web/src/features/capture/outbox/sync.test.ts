import { beforeEach, describe, expect, it } from "vitest";
import { countOutbox, discard, enqueue, keepMine } from "./outbox";
import type { SendError, SendRequest, SyncDeps } from "./sync";
import {
  activity,
  captureTest,
  commitmentOf,
  household,
  HttpError,
  scanOf,
  testEngine,
} from "./test-support";

/**
 * A server with the wire contract's idempotency: a key seen before is answered with the stored
 * answer, not stored again. `mode` decides what happens to the next requests.
 */
class FakeServer {
  records = new Map<string, { id: string; path: string; body: unknown }>();
  answers = new Map<string, unknown>();
  requests: SendRequest[] = [];
  /** "online", "offline" (nothing reaches it), "loseAnswer" (stored, then the answer is lost). */
  mode: "online" | "offline" | "loseAnswer" = "online";
  refuse: ((req: SendRequest) => SendError | null) | null = null;
  private n = 0;

  send = async (req: SendRequest): Promise<unknown> => {
    this.requests.push(req);
    if (this.mode === "offline") throw new HttpError(0, "network_error");
    const refusal = this.refuse?.(req);
    if (refusal) throw Object.assign(new HttpError(refusal.status, refusal.code), refusal);
    const key = req.headers["Idempotency-Key"]!;
    let answer = this.answers.get(key);
    if (!answer) {
      const id = `srv-${++this.n}`;
      this.records.set(id, { id, path: req.path, body: req.body });
      answer = { id };
      this.answers.set(key, answer);
    }
    if (this.mode === "loseAnswer") throw new DOMException("The operation was aborted.", "AbortError");
    return answer;
  };
}

const t = captureTest();
let server: FakeServer;
let account: string | null = "acc-1";

function engine(extra: Partial<SyncDeps> = {}) {
  return testEngine(t, {
    send: server.send,
    read: async () => ({ id: "hh-1", headName: "Trên máy chủ", version: 7 }),
    session: async () => account,
    ...extra,
  });
}

beforeEach(() => {
  server = new FakeServer();
  account = "acc-1";
});

describe("SyncEngine", () => {
  it("sends queued records in order, each with its own Idempotency-Key, and deletes them once sent", async () => {
    const ids = await enqueue(t.db, [activity("a"), activity("b"), activity("c")]);
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 3, stopped: "done" });
    expect(server.requests.map((r) => (r.body as { title: string }).title)).toEqual(["a", "b", "c"]);
    expect(server.requests.map((r) => r.headers["Idempotency-Key"])).toEqual(ids);
    expect(await t.db.outbox.count()).toBe(0);
    expect((await t.db.sent.toArray()).map((s) => s.serverId).sort()).toEqual(["srv-1", "srv-2", "srv-3"]);
  });

  it("resends a record whose answer was lost with the same key, and the server stores it once", async () => {
    const [id] = await enqueue(t.db, [activity("a")]);
    server.mode = "loseAnswer";
    const first = await engine().run();
    expect(first.stopped).toBe("offline");
    expect(server.records.size).toBe(1);
    expect((await t.db.outbox.toArray())[0]).toMatchObject({ id, state: "waiting", attempts: 1 });
    server.mode = "online";
    await engine().run(true);
    expect(server.requests.map((r) => r.headers["Idempotency-Key"])).toEqual([id, id]);
    expect(server.records.size).toBe(1);
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("stops at a network failure so later records never overtake, and backs off exponentially", async () => {
    await enqueue(t.db, [activity("a"), activity("b")]);
    server.mode = "offline";
    const sync = engine();
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const o = await sync.run(i === 0);
      if (o.retryAt) delays.push(o.retryAt - t.now);
      if (o.retryAt && i < 3) t.now = o.retryAt;
    }
    sync.stop();
    // base 1 s doubling, half of it jittered (random 0.5 → 75 %): 0.75 s, 1.5 s, 3 s, 6 s
    expect(delays).toEqual([750, 1500, 3000, 6000]);
    expect(server.requests.every((r) => (r.body as { title: string }).title === "a")).toBe(true);
    const notDue = await sync.run(false);
    expect(notDue.stopped).toBe("notDue");
    sync.stop();
  });

  it("parks a refused record with its issues, not retried, while the others go on", async () => {
    await enqueue(t.db, [activity("bad"), activity("good")]);
    server.refuse = (req) =>
      (req.body as { title: string }).title === "bad"
        ? { status: 400, code: "validation_failed", issues: [{ path: "date", message: "Ngày không hợp lệ" }] }
        : null;
    await engine().run();
    await engine().run(true);
    const left = await t.db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ state: "failed", error: { code: "validation_failed" } });
    expect(left[0]!.error!.issues).toEqual([{ path: "date", message: "Ngày không hợp lệ" }]);
    expect(server.requests.filter((r) => (r.body as { title: string }).title === "bad")).toHaveLength(1);
    expect(await countOutbox(t.db, "acc-1")).toMatchObject({ failed: 1, waiting: 0, total: 1 });
  });

  it("shows a stale edit as a conflict with the server's copy, and resends it only when the cadre keeps theirs", async () => {
    await enqueue(t.db, [
      {
        accountId: "acc-1",
        kind: "householdEdit",
        method: "PATCH",
        path: "/households/hh-1",
        readPath: "/households/hh-1",
        ifMatch: 3,
        body: { headName: "Trên máy" },
        summary: "sửa hộ",
      },
    ]);
    server.refuse = (req) =>
      req.headers["If-Match"] === "3" ? { status: 412, code: "version_conflict" } : null;
    await engine().run();
    const [conflict] = await t.db.outbox.toArray();
    expect(conflict).toMatchObject({ state: "conflict", server: { headName: "Trên máy chủ", version: 7 } });
    expect(server.records.size).toBe(0);
    await keepMine(t.db, conflict!, 7);
    await engine().run();
    expect(server.requests.at(-1)!.headers["If-Match"]).toBe("7");
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("finds a stale duty log's server copy in its team's list, to show it side by side", async () => {
    await enqueue(t.db, [
      {
        accountId: "acc-1",
        kind: "dutyLogEdit",
        method: "PATCH",
        path: "/groups/g-1/duty-logs/log-2",
        readPath: "/groups/g-1/duty-logs?limit=500",
        ifMatch: 1,
        body: { incidents: 3 },
        summary: "sửa nhật ký",
      },
    ]);
    server.refuse = (req) =>
      req.headers["If-Match"] === "1" ? { status: 412, code: "version_conflict" } : null;
    const list = {
      items: [
        { id: "log-1", incidents: 0, version: 1 },
        { id: "log-2", incidents: 5, version: 2 },
      ],
    };
    await engine({ read: async () => list }).run();
    const [conflict] = await t.db.outbox.toArray();
    expect(conflict).toMatchObject({ state: "conflict", server: { id: "log-2", incidents: 5, version: 2 } });
    await keepMine(t.db, conflict!, 2);
    await engine({ read: async () => list }).run();
    expect(server.requests.at(-1)!.headers["If-Match"]).toBe("2");
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("marks a record of a locked period as locked", async () => {
    await enqueue(t.db, [activity("late")]);
    server.refuse = () => ({ status: 409, code: "period_locked", serverMessage: "Kỳ báo cáo đã khóa" });
    await engine().run();
    expect((await t.db.outbox.toArray())[0]).toMatchObject({
      state: "locked",
      error: { code: "period_locked" },
    });
  });

  it("keeps everything when the session has ended, and sends only the signed-in account's records", async () => {
    await enqueue(t.db, [activity("mine"), activity("theirs", "acc-2")]);
    account = null;
    expect((await engine().run()).stopped).toBe("signedOut");
    expect(server.requests).toHaveLength(0);
    server.refuse = () => ({ status: 401, code: "unauthenticated" });
    account = "acc-1";
    expect((await engine().run()).stopped).toBe("signedOut");
    expect(await t.db.outbox.count()).toBe(2);
    server.refuse = null;
    await engine().run();
    expect(server.requests.map((r) => (r.body as { title: string }).title)).toEqual(["mine", "mine"]);
    expect((await t.db.outbox.toArray()).map((e) => e.accountId)).toEqual(["acc-2"]);
  });

  it("gives a household's commitment and photo the household's server id once it is sent", async () => {
    const [hh] = await enqueue(t.db, [household()]);
    const [commitment] = await enqueue(t.db, [commitmentOf(hh!)]);
    await enqueue(t.db, [scanOf(hh!, commitment!)]);
    server.mode = "loseAnswer";
    await engine().run();
    expect(server.requests).toHaveLength(1); // the commitment waits for its household
    server.mode = "online";
    await engine().run(true);
    expect(server.requests.map((r) => r.path)).toEqual([
      "/households",
      "/households",
      "/households/srv-1/commitments",
      "/households/srv-1/commitments/2026/scan",
    ]);
    expect(server.requests[3]!.file?.data.byteLength).toBe(3);
    expect(await t.db.outbox.count()).toBe(0);
    expect(await t.db.files.count()).toBe(0); // the photo left the device with its record
  });

  it("discarding a household drops the records that needed it", async () => {
    const [hh] = await enqueue(t.db, [activity("hh")]);
    await enqueue(t.db, [{ ...activity("c"), after: hh }, activity("other")]);
    await discard(t.db, hh!);
    expect((await t.db.outbox.toArray()).map((e) => e.summary)).toEqual(["other"]);
  });

  it("abandons a request with no answer after the timeout and resends it later", async () => {
    await enqueue(t.db, [activity("slow")]);
    const hang = (req: SendRequest) =>
      new Promise((_, reject) => req.signal.addEventListener("abort", () => reject(new Error("aborted"))));
    const out = await engine({ send: hang, timeoutMs: 20 }).run();
    expect(out.stopped).toBe("offline");
    expect((await t.db.outbox.toArray())[0]).toMatchObject({ state: "waiting", attempts: 1 });
  });
});
