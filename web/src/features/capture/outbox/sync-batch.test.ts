import type { SyncBatchEntry } from "@toandan/contracts";
import { beforeEach, describe, expect, it } from "vitest";
import { editableRecords, enqueue, refTo, resubmit, sentRecord, serverVersionOf } from "./outbox";
import { batchOperationOf } from "./operations";
import {
  activity,
  BatchServer,
  captureTest,
  commitmentOf,
  household,
  scanOf,
  testEngine,
} from "./test-support";

const t = captureTest();
let server: BatchServer;

function engine(batchSize = 50) {
  return testEngine(t, {
    send: server.send,
    sendBatch: server.sendBatch,
    batchSize,
    read: async () => ({ id: "srv-x", attendees: 12, version: 4 }),
    session: async () => "acc-1",
  });
}

const titles = (entries: SyncBatchEntry[]) => entries.map((e) => (e.body as { title: string }).title);

beforeEach(() => {
  server = new BatchServer();
});

describe("batchOperationOf", () => {
  it("maps the outbox's requests to syncBatch operations and leaves photos and unknown ones alone", () => {
    expect(batchOperationOf({ method: "POST" }, "/activities")).toEqual({
      operation: "createActivity",
      params: {},
      refs: {},
    });
    expect(batchOperationOf({ method: "POST" }, "/groups/g-1/members/m-2/leave")).toEqual({
      operation: "removeGroupMember",
      params: { id: "g-1", memberId: "m-2" },
      refs: {},
    });
    expect(batchOperationOf({ method: "PATCH" }, "/groups/g-1/duty-logs/l-3")).toEqual({
      operation: "updateDutyLog",
      params: { id: "g-1", logId: "l-3" },
      refs: {},
    });
    expect(
      batchOperationOf({ method: "PUT", hasFile: true }, "/households/h/commitments/2026/scan"),
    ).toBeNull();
    // A household's id not known yet: given as a ref to the household's client id.
    expect(batchOperationOf({ method: "POST" }, `/households/${refTo("hh-client")}/commitments`)).toEqual({
      operation: "recordCommitment",
      params: {},
      refs: { id: "hh-client" },
    });
    expect(batchOperationOf({ method: "DELETE" as "POST" }, "/activities/a")).toBeNull();
  });
});

describe("SyncEngine with batches", () => {
  it("sends 120 queued records in order in batches of 50, each with its client id, and deletes them", async () => {
    const ids = await enqueue(
      t.db,
      Array.from({ length: 120 }, (_, i) => activity(`a${i}`)),
    );
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 120, stopped: "done" });
    expect(server.batches.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(server.batches.flat().map((e) => e.clientId)).toEqual(ids);
    expect(titles(server.batches.flat())).toEqual(ids.map((_, i) => `a${i}`));
    expect(server.singles).toHaveLength(0);
    expect(await t.db.outbox.count()).toBe(0);
    expect(await t.db.sent.count()).toBe(120);
  });

  it("resends a batch whose answer was lost with the same ids, and the server stores each once", async () => {
    const ids = await enqueue(t.db, [activity("a"), activity("b"), activity("c")]);
    server.mode = "loseAnswer";
    const first = await engine().run();
    expect(first.stopped).toBe("offline");
    expect(first.retryAt).toBe(t.now + 750);
    expect((await t.db.outbox.toArray()).map((e) => [e.state, e.attempts])).toEqual([
      ["waiting", 1],
      ["waiting", 1],
      ["waiting", 1],
    ]);
    server.mode = "online";
    await engine().run(true);
    expect(server.batches.map((b) => b.map((e) => e.clientId))).toEqual([ids, ids]);
    expect(server.stored.size).toBe(3);
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("parks a refused record with its issues and a conflict with the server's copy; the rest are sent", async () => {
    await enqueue(t.db, [
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
    const left = await t.db.outbox.orderBy("seq").toArray();
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

  it("backs off when a record of the batch could not be written for t.now (503), keeping it to resend", async () => {
    await enqueue(t.db, [activity("a"), activity("busy"), activity("c")]);
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
    expect(out).toMatchObject({ sent: 2, stopped: "offline", retryAt: t.now + 750 });
    expect((await t.db.outbox.toArray()).map((e) => [e.summary, e.state])).toEqual([["busy", "waiting"]]);
  });

  it("sends a new household and its commitment in one batch, in order, the commitment by ref", async () => {
    await enqueue(t.db, [activity("first")]);
    const [hh] = await enqueue(t.db, [household()]);
    const [c] = await enqueue(t.db, [commitmentOf(hh!)]);
    await enqueue(t.db, [scanOf(hh!, c!), activity("a1"), activity("a2")]);
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 6, stopped: "done" });
    // [first, hộ, cam kết] together; the photo alone (a file); then the two activities together.
    expect(server.batches.map((b) => b.map((e) => e.operation))).toEqual([
      ["createActivity", "createHousehold", "recordCommitment"],
      ["createActivity", "createActivity"],
    ]);
    const [, sentHousehold, sentCommitment] = server.batches[0]!;
    expect(sentHousehold!.clientId).toBe(hh);
    expect(sentCommitment).toMatchObject({ clientId: c, params: {}, refs: { id: hh } });
    expect(server.stored.get(c!)!.params).toEqual({ id: "srv-2" });
    expect(server.singles.map((r) => [r.method, r.path])).toEqual([
      ["PUT", "/households/srv-2/commitments/2026/scan"],
    ]);
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("a commitment whose household is already sent goes with its server id, not a ref", async () => {
    const [hh] = await enqueue(t.db, [household()]);
    await engine().run();
    const [c] = await enqueue(t.db, [commitmentOf(hh!), activity("a")]);
    await engine().run();
    expect(server.batches.at(-1)![0]).toMatchObject({ clientId: c, params: { id: "srv-1" } });
    expect(server.batches.at(-1)![0]!.refs).toBeUndefined();
  });

  it("resends a household and its commitment whose answer was lost with the same ids: stored once", async () => {
    const [hh] = await enqueue(t.db, [household()]);
    const [c] = await enqueue(t.db, [commitmentOf(hh!)]);
    server.mode = "loseAnswer";
    expect((await engine().run()).stopped).toBe("offline");
    expect((await t.db.outbox.orderBy("seq").toArray()).map((e) => [e.id, e.state])).toEqual([
      [hh, "waiting"],
      [c, "waiting"],
    ]);
    server.mode = "online";
    await engine().run(true);
    expect(server.batches.map((b) => b.map((e) => [e.clientId, e.refs]))).toEqual([
      [
        [hh, undefined],
        [c, { id: hh }],
      ],
      [
        [hh, undefined],
        [c, { id: hh }],
      ],
    ]);
    expect(server.stored.size).toBe(2);
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("keeps a refused household's commitment unapplied and unmarked behind it; once fixed both go", async () => {
    const [hh] = await enqueue(t.db, [household({ members: -2 })]);
    const [c] = await enqueue(t.db, [commitmentOf(hh!), activity("other")]);
    server.refuse = (e) =>
      (e.body as { members?: number }).members === -2
        ? {
            clientId: e.clientId,
            status: 400,
            replayed: false,
            error: {
              code: "validation_failed",
              message: "Không hợp lệ",
              requestId: "r",
              issues: [{ path: "members", message: "Số nhân khẩu phải lớn hơn 0" }],
            },
          }
        : null;
    const out = await engine().run();
    expect(out).toMatchObject({ sent: 1, stopped: "done" });
    const left = await t.db.outbox.orderBy("seq").toArray();
    expect(left.map((e) => [e.id, e.state, e.attempts, e.error?.issues])).toEqual([
      [hh, "failed", 1, [{ path: "members", message: "Số nhân khẩu phải lớn hơn 0" }]],
      [c, "waiting", 0, undefined],
    ]);
    expect(server.stored.has(c!)).toBe(false);
    // Not retried on its own while its household waits to be fixed.
    await engine().run(true);
    expect(server.batches).toHaveLength(1);
    await resubmit(t.db, hh!, { body: { members: 3 } });
    await engine().run();
    expect(server.batches.at(-1)!.map((e) => e.clientId)).toEqual([hh, c]);
    expect(server.stored.get(c!)!.params).toEqual({ id: server.stored.get(hh!)!.id });
    expect(await t.db.outbox.count()).toBe(0);
  });

  it("sends records alone when the server has no batch route", async () => {
    await enqueue(t.db, [activity("a"), activity("b"), activity("c")]);
    server.mode = "noRoute";
    const sync = engine();
    const out = await sync.run();
    expect(out).toMatchObject({ sent: 3, stopped: "done" });
    expect(server.batches).toHaveLength(1);
    expect(server.singles.map((r) => (r.body as { title: string }).title)).toEqual(["a", "b", "c"]);
    expect(server.stored.size).toBe(3);
  });

  it("keeps the batch to resend when the network drops, and stops the pass", async () => {
    await enqueue(t.db, [activity("a"), activity("b")]);
    server.mode = "offline";
    const out = await engine().run();
    expect(out.stopped).toBe("offline");
    expect(server.stored.size).toBe(0);
    expect(await t.db.outbox.count()).toBe(2);
  });

  it("keeps an activity's answer for an edit (never a household's), the latest one per record", async () => {
    await enqueue(t.db, [activity("a"), household()]);
    await engine().run();
    const [sent] = await editableRecords(t.db, "acc-1");
    expect(await editableRecords(t.db, "acc-1")).toHaveLength(1);
    expect(sent).toMatchObject({ kind: "activity", serverId: "srv-1", summary: "a", record: { version: 1 } });
    // An edit from that version, acknowledged: the device t.now starts the next edit from its answer.
    server.refuse = (e) =>
      e.operation === "updateActivity"
        ? { clientId: e.clientId, status: 200, replayed: false, body: { id: "srv-1", version: 2 } }
        : null;
    t.now += 10;
    await enqueue(t.db, [
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
    expect((await sentRecord(t.db, "acc-1", "srv-1"))?.record?.version).toBe(2);
    expect((await editableRecords(t.db, "acc-1")).map((r) => r.serverId).sort()).toEqual(["srv-1", "srv-3"]);
  });

  it("resends a merged edit over the server's version seen in the conflict", async () => {
    const [id] = await enqueue(t.db, [
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
    const [conflict] = await t.db.outbox.toArray();
    expect(conflict).toMatchObject({ id, state: "conflict" });
    expect(serverVersionOf(conflict!)).toBe(4);
  });
});
