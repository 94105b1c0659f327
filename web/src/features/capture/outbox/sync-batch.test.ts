import "fake-indexeddb/auto";
import type { SyncBatchEntry, SyncBatchResult } from "@toandan/contracts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CaptureDb } from "./db";
import { editableRecords, enqueue, refTo, sentRecord, serverVersionOf, type NewEntry } from "./outbox";
import { batchOperationOf } from "./operations";
import { SyncEngine, type SendError, type SendRequest } from "./sync";

/**
 * A server with syncBatch's contract: each entry answered on its own, a client id seen before
 * replayed, a refused entry stopping nothing. `mode` decides what happens to the next requests.
 */
class BatchServer {
  stored = new Map<string, { id: string; operation: string; params: Record<string, string> }>();
  batches: SyncBatchEntry[][] = [];
  singles: SendRequest[] = [];
  mode: "online" | "offline" | "loseAnswer" | "noRoute" = "online";
  refuse: (e: SyncBatchEntry) => SyncBatchResult | null = () => null;
  private n = 0;

  answer(e: SyncBatchEntry): SyncBatchResult {
    const refusal = this.refuse(e);
    if (refusal) return refusal;
    let rec = this.stored.get(e.clientId);
    const replayed = Boolean(rec);
    if (!rec) {
      rec = { id: `srv-${++this.n}`, operation: e.operation, params: e.params ?? {} };
      this.stored.set(e.clientId, rec);
    }
    return { clientId: e.clientId, status: 201, replayed, body: { id: rec.id, version: 1 } };
  }

  sendBatch = async (entries: SyncBatchEntry[]): Promise<SyncBatchResult[]> => {
    this.batches.push(entries);
    if (this.mode === "offline") {
      throw Object.assign(new Error("offline"), { status: 0, code: "network_error" });
    }
    if (this.mode === "noRoute") throw Object.assign(new Error("nf"), { status: 404, code: "not_found" });
    const results = entries.map((e) => this.answer(e));
    if (this.mode === "loseAnswer") throw new DOMException("The operation was aborted.", "AbortError");
    return results;
  };

  send = async (req: SendRequest): Promise<unknown> => {
    this.singles.push(req);
    if (this.mode === "offline") {
      throw Object.assign(new Error("offline"), { status: 0, code: "network_error" });
    }
    const op = batchOperationOf({ method: req.method }, req.path);
    const r = this.answer({
      clientId: req.headers["Idempotency-Key"]!,
      operation: op?.operation ?? "createActivity",
      params: op?.params ?? {},
      body: req.body,
      ...(req.headers["If-Match"] ? { ifMatch: Number(req.headers["If-Match"]) } : {}),
    });
    if (r.status >= 400) {
      const err: SendError = { status: r.status, code: r.error!.code, issues: r.error!.issues };
      throw Object.assign(new Error(err.code), err);
    }
    return r.body;
  };
}

let db: CaptureDb;
let server: BatchServer;
let now = 1_000_000;

function engine(batchSize = 50) {
  return new SyncEngine({
    db,
    send: server.send,
    sendBatch: server.sendBatch,
    batchSize,
    read: async () => ({ id: "srv-x", attendees: 12, version: 4 }),
    session: async () => "acc-1",
    now: () => now,
    random: () => 0.5,
    backoff: { baseMs: 1000, maxMs: 60_000 },
  });
}

const activity = (title: string): NewEntry => ({
  accountId: "acc-1",
  kind: "activity",
  method: "POST",
  path: "/activities",
  body: { title },
  summary: title,
});
const titles = (entries: SyncBatchEntry[]) => entries.map((e) => (e.body as { title: string }).title);

beforeEach(() => {
  db = new CaptureDb(`batch-${Math.random()}`);
  server = new BatchServer();
  now = 1_000_000;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe("batchOperationOf", () => {
  it("maps the outbox's requests to syncBatch operations and leaves photos and unknown ones alone", () => {
    expect(batchOperationOf({ method: "POST" }, "/activities")).toEqual({
      operation: "createActivity",
      params: {},
    });
    expect(batchOperationOf({ method: "POST" }, "/groups/g-1/members/m-2/leave")).toEqual({
      operation: "removeGroupMember",
      params: { id: "g-1", memberId: "m-2" },
    });
    expect(batchOperationOf({ method: "PATCH" }, "/groups/g-1/duty-logs/l-3")).toEqual({
      operation: "updateDutyLog",
      params: { id: "g-1", logId: "l-3" },
    });
    expect(
      batchOperationOf({ method: "PUT", hasFile: true }, "/households/h/commitments/2026/scan"),
    ).toBeNull();
    expect(batchOperationOf({ method: "POST" }, `/households/${refTo("x")}/commitments`)).toBeNull();
    expect(batchOperationOf({ method: "DELETE" as "POST" }, "/activities/a")).toBeNull();
  });
});

describe("SyncEngine with batches", () => {
  it("sends 120 queued records in order in batches of 50, each with its client id, and deletes them", async () => {
    const ids = await enqueue(
      db,
      Array.from({ length: 120 }, (_, i) => activity(`a${i}`)),
    );
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 120, stopped: "done" });
    expect(server.batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(server.batches.flat().map((e) => e.clientId)).toEqual(ids);
    expect(titles(server.batches.flat())).toEqual(ids.map((_, i) => `a${i}`));
    expect(server.singles).toHaveLength(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.sent.count()).toBe(120);
  });

  it("resends a batch whose answer was lost with the same ids, and the server stores each once", async () => {
    const ids = await enqueue(db, [activity("a"), activity("b"), activity("c")]);
    server.mode = "loseAnswer";
    const first = await engine().run();
    expect(first.stopped).toBe("offline");
    expect(first.retryAt).toBe(now + 750);
    expect((await db.outbox.toArray()).map((e) => [e.state, e.attempts])).toEqual([
      ["waiting", 1],
      ["waiting", 1],
      ["waiting", 1],
    ]);
    server.mode = "online";
    await engine().run(true);
    expect(server.batches.map((b) => b.map((e) => e.clientId))).toEqual([ids, ids]);
    expect(server.stored.size).toBe(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it("parks a refused record with its issues and a conflict with the server's copy; the rest are sent", async () => {
    await enqueue(db, [
      activity("good-1"),
      activity("bad"),
      {
        accountId: "acc-1",
        kind: "activityEdit",
        method: "PATCH",
        path: "/activities/srv-x",
        readPath: "/activities/srv-x",
        ifMatch: 3,
        body: { attendees: 20 },
        summary: "sửa",
      },
      activity("locked"),
      activity("good-2"),
    ]);
    server.refuse = (e) => {
      const title = (e.body as { title?: string }).title;
      const err = (status: number, code: "validation_failed" | "version_conflict" | "period_locked") => ({
        clientId: e.clientId,
        status,
        replayed: false,
        error: {
          code,
          message: code === "period_locked" ? "Kỳ đã khóa" : "Không hợp lệ",
          requestId: "r",
          ...(code === "validation_failed"
            ? { issues: [{ path: "date", message: "Ngày không hợp lệ" }] }
            : {}),
        },
      });
      if (title === "bad") return err(400, "validation_failed");
      if (title === "locked") return err(409, "period_locked");
      if (e.ifMatch === 3) return err(412, "version_conflict");
      return null;
    };
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 2, stopped: "done" });
    expect(server.batches).toHaveLength(1);
    const left = await db.outbox.orderBy("seq").toArray();
    expect(left.map((e) => [e.summary, e.state])).toEqual([
      ["bad", "failed"],
      ["sửa", "conflict"],
      ["locked", "locked"],
    ]);
    expect(left[0]!.error).toEqual({
      code: "validation_failed",
      message: "Không hợp lệ",
      issues: [{ path: "date", message: "Ngày không hợp lệ" }],
    });
    expect(left[1]!.server).toEqual({ id: "srv-x", attendees: 12, version: 4 });
    expect(left[2]!.error!.message).toBe("Kỳ đã khóa");
    // Parked records are not sent again on the next pass.
    await engine().run(true);
    expect(server.batches).toHaveLength(1);
  });

  it("backs off when a record of the batch could not be written for now (503), keeping it to resend", async () => {
    await enqueue(db, [activity("a"), activity("busy"), activity("c")]);
    server.refuse = (e) =>
      (e.body as { title: string }).title === "busy"
        ? {
            clientId: e.clientId,
            status: 503,
            replayed: false,
            error: { code: "service_unavailable", message: "Tạm gián đoạn", requestId: "r" },
          }
        : null;
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 2, stopped: "offline", retryAt: now + 750 });
    expect((await db.outbox.toArray()).map((e) => [e.summary, e.state])).toEqual([["busy", "waiting"]]);
  });

  it("ends a batch before a record that needs an earlier one's id, and sends photos alone", async () => {
    await enqueue(db, [activity("first")]);
    const [hh] = await enqueue(db, [
      { accountId: "acc-1", kind: "household", method: "POST", path: "/households", body: {}, summary: "hộ" },
    ]);
    const [c] = await enqueue(db, [
      {
        accountId: "acc-1",
        kind: "commitment",
        method: "POST",
        path: `/households/${refTo(hh!)}/commitments`,
        after: hh,
        body: { year: 2026 },
        summary: "cam kết",
      },
    ]);
    await enqueue(db, [
      {
        accountId: "acc-1",
        kind: "commitmentScan",
        method: "PUT",
        path: `/households/${refTo(hh!)}/commitments/2026/scan`,
        after: c,
        file: { data: new Uint8Array([1, 2]).buffer, type: "image/jpeg", name: "a.jpg" },
        summary: "ảnh",
      },
      activity("a1"),
      activity("a2"),
    ]);
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 6, stopped: "done" });
    // [first, hộ] together; the commitment alone (it needed the household's id, one record goes
    // by itself); the photo alone; then the two activities together.
    expect(server.batches.map((b) => b.map((e) => e.operation))).toEqual([
      ["createActivity", "createHousehold"],
      ["createActivity", "createActivity"],
    ]);
    expect(server.singles.map((r) => [r.method, r.path])).toEqual([
      ["POST", "/households/srv-2/commitments"],
      ["PUT", "/households/srv-2/commitments/2026/scan"],
    ]);
  });

  it("sends records alone when the server has no batch route", async () => {
    await enqueue(db, [activity("a"), activity("b"), activity("c")]);
    server.mode = "noRoute";
    const sync = engine();
    const out = await sync.run();
    expect(out).toMatchObject({ sent: 3, stopped: "done" });
    expect(server.batches).toHaveLength(1);
    expect(server.singles.map((r) => (r.body as { title: string }).title)).toEqual(["a", "b", "c"]);
    expect(server.stored.size).toBe(3);
  });

  it("keeps the batch to resend when the network drops, and stops the pass", async () => {
    await enqueue(db, [activity("a"), activity("b")]);
    server.mode = "offline";
    const out = await engine().run();
    expect(out.stopped).toBe("offline");
    expect(server.stored.size).toBe(0);
    expect(await db.outbox.count()).toBe(2);
  });

  it("keeps an activity's answer for an edit (never a household's), the latest one per record", async () => {
    await enqueue(db, [
      activity("a"),
      { accountId: "acc-1", kind: "household", method: "POST", path: "/households", body: {}, summary: "hộ" },
    ]);
    await engine().run();
    const [sent] = await editableRecords(db, "acc-1");
    expect(await editableRecords(db, "acc-1")).toHaveLength(1);
    expect(sent).toMatchObject({ kind: "activity", serverId: "srv-1", summary: "a", record: { version: 1 } });
    // An edit from that version, acknowledged: the device now starts the next edit from its answer.
    server.refuse = (e) =>
      e.operation === "updateActivity"
        ? { clientId: e.clientId, status: 200, replayed: false, body: { id: "srv-1", version: 2 } }
        : null;
    now += 10;
    await enqueue(db, [
      {
        accountId: "acc-1",
        kind: "activityEdit",
        method: "PATCH",
        path: "/activities/srv-1",
        ifMatch: sent!.record!.version,
        body: { attendees: 9 },
        summary: "a (sửa)",
      },
      activity("b"),
    ]);
    await engine().run();
    expect(server.batches.at(-1)!.map((e) => [e.operation, e.params, e.ifMatch])).toEqual([
      ["updateActivity", { id: "srv-1" }, 1],
      ["createActivity", {}, undefined],
    ]);
    expect((await sentRecord(db, "acc-1", "srv-1"))?.record?.version).toBe(2);
    expect((await editableRecords(db, "acc-1")).map((r) => r.serverId).sort()).toEqual(["srv-1", "srv-3"]);
  });

  it("resends a merged edit over the server's version seen in the conflict", async () => {
    const [id] = await enqueue(db, [
      {
        accountId: "acc-1",
        kind: "activityEdit",
        method: "PATCH",
        path: "/activities/srv-x",
        readPath: "/activities/srv-x",
        ifMatch: 1,
        body: { attendees: 20 },
        summary: "sửa",
      },
    ]);
    server.refuse = (e) =>
      e.ifMatch === 1
        ? {
            clientId: e.clientId,
            status: 412,
            replayed: false,
            error: { code: "version_conflict", message: "Đã sửa", requestId: "r" },
          }
        : null;
    await engine().run();
    const [conflict] = await db.outbox.toArray();
    expect(conflict).toMatchObject({ id, state: "conflict" });
    expect(serverVersionOf(conflict!)).toBe(4);
  });
});
