import { todayInVietnam } from "@toandan/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";
import { seedDemoSupervisionTraining } from "./seed-supervision-training";

let w: CaseWorld;
const TODAY = todayInVietnam();

beforeAll(async () => {
  w = await buildCaseWorld();
  await seedDemoSupervisionTraining(w.t.app.db, w.ward, TODAY);
});
afterAll(() => w.t.close());

describe("the demo's supervision and training", () => {
  it("gives the ward's Front last year's closed supervision and this year's ongoing one", async () => {
    const res = await api(w, w.as.sameCommuneFront, "GET", "/supervisions");
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; status: string }[];
    expect(items.map((i) => i.status).sort()).toEqual(["closed", "ongoing"]);
    const closed = await api(
      w,
      w.as.sameCommuneFront,
      "GET",
      `/supervisions/${items.find((i) => i.status === "closed")!.id}`,
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().decisionNumber).toBe("15/QĐ-MTTQ");
    expect(closed.json().findings).toHaveLength(2);
    expect(closed.json()).toMatchObject({ recommendations: 2, unanswered: 1, status: "closed" });
    const recs = closed.json().recommendationList as { addresseeBodyId: string | null; response: unknown }[];
    // The ward police's is answered; the People's Committee's (no body in the system) is not.
    expect(recs.filter((r) => r.response !== null).map((r) => r.addresseeBodyId !== null)).toEqual([true]);
    const ongoing = await api(
      w,
      w.as.sameCommuneFront,
      "GET",
      `/supervisions/${items.find((i) => i.status === "ongoing")!.id}`,
    );
    expect(ongoing.json().findings).toHaveLength(1);
    expect(ongoing.json().periodFrom.slice(0, 4)).toBe(TODAY.slice(0, 4));
  });

  it("records last month's commune-level training with its 12 trainees", async () => {
    const list = await api(w, w.as.sameCommuneFront, "GET", "/activities?kind=training");
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().items as { id: string; date: string }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.date < TODAY).toBe(true);
    const t = await api(w, w.as.sameCommuneFront, "GET", `/activities/${items[0]!.id}/training`);
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json()).toMatchObject({ level: "commune", form: "tap_huan" });
    expect(t.json().trainees).toHaveLength(12);
  });
});
