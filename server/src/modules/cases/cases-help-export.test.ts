import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
