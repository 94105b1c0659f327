import { CASE_OUTCOMES, setClock } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { api, assign, buildCaseWorld, newCase, type CaseWorld } from "./test-support";

// Circular 10/2024/TT-BCA Art. 14 (ending grounds) and 15 (moves); Decree 120/2021 for education.
let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());
afterEach(() => setClock(null));

const read = (s: CaseWorld["as"][keyof CaseWorld["as"]], id: string) =>
  api(w, s, "GET", `/cases/${id}?reason=${encodeURIComponent("Kiểm tra hồ sơ chuyển")}`);
const transfer = (id: string, over: Record<string, unknown> = {}, as = w.as.police) =>
  api(w, as, "POST", `/cases/${id}/transfer`, {
    toCommuneId: w.otherWard,
    movedOn: "2026-11-30",
    reason: "Chuyển về ở cùng gia đình",
    ...over,
  });
const stats = async (unit: string, key: string) =>
  (
    await api(w, w.as.provincePolice, "GET", `/cases/statistics?orgUnitId=${unit}&period=month&key=${key}`)
  ).json<{ figures: { [k: string]: number } }>().figures as Record<
    "underManagement" | "newInPeriod" | "transferredIn" | "transferredOut",
    number
  >;

describe("transferCase: the file and access move to the new commune", () => {
  it.each([
    ["00:30", "2026-11-30T17:30:00Z"],
    ["23:30", "2026-12-01T16:30:00Z"],
  ])(
    "sent on Tuesday 01/12/2026 at %s: receipt due Tuesday 08/12 (5 working days), residence check Friday 04/12 (3)",
    async (_, at) => {
      setClock(at);
      const c = await newCase(w);
      await assign(w, c.id);
      const rep = await api(w, w.as.assignee, "POST", `/cases/${c.id}/reports`, {
        quarter: "2026-Q4",
        reportedOn: "2026-11-30",
        summary: "Chấp hành tốt ở xã cũ",
      });
      expect(rep.statusCode, rep.body).toBe(200);
      const res = await transfer(c.id);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        toCommuneId: w.otherWard,
        transferredOn: "2026-12-01",
        receiveDueOn: "2026-12-08",
        residenceCheckDueOn: "2026-12-04",
      });
      expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
        action: "case.transferred",
        entityId: c.id,
        data: { fromCommuneId: w.ward, toCommuneId: w.otherWard, receiveDueOn: "2026-12-08" },
      });

      // The sending commune and its assignee no longer find the file: 404, as for an unknown id.
      for (const who of ["police", "officer", "assignee"] as const) {
        expect((await read(w.as[who], c.id)).statusCode, who).toBe(404);
      }
      expect((await read(w.as.police, "00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
      const list = await api(w, w.as.police, "GET", "/cases");
      expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(c.id);
      expect((await transfer(c.id)).statusCode).toBe(404);

      // The receiving commune sees it, its clocks and the previous commune's history.
      const got = await read(w.as.otherCommunePolice, c.id);
      expect(got.statusCode, got.body).toBe(200);
      expect(got.json()).toMatchObject({
        status: "transferring",
        communeId: w.otherWard,
        assigneeBodyName: null,
        pendingTransfer: {
          transferredOn: "2026-12-01",
          receiveDeadline: { dueOn: "2026-12-08", workingDaysLeft: 5 },
          residenceCheckDeadline: { dueOn: "2026-12-04", workingDaysLeft: 3 },
        },
        reports: [{ quarter: "2026-Q4", summary: "Chấp hành tốt ở xã cũ" }],
        transfers: [{ movedOn: "2026-11-30", reason: "Chuyển về ở cùng gia đình", receivedOn: null }],
        can: { receive: true, transfer: false, assign: false, report: false, close: true },
      });
      const inbox = await api(w, w.as.otherCommunePolice, "GET", "/cases?status=transferring");
      expect(inbox.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(c.id);
    },
  );

  it("the receiver takes the file over after the residence check; it then assigns anew", async () => {
    setClock("2026-12-01T03:00:00Z");
    const c = await newCase(w);
    await assign(w, c.id);
    expect((await transfer(c.id)).statusCode).toBe(200);
    // Nothing is recorded on a travelling file but its receipt or its end.
    const early = await api(w, w.as.otherCommunePolice, "POST", `/cases/${c.id}/classifications`, {
      quarter: "2026-Q4",
      group: "A",
      classifiedOn: "2026-12-01",
    });
    expect(early.statusCode).toBe(409);
    expect(
      (
        await api(w, w.as.police, "POST", `/cases/${c.id}/transfer/receive`, {
          orgUnitId: w.ward,
          residenceCheckedOn: "2026-12-01",
          receivedOn: "2026-12-01",
        })
      ).statusCode,
    ).toBe(404);
    const bad = await api(w, w.as.otherCommunePolice, "POST", `/cases/${c.id}/transfer/receive`, {
      orgUnitId: w.otherWard,
      residenceCheckedOn: "2026-11-20",
      receivedOn: "2026-12-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({
      path: "residenceCheckedOn",
      message: "Ngày trước ngày chuyển hồ sơ",
    });
    const ok = await api(w, w.as.otherCommunePolice, "POST", `/cases/${c.id}/transfer/receive`, {
      orgUnitId: w.otherWard,
      residenceCheckedOn: "2026-12-01",
      receivedOn: "2026-12-01",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      status: "reported_in",
      pendingTransfer: null,
      assignDeadline: { dueOn: "2026-12-04", doneOn: null },
      transfers: [{ receivedOn: "2026-12-01", residenceCheckedOn: "2026-12-01" }],
      can: { receive: false, assign: true, transfer: true },
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "case.read",
    });
    expect(
      await queryRows(
        w.t.app.db,
        sql`select 1 from audit_log where action = 'case.transfer_received' and entity_id = ${c.id}
            and (data->>'onTime')::boolean`,
      ),
    ).toHaveLength(1);
    expect((await read(w.as.police, c.id)).statusCode).toBe(404);
  });

  it("401, 403 for the assignee, 400 for a bad destination with nothing written", async () => {
    setClock("2026-12-01T03:00:00Z");
    const c = await newCase(w);
    await assign(w, c.id);
    expect((await transfer(c.id, {}, null as never)).statusCode).toBe(401);
    expect((await transfer(c.id, {}, w.as.assignee)).statusCode).toBe(403);
    expect((await transfer(c.id, {}, w.as.otherCommunePolice)).statusCode).toBe(404);
    const before = await lastAuditEvent(w.t.app.db);
    const same = await transfer(c.id, { toCommuneId: w.ward });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.issues[0]).toMatchObject({
      path: "toCommuneId",
      message: "Nơi chuyển đến trùng xã, phường đang quản lý",
    });
    const province = await transfer(c.id, { toCommuneId: w.province });
    expect(province.json().error.issues[0]).toMatchObject({
      path: "toCommuneId",
      message: "Nơi chuyển đến phải là một xã, phường hiện hành",
    });
    const short = await transfer(c.id, { reason: "x" });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.issues[0]).toMatchObject({
      path: "reason",
      message: "Ghi rõ lý do chuyển (ít nhất 5 ký tự)",
    });
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(before!.id);
    expect((await read(w.as.police, c.id)).json()).toMatchObject({ status: "assigned", transfers: [] });
  });

  it("finds destination communes anywhere by name, accent-insensitive (names only)", async () => {
    const res = await api(w, w.as.police, "GET", "/cases/transfer-destinations?q=bac%20lieu");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { name: string }[] }>().items.length).toBeGreaterThan(0);
    expect((await api(w, w.as.assignee, "GET", "/cases/transfer-destinations?q=bac")).statusCode).toBe(403);
  });
});

describe("statistics count a file at the commune that held it on the counted date", () => {
  it("November at the sender, December at the receiver; the province equals the recount of both", async () => {
    const before = {
      nov: { a: await stats(w.ward, "2026-11"), b: await stats(w.otherWard, "2026-11") },
      dec: { a: await stats(w.ward, "2026-12"), b: await stats(w.otherWard, "2026-12") },
    };
    setClock("2026-12-01T03:00:00Z");
    const c = await newCase(w, { reportedInOn: "2026-11-27" });
    expect((await transfer(c.id)).statusCode).toBe(200);
    const nov = { a: await stats(w.ward, "2026-11"), b: await stats(w.otherWard, "2026-11") };
    const dec = { a: await stats(w.ward, "2026-12"), b: await stats(w.otherWard, "2026-12") };
    expect(nov.a.underManagement - before.nov.a.underManagement).toBe(1);
    expect(nov.a.newInPeriod - before.nov.a.newInPeriod).toBe(1);
    expect(nov.b.underManagement - before.nov.b.underManagement).toBe(0);
    expect(dec.a.underManagement - before.dec.a.underManagement).toBe(0);
    expect(dec.b.underManagement - before.dec.b.underManagement).toBe(1);
    expect(dec.a.transferredOut - before.dec.a.transferredOut).toBe(1);
    expect(dec.b.transferredIn - before.dec.b.transferredIn).toBe(1);
    // Recount: every file under management at a date in the subtree, from the raw holdings.
    for (const [key, to] of [
      ["2026-11", "2026-11-30"],
      ["2026-12", "2026-12-31"],
    ] as const) {
      const [recount] = await queryRows<{ n: number }>(
        w.t.app.db,
        sql`select count(distinct c.id)::int n from cases c join case_holdings h on h.case_id = c.id
            join org_units p on p.id = ${w.province}
            where h.rollup_path like p.rollup_path || '%' and h.held_from <= ${to}::date
              and (h.held_until is null or h.held_until > ${to}::date)
              and c.reported_in_on <= ${to}::date and (c.closed_on is null or c.closed_on > ${to}::date)`,
      );
      expect((await stats(w.province, key)).underManagement, key).toBe(recount!.n);
    }
  });
});

describe("ending grounds are the legal ones (Circular 10/2024 Art. 14)", () => {
  it("the list is the legal grounds, and a released prisoner's file closes on its kind's", async () => {
    expect([...CASE_OUTCOMES]).toEqual([
      "expunged",
      "moved",
      "settled_abroad",
      "missing",
      "died",
      "reimprisoned",
      "completed",
      "ended_early",
      "reformed",
      "management_ended",
    ]);
    setClock("2026-12-01T03:00:00Z");
    const c = await newCase(w);
    const detail = await read(w.as.police, c.id);
    expect(detail.json().closeOutcomes).toEqual([
      "expunged",
      "settled_abroad",
      "missing",
      "died",
      "reimprisoned",
    ]);
    const close = (outcome: string) =>
      api(w, w.as.police, "POST", `/cases/${c.id}/close`, { outcome, closedOn: "2026-11-30" });
    expect((await close("reintegrated")).statusCode).toBe(400);
    const moved = await close("moved");
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.issues[0].message).toContain("chuyển hồ sơ");
    expect((await close("completed")).json().error.issues[0]).toMatchObject({
      path: "outcome",
      message: "Căn cứ kết thúc không áp dụng cho diện quản lý này",
    });
    const ok = await close("settled_abroad");
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ outcome: "settled_abroad", closeOutcomes: [] });
  });
});

describe("education at the commune runs Decree 120/2021's steps, not Circular 10's", () => {
  const education = {
    kind: "commune_education",
    releaseOrDecisionDate: "2026-11-20",
    reportedInOn: "2026-11-27",
  };

  it("needs a 3–6 month term", async () => {
    const res = await api(w, w.as.police, "POST", "/cases", { ...(await bodyOf()), ...education });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({
      path: "measureMonths",
      message: "Thời hạn giáo dục tại xã phải từ 3 đến 6 tháng",
    });
  });

  it("clocks from the decision, the term, its half, monthly reports; no A–D classification", async () => {
    setClock("2026-12-03T03:00:00Z");
    const c = await newCase(w, { ...education, measureMonths: 4 });
    const d = (await read(w.as.police, c.id)).json();
    expect(d).toMatchObject({
      regime: "decree_120_2021",
      reportCadence: "monthly",
      // 5 working days from Friday 20/11 (the decision), not 3 from the reporting-in meeting.
      assignDeadline: { dueOn: "2026-11-27" },
      fileDeadline: { dueOn: "2026-11-27" },
      measure: { months: 4, endsOn: "2027-03-19", earlyEndFrom: "2027-01-19" },
      closeOutcomes: ["completed", "ended_early", "died"],
      can: { classify: false },
    });
    expect(d.assignDeadline.dueOn).not.toBe("2026-12-02");
    await assign(w, c.id);
    const after = (await read(w.as.police, c.id)).json();
    expect(after.quarterReportDeadline).toMatchObject({ dueOn: "2026-12-05" });
    const quarterly = await api(w, w.as.assignee, "POST", `/cases/${c.id}/reports`, {
      quarter: "2026-Q4",
      reportedOn: "2026-11-30",
      summary: "Tiến bộ",
    });
    expect(quarterly.statusCode).toBe(400);
    const monthly = await api(w, w.as.assignee, "POST", `/cases/${c.id}/reports`, {
      month: "2026-11",
      reportedOn: "2026-11-30",
      summary: "Tiến bộ",
    });
    expect(monthly.statusCode, monthly.body).toBe(200);
    expect(monthly.json().quarterReportDeadline).toMatchObject({ dueOn: "2027-01-05" });
    const cls = await api(w, w.as.police, "POST", `/cases/${c.id}/classifications`, {
      quarter: "2026-Q4",
      group: "A",
      classifiedOn: "2026-12-01",
    });
    expect(cls.statusCode).toBe(409);
    const early = await api(w, w.as.police, "POST", `/cases/${c.id}/close`, {
      outcome: "ended_early",
      closedOn: "2026-12-01",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0]).toMatchObject({ path: "closedOn" });
  });
});

async function bodyOf() {
  const { caseBody } = await import("./test-support");
  return caseBody(w);
}
