import { setClock } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, assign, buildCaseWorld, newCase, type CaseWorld } from "./test-support";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(async () => {
  setClock(null);
  await w.t.close();
});

type Summary = {
  id: string;
  nextQuarterReportDueOn: string | null;
  quarterReportDeadline: { dueOn: string; workingDaysLeft: number | null } | null;
};
const overdueIds = async () =>
  (await api(w, w.as.police, "GET", "/cases?overdue=true&limit=100")).json<{ items: Summary[] }>().items;

describe("quarterly reports past their due day", () => {
  it("a file assigned in Q3 2026 with no Q3 report is overdue on 03/12/2026, and no longer once reported", async () => {
    setClock("2026-08-10T03:00:00Z");
    const c = await newCase(w, { releaseOrDecisionDate: "2026-07-20", reportedInOn: "2026-08-03" });
    await assign(w, c.id, { decidedOn: "2026-08-05", fileOpenedOn: "2026-08-05" });
    setClock("2026-12-03T03:00:00Z");
    const late = (await overdueIds()).find((x) => x.id === c.id);
    expect(late?.nextQuarterReportDueOn).toBe("2026-10-05");
    expect(late?.quarterReportDeadline?.dueOn).toBe("2026-10-05");
    expect(late?.quarterReportDeadline?.workingDaysLeft).toBeLessThan(0);

    const rep = await api(w, w.as.assignee, "POST", `/cases/${c.id}/reports`, {
      quarter: "2026-Q3",
      reportedOn: "2026-12-02",
      summary: "Chấp hành tốt",
    });
    expect(rep.statusCode, rep.body).toBe(200);
    expect(rep.json<Summary>().quarterReportDeadline).toMatchObject({ dueOn: "2027-01-05" });
    expect((await overdueIds()).map((x) => x.id)).not.toContain(c.id);
  });
});
