import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs } from "../../test/factories";
import { api, buildCaseWorld, newCase, type CaseWorld } from "./test-support";

// The case export (case.export, logged) with each file's help instances ("lượt giúp đỡ") counted.
let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());

type Detail = { id: string; helpInstances: { id: string }[] };

const socialEvil = (over: Record<string, unknown> = {}) =>
  newCase(w, {
    kind: "social_evil",
    offenceCategory: "gambling",
    offence: "Đánh bạc ăn tiền tại quán cà phê",
    releaseOrDecisionDate: "2026-10-01",
    reportedInOn: "2026-10-01",
    ...over,
  });
const help = (id: string, over: Record<string, unknown> = {}) =>
  api(w, w.as.police, "POST", `/cases/${id}/help-instances`, {
    receivedOn: "2026-10-05",
    kind: "family_mentoring",
    helper: "Chi hội Phụ nữ khóm 1",
    ...over,
  });
const outcome = (id: string, instanceId: string, over: Record<string, unknown> = {}) =>
  api(w, w.as.police, "POST", `/cases/${id}/help-instances/${instanceId}/outcome`, {
    outcome: "reformed",
    outcomeOn: "2026-11-10",
    ...over,
  });

describe("case export", () => {
  it("the export counts each file's help instances, never their sealed notes", async () => {
    const c = await socialEvil({ offence: "Đánh bạc tại nhà văn hóa khóm" });
    const first = (await help(c.id, { notes: "Ghi chú niêm phong 7391" })).json<Detail>().helpInstances[0]!;
    await outcome(c.id, first.id, { outcome: "relapsed", outcomeOn: "2026-10-25" });
    const second = (await help(c.id, { receivedOn: "2026-10-26" })).json<Detail>().helpInstances[1]!;
    await outcome(c.id, second.id, { outcomeOn: "2026-11-20" });
    const res = await api(w, w.as.officer, "GET", "/cases/export/csv?reason=B%C3%A1o%20c%C3%A1o%20qu%C3%BD");
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(lines[0]).toContain("Số lượt được giúp đỡ,Số lượt cải tạo tốt,Lượt giúp đỡ gần nhất");
    const line = lines.find((l) => l.includes("Đánh bạc tại nhà văn hóa khóm"));
    expect(line).toMatch(/,2,1,26\/10\/2026$/);
    expect(res.body).not.toContain("7391");
  });

  it("lists every help instance by person, date, kind and outcome, scoped, logged, without the notes", async () => {
    const a = await socialEvil({ fullName: "Trần Văn Giúp", offence: "Đánh bạc lần thứ hai" });
    const first = (await help(a.id, { receivedOn: "2026-10-02", notes: "Niêm phong 55821" })).json<Detail>()
      .helpInstances[0]!;
    await outcome(a.id, first.id, { outcome: "relapsed", outcomeOn: "2026-10-20" });
    await help(a.id, { receivedOn: "2026-10-22", kind: "vocational_training", helper: "Đoàn phường" });
    const b = await socialEvil({ fullName: "Lê Thị Đỡ", offence: "Đánh bạc dưới hình thức số đề" });
    await help(b.id, { receivedOn: "2026-10-15", kind: "job" });
    const url = (q: string) => `/cases/help-instances/export/csv?reason=B%C3%A1o%20c%C3%A1o%20n%C4%83m${q}`;

    expect((await api(w, w.as.officer, "GET", "/cases/help-instances/export/csv")).statusCode).toBe(400);
    expect((await api(w, w.as.police, "GET", url(""))).statusCode).toBe(403);

    const res = await api(w, w.as.officer, "GET", url("&from=2026-10-01&to=2026-10-31"));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="luot-giup-do.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter(Boolean);
    expect(lines[0]).toBe(
      "Họ và tên,Ngày sinh,Nơi cư trú,Ngày tiếp nhận,Hình thức giúp đỡ,Tổ chức, tổ nhóm nhận giúp đỡ,Kết quả,Ngày có kết quả".replace(
        "Tổ chức, tổ nhóm nhận giúp đỡ",
        '"Tổ chức, tổ nhóm nhận giúp đỡ"',
      ),
    );
    const mine = lines.filter((l) => l.includes("Trần Văn Giúp") || l.includes("Lê Thị Đỡ"));
    // One line per instance, in the order received: the same person twice.
    expect(mine.map((l) => l.split(",")[0])).toEqual(["Trần Văn Giúp", "Lê Thị Đỡ", "Trần Văn Giúp"]);
    expect(mine[0]).toContain("02/10/2026");
    expect(mine[0]).toMatch(/Tái phạm,20\/10\/2026$/);
    expect(mine[1]).toContain("Giới thiệu việc làm");
    expect(mine[2]).toContain("Học nghề");
    expect(mine[2]).toMatch(/Đang giúp đỡ,$/);
    expect(res.body).not.toContain("55821");
    // Every instance of the period, of every file the officer reads: the rows are the instances.
    const [n] = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from case_help_instances
          where received_on between '2026-10-01' and '2026-10-31'`,
    );
    expect(lines.length - 1).toBe(n!.n);
    const [logged] = await queryRows<{ n: number }>(
      w.t.app.db,
      sql`select count(*)::int as n from case_access_log where purpose = 'export'
          and reason = 'Báo cáo năm' and case_id in (${a.id}, ${b.id})`,
    );
    expect(logged!.n).toBe(2);

    // A period before them: none of these lines.
    const before = await api(w, w.as.officer, "GET", url("&to=2026-10-01"));
    expect(before.body).not.toContain("Trần Văn Giúp");
    // Another commune's case officer reads none of these files.
    const other = await signedInAs(w.t.app, "commune_case_officer", w.otherWard, "police");
    const theirs = await api(w, other, "GET", url(""));
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.body).not.toContain("Trần Văn Giúp");
    expect(
      theirs.body
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter(Boolean),
    ).toHaveLength(1);
  });
});
