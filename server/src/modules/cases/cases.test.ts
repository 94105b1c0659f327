import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { api, assign, buildCaseWorld, caseBody, newCase, type CaseWorld } from "./test-support";

let w: CaseWorld;
let caseId: string;
let idNumber: string;

beforeAll(async () => {
  w = await buildCaseWorld();
  const body = caseBody(w);
  idNumber = body.identityNumber;
  const res = await api(w, w.as.police, "POST", "/cases", body);
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json<{ id: string }>().id;
  await assign(w, caseId);
});
afterAll(() => w.t.close());

const read = (s: CaseWorld["as"][keyof CaseWorld["as"]], id = caseId, reason = "Kiểm tra định kỳ quý") =>
  api(w, s, "GET", `/cases/${id}?reason=${encodeURIComponent(reason)}`);

describe("who reads a case file", () => {
  it.each([
    ["police", 200, "commune_police"],
    ["officer", 200, "case_officer"],
    ["assignee", 200, "assignee"],
  ] as const)("%s of the commune reads it (%i, basis %s)", async (who, status, basis) => {
    const res = await read(w.as[who]);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({
      identityNumber: idNumber,
      accessBasis: basis,
      fullName: "Nguyễn Văn Thử",
    });
  });

  it.each([
    ["sameCommuneFront", 404],
    ["otherCommunePolice", 404],
  ] as const)("%s cannot see that it exists (%i)", async (who, status) => {
    expect((await read(w.as[who])).statusCode).toBe(status);
  });

  it.each(["provincePolice", "admin"] as const)("%s holds no case-file permission (403)", async (who) => {
    expect((await read(w.as[who])).statusCode).toBe(403);
  });

  it("a Front viewer may not hold case files at all (403), only counts", async () => {
    expect((await read(w.as.frontViewer)).statusCode).toBe(403);
    expect((await api(w, w.as.frontViewer, "GET", "/cases")).statusCode).toBe(403);
    const stats = await api(
      w,
      w.as.frontViewer,
      "GET",
      `/cases/statistics?orgUnitId=${w.ward}&period=year&key=2026`,
    );
    expect(stats.statusCode).toBe(200);
    expect(stats.json()).toMatchObject({
      suppressed: true,
      figures: { underManagement: null, newInPeriod: null },
    });
  });

  it("the police see the same counts unsuppressed", async () => {
    const stats = await api(
      w,
      w.as.provincePolice,
      "GET",
      `/cases/statistics?orgUnitId=${w.province}&period=year&key=2026`,
    );
    expect(stats.json()).toMatchObject({ suppressed: false });
    expect(stats.json<{ figures: { newInPeriod: number } }>().figures.newInPeriod).toBeGreaterThanOrEqual(1);
  });

  it("lists show only readable files", async () => {
    const mine = await api(w, w.as.assignee, "GET", "/cases");
    expect(mine.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(caseId);
    const front = await api(w, w.as.sameCommuneFront, "GET", "/cases");
    expect(front.statusCode).toBe(200);
    expect(front.json<{ items: unknown[] }>().items).toEqual([]);
    const other = await api(w, w.as.otherCommunePolice, "GET", "/cases");
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
  });
});

describe("every read is logged with who and why", () => {
  it("needs a reason (400) and logs nothing without one", async () => {
    const before = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int n from case_access_log`,
    );
    const res = await api(w, w.as.police, "GET", `/cases/${caseId}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: "querystring.reason" });
    const after = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int n from case_access_log`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("names the reader, the basis and the reason in the access log and the audit chain", async () => {
    await read(w.as.assignee, caseId, "Chuẩn bị báo cáo quý IV");
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "case.read",
      entityId: caseId,
      actorId: w.as.assignee.accountId,
      data: { basis: "assignee", reason: "Chuẩn bị báo cáo quý IV" },
    });
    const log = await api(w, w.as.officer, "GET", `/cases/${caseId}/access-log`);
    expect(log.statusCode).toBe(200);
    const items = log.json<{
      items: { accountId: string; reason: string; basis: string; purpose: string }[];
    }>().items;
    expect(items.find((i) => i.reason === "Chuẩn bị báo cáo quý IV")).toMatchObject({
      accountId: w.as.assignee.accountId,
      basis: "assignee",
      purpose: "read",
    });
  });

  it("the assignee may not read the access log (403), others not even find it (404)", async () => {
    expect((await api(w, w.as.assignee, "GET", `/cases/${caseId}/access-log`)).statusCode).toBe(403);
    expect((await api(w, w.as.otherCommunePolice, "GET", `/cases/${caseId}/access-log`)).statusCode).toBe(
      404,
    );
  });
});

describe("encryption at rest", () => {
  it("no table holds the identity number, offence or name in plain text", async () => {
    const tables = await queryRows<{ table_name: string }>(
      w.t.app.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    let hits = 0;
    for (const { table_name } of tables) {
      const rows = await queryRows<{ t: string }>(
        w.t.app.db,
        sql`select t::text as t from ${sql.identifier(table_name)} t`,
      );
      for (const r of rows) {
        if (r.t.includes(idNumber) || r.t.includes("Điều 173") || r.t.includes("Nguyễn Văn Thử")) hits += 1;
      }
    }
    expect(tables.length).toBeGreaterThan(10);
    expect(hits).toBe(0);
  });

  it("a second open file for the same identity number is a conflict (blind index)", async () => {
    const res = await api(w, w.as.police, "POST", "/cases", caseBody(w, { identityNumber: idNumber }));
    expect(res.statusCode).toBe(409);
  });

  it("the export needs its own permission and logs each file", async () => {
    expect(
      (await api(w, w.as.police, "GET", "/cases/export/csv?reason=B%C3%A1o%20c%C3%A1o%20t%E1%BB%89nh"))
        .statusCode,
    ).toBe(403);
    const res = await api(
      w,
      w.as.officer,
      "GET",
      "/cases/export/csv?reason=B%C3%A1o%20c%C3%A1o%20t%E1%BB%89nh",
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(idNumber);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "case.exported" });
  });

  it("key files stay outside the database, mode 0600", () => {
    const dir = path.dirname(w.t.app.config.masterKeyFile);
    expect(fs.statSync(path.join(dir, "case-index.key")).mode & 0o777).toBe(0o600);
  });
});

describe("the workflow", () => {
  it("401 anonymous, 403 without permission, 400 bad input with nothing written", async () => {
    expect((await api(w, null, "POST", "/cases", caseBody(w))).statusCode).toBe(401);
    expect((await api(w, w.as.frontViewer, "POST", "/cases", caseBody(w))).statusCode).toBe(403);
    expect((await api(w, w.as.assignee, "POST", "/cases", caseBody(w))).statusCode).toBe(403);
    const before = await lastAuditEvent(w.t.app.db);
    const bad = await api(w, w.as.police, "POST", "/cases", caseBody(w, { identityNumber: "12AB" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({
      path: "identityNumber",
      message: "Số định danh phải gồm 12 chữ số (hoặc 9 chữ số CMND cũ)",
    });
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(before!.id);
  });

  it("another commune's police cannot open a file here (404)", async () => {
    expect((await api(w, w.as.otherCommunePolice, "POST", "/cases", caseBody(w))).statusCode).toBe(404);
  });

  it("report, classify, support, close — each audited; the assignee may not classify or close", async () => {
    const c = await newCase(w);
    await assign(w, c.id);
    const rep = await api(w, w.as.assignee, "POST", `/cases/${c.id}/reports`, {
      quarter: "2026-Q4",
      reportedOn: "2026-11-30",
      summary: "Chấp hành tốt, đã có việc làm",
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(
      await queryRows(
        w.t.app.db,
        sql`select 1 from audit_log where action = 'case.report_recorded' and entity_id = ${c.id}`,
      ),
    ).toHaveLength(1);
    const dup = await api(w, w.as.assignee, "POST", `/cases/${c.id}/reports`, {
      quarter: "2026-Q4",
      reportedOn: "2026-11-30",
      summary: "lần hai",
    });
    expect(dup.statusCode).toBe(409);
    const cls = { quarter: "2026-Q4", group: "A", classifiedOn: "2026-11-30" };
    expect((await api(w, w.as.assignee, "POST", `/cases/${c.id}/classifications`, cls)).statusCode).toBe(403);
    const ok = await api(w, w.as.police, "POST", `/cases/${c.id}/classifications`, cls);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ latestGroup: "A", classifications: [{ group: "A" }] });
    const sup = await api(w, w.as.assignee, "POST", `/cases/${c.id}/supports`, {
      kind: "vocational_training",
      providedOn: "2026-11-28",
      provider: "Trung tâm GDNN-GDTX",
    });
    expect(sup.statusCode, sup.body).toBe(200);
    expect(sup.json()).toMatchObject({
      supports: [{ kind: "vocational_training", provider: "Trung tâm GDNN-GDTX" }],
    });
    expect(
      (
        await api(w, w.as.assignee, "POST", `/cases/${c.id}/close`, {
          outcome: "expunged",
          closedOn: "2026-11-30",
        })
      ).statusCode,
    ).toBe(403);
    const closed = await api(w, w.as.officer, "POST", `/cases/${c.id}/close`, {
      outcome: "expunged",
      closedOn: "2026-11-30",
    });
    expect(closed.json()).toMatchObject({
      status: "closed",
      outcome: "expunged",
      nextQuarterReportDueOn: null,
    });
    expect(
      await queryRows(
        w.t.app.db,
        sql`select 1 from audit_log where action = 'case.closed' and entity_id = ${c.id}`,
      ),
    ).toHaveLength(1);
    const again = await api(w, w.as.officer, "POST", `/cases/${c.id}/close`, {
      outcome: "died",
      closedOn: "2026-11-30",
    });
    expect(again.statusCode).toBe(409);
  });

  it("the assignee must be a body of the case's commune", async () => {
    const c = await newCase(w);
    const { bodyAt } = await import("../activities/test-fixtures");
    const foreign = await bodyAt(w.t.app.db, w.otherWard, "women");
    const res = await api(w, w.as.police, "POST", `/cases/${c.id}/assignment`, {
      assigneeBodyId: foreign,
      decisionNumber: "1/QĐ",
      decidedOn: "2026-11-30",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: "assigneeBodyId" });
  });

  it("shows the legal deadlines in working days (Friday meeting → Wednesday, Friday)", async () => {
    const c = await api(w, w.as.police, "POST", "/cases", caseBody(w, { reportedInOn: "2026-11-27" }));
    expect(c.json()).toMatchObject({
      assignDeadline: { dueOn: "2026-12-02", doneOn: null },
      fileDeadline: { dueOn: "2026-12-04", doneOn: null },
    });
  });
});
