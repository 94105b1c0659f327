import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateInVietnam } from "@toandan/contracts";
import { queryRows } from "../../db/client";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs } from "../../test/factories";
import { tipFigures } from "./tips.counts";
import { citizen, places } from "./test-support";

/** Staff intake of a crime report (CPC 2015 Art. 145–146, Joint Circular 01/2017). */
const MARKER = "OKAPI-INTAKE-5521";
let ctx: TestContext;
let p: Awaited<ReturnType<typeof places>>;
let police: Session;
let otherPolice: Session;
let front: Session;
let viewer: Session;

beforeAll(async () => {
  ctx = await createTestContext();
  p = await places(ctx.app);
  police = await signedInAs(ctx.app, "commune_police", p.baclieu.id);
  otherPolice = await signedInAs(ctx.app, "commune_police", p.anxuyen.id);
  front = await signedInAs(ctx.app, "commune_front", p.baclieu.id);
  viewer = await signedInAs(ctx.app, "viewer", p.baclieu.id);
}, 300_000);
afterAll(() => ctx?.close());

/** "2026-12-03T09:30" for an instant, in Vietnam time. */
const local = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
const hoursAgo = (h: number) => local(new Date(Date.now() - h * 3_600_000));

const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");

function intakeBody(over: object = {}) {
  return {
    channel: "oral",
    orgUnitId: p.baclieu.id,
    receivedAt: hoursAgo(2),
    receivedPlace: `Trụ sở Công an phường ${MARKER}`,
    receiverName: `Thiếu úy ${MARKER}`,
    receiverPosition: "Cán bộ trực ban",
    anonymous: false,
    reporterName: `Người báo ${MARKER}`,
    reporterPhone: "0912345678",
    reporterAddress: `Khóm 3 ${MARKER}`,
    reporterIdentityNumber: "096123456789",
    confidentialityRequested: true,
    category: "drugs",
    description: `Có người bán ma túy ở đầu hẻm ${MARKER}`,
    place: `Hẻm 12 ${MARKER}`,
    signedRecord: { filename: "bien-ban.pdf", contentBase64: pdf },
    ...over,
  };
}

const tipCount = async () =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from tips`))[0]!.n;
const auditCount = async () =>
  (await queryRows<{ n: number }>(ctx.app.db, sql`select count(*)::int as n from audit_log`))[0]!.n;

async function record(session: Session, body: object) {
  const res = await call(ctx.app, session, "POST", "/api/v1/tips/intake", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ tipId: string; code: string; secret: string; channel: string; routedTo: string }>();
}

type Summary = {
  code: string;
  channel: string;
  receivedHour: string;
  clocks: { kind: string; dueAt: string }[];
};

describe("recordTipIntake", () => {
  it("gives a receipt code and secret, the clocks of a web tip, and lands in the police inbox with its channel", async () => {
    const r = await record(police, intakeBody());
    expect(r.code).toMatch(/^T[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(r.channel).toBe("oral");
    expect(r.routedTo).toContain("Bạc Liêu");
    const inbox = (await call(ctx.app, police, "GET", "/api/v1/tips?limit=100")).json<{ items: Summary[] }>();
    const tip = inbox.items.find((t) => t.code === r.code)!;
    expect(tip.channel).toBe("oral");
    expect(tip.clocks.map((c) => c.kind)).toEqual(
      expect.arrayContaining(["transfer", "receipt_notice", "decision"]),
    );
    // The clocks run from the hour of receipt typed on the record, not from the hour of entry.
    const [row] = await queryRows<{ at: string; channel: string }>(
      ctx.app.db,
      sql`select received_hour as at, channel from tips where code = ${r.code}`,
    );
    const received = new Date(row!.at).getTime();
    expect(received).toBeLessThan(Date.now() - 3_600_000);
    const transfer = new Date(tip.clocks.find((c) => c.kind === "transfer")!.dueAt).getTime();
    expect((transfer - received) / 3_600_000).toBe(24);

    const detail = await call(ctx.app, police, "GET", `/api/v1/tips/${r.tipId}`);
    expect(detail.json()).toMatchObject({
      channel: "oral",
      description: expect.stringContaining(MARKER),
      contact: { name: `Người báo ${MARKER}`, identityNumber: "096123456789" },
      intake: {
        receiverName: `Thiếu úy ${MARKER}`,
        recordedByCadre: false,
        anonymous: false,
        confidentialityRequested: true,
        signedRecordN: 1,
      },
      attachments: [expect.objectContaining({ n: 1, mediaType: "application/pdf" })],
    });
    const event = await lastAuditEvent(ctx.app.db);
    expect(event).toMatchObject({ action: "tip.content_read" });
  });

  it("the receipt works at the citizen status check and reply, like a web tip's", async () => {
    const r = await record(police, intakeBody({ channel: "phone", signedRecord: undefined }));
    const status = await citizen(ctx.app, "/tips/status", { code: r.code, secret: r.secret });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toMatchObject({ code: r.code, status: "new" });
    expect(
      (await citizen(ctx.app, "/tips/status", { code: r.code, secret: "AAAAA-BBBBB-CCCCC-DDDDD" }))
        .statusCode,
    ).toBe(404);
    expect(
      (await citizen(ctx.app, "/tips/reply", { code: r.code, secret: r.secret, body: "Bổ sung" })).statusCode,
    ).toBe(201);
  });

  it("is counted in the statistics and the indicator figures with the web tips", async () => {
    const before = (await call(ctx.app, police, "GET", "/api/v1/tips/counts")).json();
    const byChannel = (c: { byChannel: { channel: string; count: { value: number } }[] }, ch: string) =>
      c.byChannel.find((x) => x.channel === ch)!.count.value;
    const today = dateInVietnam(new Date());
    const figuresBefore = await tipFigures(ctx.app.db, {
      rollupPathPrefix: p.baclieu.path,
      from: "2020-01-01",
      to: today,
    });
    await record(police, intakeBody({ channel: "letter", receivedAt: hoursAgo(0) }));
    const after = (await call(ctx.app, police, "GET", "/api/v1/tips/counts")).json();
    expect(after.total.value).toBe(before.total.value + 1);
    expect(byChannel(after, "letter")).toBe(byChannel(before, "letter") + 1);
    expect(byChannel(after, "web")).toBe(byChannel(before, "web"));
    const figures = await tipFigures(ctx.app.db, {
      rollupPathPrefix: p.baclieu.path,
      from: "2020-01-01",
      to: today,
    });
    expect(figures.received).toBe(figuresBefore.received + 1);
  });

  it("audits who recorded it and how, never who reported or what", async () => {
    const r = await record(police, intakeBody());
    const event = await lastAuditEvent(ctx.app.db);
    expect(event).toMatchObject({
      action: "tip.intake_recorded",
      actorId: police.accountId,
      entityId: r.tipId,
      data: { code: r.code, channel: "oral", anonymous: false, signedRecord: true },
    });
    expect(JSON.stringify(event)).not.toContain(MARKER);
  });

  it("a Front cadre records what they pass on: channel 'cadre', in the commune police inbox, unreadable to the cadre", async () => {
    const options = (await call(ctx.app, front, "GET", "/api/v1/tips/intake/options")).json();
    expect(options).toMatchObject({ channels: ["cadre"], can: { record: true } });
    expect(options.units.map((u: { id: string }) => u.id)).toEqual([p.baclieu.id]);
    const refused = await call(ctx.app, front, "POST", "/api/v1/tips/intake", intakeBody());
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.issues[0].path).toBe("channel");
    const r = await record(front, intakeBody({ channel: "cadre", anonymous: true, reporterName: undefined }));
    const inbox = (await call(ctx.app, police, "GET", "/api/v1/tips?limit=100")).json<{ items: Summary[] }>();
    expect(inbox.items.find((t) => t.code === r.code)?.channel).toBe("cadre");
    expect((await call(ctx.app, front, "GET", `/api/v1/tips/${r.tipId}`)).statusCode).toBe(404);
    const detail = (await call(ctx.app, police, "GET", `/api/v1/tips/${r.tipId}`)).json();
    expect(detail).toMatchObject({ contact: null, intake: { recordedByCadre: true, anonymous: true } });
  });

  it("403 without the permission; 404 for another commune's police", async () => {
    expect((await call(ctx.app, viewer, "POST", "/api/v1/tips/intake", intakeBody())).statusCode).toBe(403);
    expect((await call(ctx.app, viewer, "GET", "/api/v1/tips/intake/options")).statusCode).toBe(403);
    const before = await tipCount();
    expect((await call(ctx.app, otherPolice, "POST", "/api/v1/tips/intake", intakeBody())).statusCode).toBe(
      404,
    );
    expect(await tipCount()).toBe(before);
  });

  it("bad input is 400 in the error shape and writes nothing", async () => {
    const [tipsBefore, auditBefore] = [await tipCount(), await auditCount()];
    const named = await call(ctx.app, police, "POST", "/api/v1/tips/intake", {
      ...intakeBody(),
      reporterName: undefined,
      description: "ngắn",
      channel: "fax",
    });
    expect(named.statusCode).toBe(400);
    expect(named.json().error.code).toBe("validation_failed");
    expect(named.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["channel", "description"]),
    );
    const noName = await call(
      ctx.app,
      police,
      "POST",
      "/api/v1/tips/intake",
      intakeBody({ reporterName: "" }),
    );
    expect(noName.json().error.issues.map((i: { path: string }) => i.path)).toEqual(["reporterName"]);
    const future = await call(
      ctx.app,
      police,
      "POST",
      "/api/v1/tips/intake",
      intakeBody({ receivedAt: hoursAgo(-3) }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.issues[0].path).toBe("receivedAt");
    const badScan = await call(
      ctx.app,
      police,
      "POST",
      "/api/v1/tips/intake",
      intakeBody({ signedRecord: { contentBase64: Buffer.from("not a scan").toString("base64") } }),
    );
    expect(badScan.statusCode).toBe(400);
    expect(badScan.json().error.issues[0].path).toBe("signedRecord.contentBase64");
    expect([await tipCount(), await auditCount()]).toEqual([tipsBefore, auditBefore]);
  });

  it("anonymity: no plaintext content, reporter, receiver or place in any table", async () => {
    await record(police, intakeBody());
    const tables = await queryRows<{ name: string }>(
      ctx.app.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    let dump = "";
    for (const t of tables) {
      const rows = await queryRows<{ j: string }>(
        ctx.app.db,
        sql`select row_to_json(x)::text as j from ${sql.identifier(t.name)} x`,
      );
      dump += rows.map((r) => r.j).join("\n");
    }
    expect(dump).toContain("tip.intake_recorded"); // the dump reads what was written
    for (const needle of [MARKER, "096123456789", "0912345678"]) {
      expect(dump.includes(needle), needle).toBe(false);
      expect(dump.includes(Buffer.from(needle).toString("base64")), needle).toBe(false);
    }
  });
});
