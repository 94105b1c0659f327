import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent } from "../../test/factories";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());

const nominate = (over: Record<string, unknown> = {}) =>
  api(w, w.as.sameCommuneFront, "POST", "/commendations", {
    orgUnitId: w.area,
    nomineeKind: "person",
    nomineeName: "Trần Thị Tốt",
    achievements: "Phát hiện, báo tin giúp bắt giữ đối tượng trộm cắp",
    evidence: [],
    nominatedOn: "2026-08-01",
    ...over,
  });

const endorse = (s: CaseWorld["as"][keyof CaseWorld["as"]], id: string, level: string, approve = true) =>
  api(w, s, "POST", `/commendations/${id}/endorsements`, { level, approve, endorsedOn: "2026-08-05" });

const exemplars = async () =>
  (await api(w, null, "GET", "/public/exemplars")).json<{
    items: { id: string; name: string; deed: string }[];
  }>().items;

describe("commendations", () => {
  it("nominates, endorses commune then province, and decides; each audited", async () => {
    const res = await nominate();
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<{ id: string }>().id;
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "commendation.nominated",
      entityId: id,
    });
    expect((await endorse(w.as.provinceFront, id, "province")).statusCode).toBe(409);
    expect((await endorse(w.as.provinceFront, id, "commune")).statusCode).toBe(403);
    expect((await endorse(w.as.sameCommuneFront, id, "commune")).statusCode).toBe(200);
    const prov = await endorse(w.as.provinceFront, id, "province");
    expect(prov.json()).toMatchObject({
      status: "endorsed",
      endorsements: [{ level: "commune" }, { level: "province" }],
    });
    const dec = await api(w, w.as.provinceFront, "POST", `/commendations/${id}/decision`, {
      awardForm: "bang_khen_province",
      decisionNumber: "1234/QĐ-UBND",
      decidedOn: "2026-08-15",
      issuer: "Chủ tịch UBND tỉnh Cà Mau",
    });
    expect(dec.json()).toMatchObject({ status: "decided", decision: { decisionNumber: "1234/QĐ-UBND" } });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "commendation.decided" });
  });

  it("a rejection ends it; a decision needs an approving endorsement", async () => {
    const id = (await nominate()).json<{ id: string }>().id;
    const body = {
      awardForm: "giay_khen",
      decisionNumber: "1",
      decidedOn: "2026-08-15",
      issuer: "UBND phường",
    };
    expect(
      (await api(w, w.as.sameCommuneFront, "POST", `/commendations/${id}/decision`, body)).statusCode,
    ).toBe(409);
    expect((await endorse(w.as.sameCommuneFront, id, "commune", false)).json()).toMatchObject({
      status: "rejected",
    });
    expect((await endorse(w.as.provinceFront, id, "province")).statusCode).toBe(409);
  });

  it("evidence links must exist in scope (kinds of other modules are accepted as typed links)", async () => {
    const missing = await nominate({
      evidence: [{ kind: "activity", id: "00000000-0000-4000-8000-000000000000" }],
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0]).toMatchObject({ path: "evidence.0.id" });
    const tip = await nominate({ evidence: [{ kind: "tip", id: "00000000-0000-4000-8000-000000000001" }] });
    expect(tip.statusCode).toBe(201);
    const bad = await nominate({
      evidence: [{ kind: "rumour", id: "00000000-0000-4000-8000-000000000001" }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it("401 anonymous, 403 for a viewer, 404 for another commune", async () => {
    expect((await api(w, null, "POST", "/commendations", {})).statusCode).toBe(401);
    expect((await api(w, w.as.frontViewer, "POST", "/commendations", {})).statusCode).toBe(403);
    const id = (await nominate()).json<{ id: string }>().id;
    expect((await api(w, w.as.otherCommunePolice, "GET", `/commendations/${id}`)).statusCode).toBe(404);
  });
});

describe("the consent rule on the public register", () => {
  it("nothing is published without recorded consent; withdrawal takes it off at once", async () => {
    const id = (await nominate({ nomineeName: "Lê Văn Hiếu" })).json<{ id: string }>().id;
    const publish = (p: boolean) =>
      api(w, w.as.sameCommuneFront, "POST", `/commendations/${id}/publication`, { publish: p });
    const noConsent = await publish(true);
    expect(noConsent.statusCode).toBe(409);
    expect((await exemplars()).map((e) => e.id)).not.toContain(id);

    const refused = await api(w, w.as.sameCommuneFront, "POST", `/commendations/${id}/consent`, {
      given: false,
      on: "2026-08-02",
      method: "written",
    });
    expect(refused.statusCode).toBe(200);
    expect((await publish(true)).statusCode).toBe(409);

    const consent = await api(w, w.as.sameCommuneFront, "POST", `/commendations/${id}/consent`, {
      given: true,
      on: "2026-08-03",
      method: "written",
      publicName: "Anh Lê Văn H.",
      deedSummary: "Báo tin giúp công an bắt giữ đối tượng trộm cắp",
    });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "commendation.consent_recorded",
      data: { given: true },
    });
    expect((await publish(true)).statusCode).toBe(200);
    const listed = (await exemplars()).find((e) => e.id === id);
    expect(listed).toMatchObject({
      name: "Anh Lê Văn H.",
      deed: "Báo tin giúp công an bắt giữ đối tượng trộm cắp",
    });
    expect(JSON.stringify(await exemplars())).not.toContain("Lê Văn Hiếu");

    await api(w, w.as.sameCommuneFront, "POST", `/commendations/${id}/consent`, {
      given: false,
      on: "2026-09-01",
      method: "in_person",
    });
    expect((await exemplars()).map((e) => e.id)).not.toContain(id);
  });

  it("consent needs an explicit choice: a missing `given` is 400", async () => {
    const id = (await nominate()).json<{ id: string }>().id;
    const res = await api(w, w.as.sameCommuneFront, "POST", `/commendations/${id}/consent`, {
      on: "2026-08-03",
      method: "written",
    });
    expect(res.statusCode).toBe(400);
  });

  it("the register is public (no account), cacheable, and validates its filter", async () => {
    const res = await api(w, null, "GET", "/public/exemplars");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=60");
    expect((await api(w, null, "GET", "/public/exemplars?provinceCode=abc")).statusCode).toBe(400);
  });
});
