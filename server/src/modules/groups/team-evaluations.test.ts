import { setClock } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { addMember, buildWorld, helpers, makeGroup, newArea, type World } from "./test-support";

// The yearly evaluation of grassroots security teams (Hướng dẫn 01/HD-BCA-V05): the year
// 15/11 – 14/11 in Vietnam time, 9 months' service, and the 20 % cap on "Hoàn thành xuất sắc" in
// the commune. Most tests run on 10/11/2026 at 00:30 in Vietnam (still 9/11 in UTC).

let w: World;
const { api, expectAudit, expectNothingWritten } = helpers(() => w);
const NOW = "2026-11-09T17:30:00Z"; // 10/11/2026 00:30 in Vietnam
const TEAM = { typeCode: "grassroots_security_team", foundedOn: "2020-01-01" };

beforeAll(async () => {
  setClock(NOW);
  w = await buildWorld();
});
afterAll(async () => {
  setClock(null);
  await w.t.close();
});

async function member(team: string, joinedOn: string, fullName = "Trần Văn B"): Promise<string> {
  const res = await addMember(w, team, { fullName, birthDate: "1980-05-05", joinedOn });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A team in a new residential area of Phường Bạc Liêu with `n` members who served the whole year. */
async function teamWith(n: number): Promise<{ team: string; members: string[] }> {
  const team = await makeGroup(w, await newArea(w), TEAM);
  const members: string[] = [];
  for (let i = 0; i < n; i++) members.push(await member(team, "2024-08-01", `Thành viên ${i + 1}`));
  return { team, members };
}

const rate = (team: string, body: Record<string, unknown>, session = w.baclieu) =>
  api(session, "POST", `/groups/${team}/year-evaluations`, { year: 2026, ...body });
const ratings = (members: string[], ...rs: string[]) =>
  members.map((memberId, i) => ({ memberId, rating: rs[i] }));

describe("the evaluation year runs 15/11 – 14/11 in Vietnam time", () => {
  let team: string;
  beforeAll(async () => {
    team = (await teamWith(0)).team;
  });
  afterAll(() => setClock(NOW));

  it.each([
    ["2026-11-13T17:30:00Z", 2026, "2025-11-15", "2026-11-14", "2026-11-14"], // 14/11 00:30 VN
    ["2026-11-14T17:30:00Z", 2027, "2026-11-15", "2027-11-14", "2026-11-15"], // 15/11 00:30 VN (UTC: 14/11)
  ])("at %s the current year is %i (%s – %s)", async (clock, year, from, to, asOf) => {
    setClock(clock);
    const res = await api(w.baclieu, "GET", `/groups/${team}/year-evaluations`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ year, periodFrom: from, periodTo: to, asOf });
  });

  it("counts months of a past year to its last day and refuses a year not yet begun (exact message)", async () => {
    setClock("2026-11-14T17:30:00Z"); // 15/11/2026 in Vietnam
    const past = await api(w.baclieu, "GET", `/groups/${team}/year-evaluations?year=2026`);
    expect(past.json()).toMatchObject({ year: 2026, asOf: "2026-11-14" });
    setClock(NOW);
    const res = await api(w.baclieu, "GET", `/groups/${team}/year-evaluations?year=2027`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([{ path: "year", message: "Năm đánh giá chưa bắt đầu" }]);
  });
});

describe("minimum 9 months' service in the year", () => {
  it("shows months served and refuses a member with 8 (exact message), accepts one with 9", async () => {
    const { team } = await teamWith(0);
    const nine = await member(team, "2026-02-11", "Lê Văn Chín"); // 11/02 – 10/11: 9 months
    const eight = await member(team, "2026-02-12", "Lê Văn Tám"); // 12/02 – 10/11: 8 months, 30 days
    const year = (await api(w.baclieu, "GET", `/groups/${team}/year-evaluations`)).json();
    expect(year.members).toMatchObject([
      { memberId: nine, monthsServed: 9, ineligible: null },
      { memberId: eight, monthsServed: 8, ineligible: "too_short" },
    ]);
    const before = await lastAuditEvent(w.t.app.db);
    const res = await rate(team, { members: ratings([nine, eight], "completed", "completed") });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      {
        path: "members.1.rating",
        message:
          "Lê Văn Tám: Chưa đủ thời gian đánh giá: mới 8 tháng trong năm đánh giá, cần đủ 9 tháng (Hướng dẫn 01/HD-BCA-V05)",
      },
    ]);
    await expectNothingWritten(before);
    expect((await rate(team, { members: ratings([nine], "completed") })).statusCode).toBe(200);
  });

  it("refuses the rating of a team operating under 9 months in the year", async () => {
    const team = await makeGroup(w, await newArea(w), { ...TEAM, foundedOn: "2026-02-12" });
    const res = await rate(team, { teamRating: "good" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: "teamRating" });
  });
});

describe("the cap on 'Hoàn thành xuất sắc' in the commune", () => {
  it("accepts 1 excellent in 5, refuses a second (exact message) and counts other teams of the commune", async () => {
    const a = await teamWith(5);
    const ok = await rate(a.team, {
      members: ratings(a.members, "excellent", "good", "good", "good", "good"),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().cap.members).toEqual({ othersExcellent: 0, othersGood: 0, ownExcellent: 1, ownGood: 4 });

    const before = await lastAuditEvent(w.t.app.db);
    const over = await rate(a.team, { members: ratings([a.members[1]!], "excellent") });
    expect(over.statusCode).toBe(409);
    expect(over.json().error).toMatchObject({
      code: "conflict",
      message:
        "Vượt tỷ lệ xuất sắc: Phường Bạc Liêu sẽ có 2 thành viên Hoàn thành xuất sắc nhiệm vụ trên 5 thành viên " +
        "Hoàn thành tốt nhiệm vụ trở lên, quá 20% (Căn cứ: Hướng dẫn 01/HD-BCA-V05)",
    });
    await expectNothingWritten(before);

    // Another team of the same commune: its excellent counts against the same cap…
    const b = await teamWith(5);
    expect((await rate(b.team, { members: ratings([b.members[0]!], "excellent") })).statusCode).toBe(409);
    // …until enough members of the commune are rated good.
    const goods = await rate(b.team, {
      members: ratings(b.members.slice(1), "good", "good", "good", "good"),
    });
    expect(goods.json().cap.members).toMatchObject({ othersExcellent: 1, othersGood: 4, ownGood: 4 });
    expect((await rate(b.team, { members: ratings([b.members[0]!], "excellent") })).statusCode).toBe(200);
  });
});

describe("scope and re-evaluation", () => {
  it("refuses a caller outside the team's units (404) and a reader (403), writing nothing", async () => {
    const { team, members } = await teamWith(1);
    const before = await lastAuditEvent(w.t.app.db);
    expect((await rate(team, { members: ratings(members, "good") }, w.anxuyen)).statusCode).toBe(404);
    expect((await api(w.anxuyen, "GET", `/groups/${team}/year-evaluations`)).statusCode).toBe(404);
    expect((await rate(team, { members: ratings(members, "good") }, w.viewer)).statusCode).toBe(403);
    const seen = await api(w.viewer, "GET", `/groups/${team}/year-evaluations`);
    expect(seen.json().can).toEqual({ record: false });
    await expectNothingWritten(before);
  });

  it("re-rates a member and the team in place, auditing the previous ratings", async () => {
    const { team, members } = await teamWith(1);
    await rate(team, { teamRating: "good", members: ratings(members, "good") });
    const res = await rate(team, { teamRating: "completed", members: ratings(members, "completed") });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ team: { rating: "completed" }, members: [{ rating: "completed" }] });
    await expectAudit("group.year_rated", team, {
      year: 2026,
      evaluatedOn: "2026-11-10",
      team: { rating: "completed", previous: "good" },
      members: [{ memberId: members[0], rating: "completed", previous: "good" }],
    });
    const rows = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from group_year_ratings where group_id = ${team}`,
    );
    expect(rows[0]!.n).toBe(2);
    // The team's rating is its evaluation for the year, kept in step (one row).
    const detail = (await api(w.baclieu, "GET", `/groups/${team}`)).json();
    expect(detail.latestEvaluation).toMatchObject({
      rating: "completed",
      periodFrom: "2025-11-15",
      periodTo: "2026-11-14",
    });
  });

  it("refuses a team of another type (409)", async () => {
    const g = await makeGroup(w, await newArea(w));
    const res = await rate(g, { members: [], teamRating: "good" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe(
      "Chỉ Tổ bảo vệ an ninh, trật tự ở cơ sở được đánh giá, xếp loại theo năm (Hướng dẫn 01/HD-BCA-V05)",
    );
  });
});
