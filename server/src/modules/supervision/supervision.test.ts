import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { bodyAt } from "../activities/test-fixtures";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";

let w: CaseWorld;
let policeBody: string;

beforeAll(async () => {
  w = await buildCaseWorld();
  policeBody = await bodyAt(w.t.app.db, w.ward, "police");
});
afterAll(() => w.t.close());

const plan = (over: Record<string, unknown> = {}) =>
  api(w, w.as.sameCommuneFront, "POST", "/supervisions", {
    orgUnitId: w.ward,
    title: "Giám sát phong trào toàn dân bảo vệ an ninh Tổ quốc",
    subjectKind: "movement",
    content: "Việc triển khai phong trào tại các khóm",
    form: "delegation",
    periodFrom: "2024-05-01",
    periodTo: "2024-05-31",
    decisionNumber: "12/QĐ-MTTQ",
    decisionDate: "2024-04-20",
    members: [
      { name: "Nguyễn Văn A", position: "Chủ tịch Ủy ban MTTQ phường" },
      { name: "Trần Thị B", position: "Chủ tịch Hội Phụ nữ" },
    ],
    ...over,
  });

const count = async (table: string) =>
  (await queryRows<{ n: number }>(w.t.app.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

describe("supervision", () => {
  it("runs plan → findings → recommendations → answers → close, audited, with figures", async () => {
    const res = await plan();
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    expect(res.json()).toMatchObject({
      status: "planned",
      members: [{ name: "Nguyễn Văn A" }, { name: "Trần Thị B" }],
      can: { recordFinding: true, addRecommendation: false, close: false },
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "supervision.created",
      data: { members: 2, form: "delegation" },
    });
    // Nothing addressed to the police yet: they do not see it.
    const before = await api(w, w.as.police, "GET", "/supervisions");
    expect(before.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await api(w, w.as.police, "GET", `/supervisions/${id}`)).statusCode).toBe(404);
    // A recommendation needs findings first.
    const early = await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/recommendations`, {
      addresseeName: "UBND phường",
      content: "x",
      madeOn: "2024-06-01",
      dueOn: "2024-06-30",
    });
    expect(early.statusCode).toBe(409);

    const f = await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/findings`, {
      foundOn: "2024-05-20",
      content: "3/7 khóm chưa duy trì tổ tự quản",
    });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ status: "ongoing", findings: [{ foundOn: "2024-05-20" }] });

    const toPolice = await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/recommendations`, {
      addresseeBodyId: policeBody,
      content: "Củng cố tổ tự quản ở 3 khóm",
      madeOn: "2024-06-01",
      dueOn: "2024-06-30",
    });
    expect(toPolice.statusCode, toPolice.body).toBe(200);
    const toCommittee = await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/recommendations`, {
      addresseeName: "Ủy ban nhân dân phường",
      content: "Bố trí kinh phí cho tổ tự quản",
      madeOn: "2024-06-01",
      dueOn: "2024-06-30",
    });
    const recs = toCommittee.json().recommendationList as { id: string; addresseeName: string }[];
    expect(recs).toHaveLength(2);
    const policeRec = recs.find((r) => r.addresseeName !== "Ủy ban nhân dân phường")!;
    const committeeRec = recs.find((r) => r.addresseeName === "Ủy ban nhân dân phường")!;
    // The body's own name, which already names its unit, once.
    const [police] = await queryRows<{ name: string }>(
      w.t.app.db,
      sql`select name from bodies where id = ${policeBody}`,
    );
    expect(policeRec.addresseeName).toBe(police!.name);
    expect(toCommittee.json()).toMatchObject({ recommendations: 2, unanswered: 2 });

    // Now the police see it, and may answer only what is addressed to them.
    const list = await api(w, w.as.police, "GET", "/supervisions");
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(id);
    expect(list.json().can).toEqual({ create: false });
    const seen = await api(w, w.as.police, "GET", `/supervisions/${id}`);
    expect(seen.statusCode).toBe(200);
    const can = Object.fromEntries(
      (seen.json().recommendationList as { id: string; can: { respond: boolean } }[]).map((r) => [
        r.id,
        r.can.respond,
      ]),
    );
    expect(can).toEqual({ [policeRec.id]: true, [committeeRec.id]: false });
    expect(seen.json().can).toEqual({ recordFinding: false, addRecommendation: false, close: false });
    const respondUrl = (rid: string) => `/supervisions/${id}/recommendations/${rid}/response`;
    const notMine = await api(w, w.as.police, "POST", respondUrl(committeeRec.id), {
      respondedOn: "2024-07-01",
      content: "x",
    });
    expect(notMine.statusCode).toBe(404);
    const answer = await api(w, w.as.police, "POST", respondUrl(policeRec.id), {
      respondedOn: "2024-07-05",
      content: "Đã phối hợp củng cố 3 tổ",
      action: "Kiện toàn 3 tổ tự quản, bổ sung 12 thành viên",
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "supervision.response_recorded",
      data: { late: true },
    });
    const twice = await api(w, w.as.police, "POST", respondUrl(policeRec.id), {
      respondedOn: "2024-07-06",
      content: "y",
    });
    expect(twice.statusCode).toBe(409);

    // Closing with an unanswered recommendation is refused, then allowed with a stated reason.
    const lastBefore = (await lastAuditEvent(w.t.app.db))!.id;
    const close = (over: Record<string, unknown> = {}) =>
      api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/close`, {
        closedOn: "2024-07-10",
        result: "partly",
        summary: "Phong trào duy trì khá; còn 3 khóm yếu",
        ...over,
      });
    const refused = await close();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain("1 kiến nghị chưa được trả lời");
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(lastBefore);
    expect((await api(w, w.as.sameCommuneFront, "GET", `/supervisions/${id}`)).json().status).toBe("ongoing");
    const closed = await close({ unansweredNote: "UBND phường chưa trả lời; tiếp tục đôn đốc" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: "closed",
      result: "partly",
      unansweredNote: "UBND phường chưa trả lời; tiếp tục đôn đốc",
      can: { recordFinding: false, addRecommendation: false, close: false },
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "supervision.closed",
      data: { unanswered: 1 },
    });
    expect((await close()).statusCode).toBe(409);

    const totals = await api(
      w,
      w.as.provinceFront,
      "GET",
      `/supervisions/totals?orgUnitId=${w.province}&from=2024-01-01&to=2024-12-31`,
    );
    expect(totals.statusCode, totals.body).toBe(200);
    expect(totals.json()).toEqual({
      supervisions: 1,
      closed: 1,
      recommendations: 2,
      answered: 1,
      overdue: 1,
    });
    // As of mid-June nothing was due yet and nothing answered.
    const june = await api(
      w,
      w.as.sameCommuneFront,
      "GET",
      `/supervisions/totals?orgUnitId=${w.ward}&from=2024-01-01&to=2024-06-15`,
    );
    expect(june.json()).toEqual({ supervisions: 1, closed: 1, recommendations: 2, answered: 0, overdue: 0 });
    // The Front records the committee's written answer after closing (follow-up).
    const late = await api(w, w.as.sameCommuneFront, "POST", respondUrl(committeeRec.id), {
      respondedOn: "2024-08-01",
      content: "Đã bố trí kinh phí năm 2025",
    });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ unanswered: 0 });
  });

  it("refuses out of scope and without permission", async () => {
    const id = (await plan({ periodFrom: "2026-03-01", periodTo: "2026-03-31" })).json().id as string;
    expect((await api(w, null, "GET", "/supervisions")).statusCode).toBe(401);
    expect((await api(w, w.as.officer, "GET", "/supervisions")).statusCode).toBe(403);
    expect((await api(w, w.as.police, "POST", "/supervisions", {})).statusCode).toBe(403);
    expect((await api(w, w.as.otherCommunePolice, "GET", `/supervisions/${id}`)).statusCode).toBe(404);
    expect((await api(w, w.as.provinceFront, "GET", `/supervisions/${id}`)).statusCode).toBe(200);
    expect((await api(w, w.as.frontViewer, "GET", `/supervisions/${id}`)).json().can).toEqual({
      recordFinding: false,
      addRecommendation: false,
      close: false,
    });
    // A commune's Front cannot plan one at another commune, nor read its figures.
    const elsewhere = await plan({ orgUnitId: w.otherWard });
    expect(elsewhere.statusCode).toBe(404);
    const figures = await api(
      w,
      w.as.sameCommuneFront,
      "GET",
      `/supervisions/totals?orgUnitId=${w.otherWard}&from=2026-01-01&to=2026-12-31`,
    );
    expect(figures.statusCode).toBe(404);
    const finding = await api(w, w.as.otherCommunePolice, "POST", `/supervisions/${id}/findings`, {
      foundOn: "2026-03-10",
      content: "x",
    });
    expect(finding.statusCode).toBe(403);
  });

  it("bad input is a 400 that changes nothing", async () => {
    const rows = await count("supervisions");
    const audit = (await lastAuditEvent(w.t.app.db))!.id;
    const backwards = await plan({ periodFrom: "2026-05-31", periodTo: "2026-05-01" });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.issues[0]).toMatchObject({ path: "periodTo" });
    const noMembers = await plan({ members: [] });
    expect(noMembers.statusCode).toBe(400);
    expect(noMembers.json().error.issues[0]).toMatchObject({
      path: "members",
      message: "Đoàn giám sát cần ít nhất một thành viên",
    });
    const freeText = await plan({ decisionNumber: "quyết định của Ban Thường trực" });
    expect(freeText.statusCode).toBe(400);
    expect(freeText.json().error.issues[0]).toMatchObject({ path: "decisionNumber" });
    const noAgency = await plan({ subjectKind: "agency" });
    expect(noAgency.json().error.issues[0]).toMatchObject({ path: "subjectBodyId" });
    const farAgency = await plan({
      subjectKind: "agency",
      subjectBodyId: await bodyAt(w.t.app.db, w.otherWard, "police"),
    });
    expect(farAgency.statusCode).toBe(400);
    expect(farAgency.json().error.issues[0]).toMatchObject({ path: "subjectBodyId" });
    expect(await count("supervisions")).toBe(rows);
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(audit);

    const id = (await plan({ periodFrom: "2026-04-01", periodTo: "2026-04-30" })).json().id as string;
    await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/findings`, {
      foundOn: "2026-04-10",
      content: "Kết quả",
    });
    const recs = await count("supervision_recommendations");
    const audit2 = (await lastAuditEvent(w.t.app.db))!.id;
    const noAddressee = await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/recommendations`, {
      content: "x",
      madeOn: "2026-05-01",
      dueOn: "2026-05-31",
    });
    expect(noAddressee.statusCode).toBe(400);
    expect(noAddressee.json().error.issues[0]).toMatchObject({ path: "addresseeName" });
    const dueBefore = await api(w, w.as.sameCommuneFront, "POST", `/supervisions/${id}/recommendations`, {
      addresseeName: "UBND",
      content: "x",
      madeOn: "2026-05-01",
      dueOn: "2026-04-01",
    });
    expect(dueBefore.json().error.issues[0]).toMatchObject({ path: "dueOn" });
    expect(await count("supervision_recommendations")).toBe(recs);
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(audit2);
  });

  it("lists by year, status and unit within what the caller sees", async () => {
    const id = (
      await plan({ periodFrom: "2019-11-01", periodTo: "2020-01-31", members: [{ name: "A" }] })
    ).json().id as string;
    const list = async (q: string) =>
      (
        (await api(w, w.as.sameCommuneFront, "GET", `/supervisions?${q}`)).json().items as { id: string }[]
      ).map((x) => x.id);
    expect(await list("year=2019")).toEqual([id]);
    expect(await list("year=2020")).toEqual([id]);
    expect(await list("year=2019&status=planned")).toEqual([id]);
    expect(await list("year=2019&status=ongoing")).toEqual([]);
    expect(await list(`year=2019&orgUnitId=${w.ward}`)).toEqual([id]);
    expect(await list(`orgUnitId=${w.otherWard}`)).toEqual([]);
    expect((await api(w, w.as.sameCommuneFront, "GET", "/supervisions?year=abc")).statusCode).toBe(400);
  });
});
