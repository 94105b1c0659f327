import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent } from "../../test/factories";
import { addMember, buildWorld, helpers, makeGroup, newArea, type World } from "./test-support";

let w: World;
let area: string; // a residential area of Phường Bạc Liêu
let group: string; // a self-management group there
let team: string; // a grassroots security team there

const { api, expectAudit, expectNothingWritten } = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
  area = await newArea(w);
  group = await makeGroup(w, area);
  team = await makeGroup(w, area, { typeCode: "grassroots_security_team", name: "Tổ bảo vệ ANTT khóm 1" });
});
afterAll(() => w.t.close());

describe("members", () => {
  it("adds a member with the exact message on a bad join date, and audits a good one", async () => {
    const early = await addMember(w, group, { joinedOn: "2019-12-31" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues).toEqual([
      { path: "joinedOn", message: "Ngày vào tổ trước ngày thành lập tổ, mô hình" },
    ]);
    const res = await addMember(w, group, {
      fullName: "Trần Thị B",
      joinedOn: "2021-03-01",
      disciplined: true,
    });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ fullName: "Trần Thị B", disciplined: true, leftOn: null });
    await expectAudit("group.member_added", group, { memberId: m.id, joinedOn: "2021-03-01" });
    expect(JSON.stringify((await lastAuditEvent(w.t.app.db))?.data)).not.toContain("Trần Thị B");
  });

  it("requires a birth date for a grassroots security team member", async () => {
    const res = await addMember(w, team, { joinedOn: "2024-07-01" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "birthDate", message: "Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở phải có ngày sinh" },
    ]);
  });

  it("lists the roster, optionally active on a date", async () => {
    const g = await makeGroup(w, area);
    await addMember(w, g, { fullName: "A", joinedOn: "2020-01-01" });
    const b = (await addMember(w, g, { fullName: "B", joinedOn: "2020-06-01" })).json().id;
    await api(w.baclieu, "POST", `/groups/${g}/members/${b}/leave`, { leftOn: "2021-01-01" });
    const names = async (q: string) =>
      (await api(w.viewer, "GET", `/groups/${g}/members${q}`))
        .json()
        .items.map((m: { fullName: string }) => m.fullName);
    expect(await names("")).toEqual(["A", "B"]);
    expect(await names("?activeOn=2020-12-31")).toEqual(["A", "B"]);
    expect(await names("?activeOn=2021-01-01")).toEqual(["A"]);
    expect(await names("?activeOn=2019-12-31")).toEqual([]);
    const bad = await api(w.viewer, "GET", `/groups/${g}/members?activeOn=hom-nay`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe("querystring.activeOn");
  });

  it("records a leave with the exact message on a bad date, audits it, and refuses a second leave", async () => {
    const m = (await addMember(w, group, { joinedOn: "2022-01-01" })).json().id;
    const url = `/groups/${group}/members/${m}/leave`;
    const early = await api(w.baclieu, "POST", url, { leftOn: "2021-12-31" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues).toEqual([{ path: "leftOn", message: "Ngày rời tổ trước ngày vào tổ" }]);
    const res = await api(w.baclieu, "POST", url, { leftOn: "2023-01-01" });
    expect(res.statusCode).toBe(200);
    expect(res.json().leftOn).toBe("2023-01-01");
    await expectAudit("group.member_left", group, { memberId: m, leftOn: "2023-01-01" });
    expect((await api(w.baclieu, "POST", url, { leftOn: "2023-02-01" })).statusCode).toBe(409);
    const missing = `/groups/${group}/members/00000000-0000-4000-8000-000000000000/leave`;
    expect((await api(w.baclieu, "POST", missing, { leftOn: "2023-02-01" })).statusCode).toBe(404);
  });
});

describe("recordGroupSurvey", () => {
  it("is 400 with the exact message for a negative count, and writes nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const res = await api(w.baclieu, "POST", `/groups/${group}/surveys`, {
      surveyedOn: "2020-01-01",
      gangs: -1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "gangs", message: "Số băng, nhóm phải là số nguyên không âm" },
    ]);
    await expectNothingWritten(before);
  });

  it("records a survey and audits it", async () => {
    const body = {
      surveyedOn: "2020-01-15",
      crimes: 2,
      drugUsers: 4,
      gangs: 1,
      socialEvils: 3,
      notes: "Khảo sát ban đầu",
    };
    const res = await api(w.baclieu, "POST", `/groups/${group}/surveys`, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject(body);
    await expectAudit("group.surveyed", group, { surveyId: res.json().id, crimes: 2 });
  });
});

describe("evaluateGroup", () => {
  const period = { evaluatedOn: "2024-11-20", periodFrom: "2023-11-15", periodTo: "2024-11-14" };

  it("requires a reason for a model rated on paper (exact message)", async () => {
    const res = await api(w.baclieu, "POST", `/groups/${group}/evaluations`, {
      ...period,
      rating: "on_paper",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "reasons", message: "Cần nêu ít nhất một lý do khi đánh giá mô hình hoạt động hình thức" },
    ]);
  });

  it.each([
    ["model", "excellent", "Mô hình được đánh giá hoạt động hiệu quả hoặc hoạt động hình thức"],
    [
      "team",
      "effective",
      "Tổ được xếp loại Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành hoặc Không hoàn thành nhiệm vụ",
    ],
  ])("refuses a %s rated %s", async (kind, rating, message) => {
    const id = kind === "team" ? team : group;
    const res = await api(w.baclieu, "POST", `/groups/${id}/evaluations`, { ...period, rating });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: "rating", message }]);
  });

  it.each(["excellent", "good", "completed", "not_completed"])("rates a team %s", async (rating) => {
    const res = await api(w.baclieu, "POST", `/groups/${team}/evaluations`, { ...period, rating });
    expect(res.statusCode).toBe(201);
  });

  it("rates a model on paper with reasons and audits it", async () => {
    const reasons = ["Không họp định kỳ", "Không có sổ theo dõi"];
    const res = await api(w.baclieu, "POST", `/groups/${group}/evaluations`, {
      ...period,
      rating: "on_paper",
      reasons,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rating: "on_paper", reasons });
    await expectAudit("group.evaluated", group, { evaluationId: res.json().id, rating: "on_paper", reasons });
    const g = await api(w.baclieu, "GET", `/groups/${group}`);
    expect(g.json().latestEvaluation).toMatchObject({ rating: "on_paper", reasons });
  });
});
