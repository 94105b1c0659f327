import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";

let w: CaseWorld;
beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());

type Session = CaseWorld["as"][keyof CaseWorld["as"]];
const nominate = async () => {
  const res = await api(w, w.as.sameCommuneFront, "POST", "/commendations", {
    orgUnitId: w.area,
    nomineeKind: "collective",
    nomineeName: "Tổ an ninh nhân dân khóm thử",
    achievements: "Mười năm liền giữ địa bàn không có tội phạm hình sự",
    evidence: [],
    nominatedOn: "2026-08-01",
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};
const endorse = (s: Session, id: string, level: string, opinion?: string) =>
  api(w, s, "POST", `/commendations/${id}/endorsements`, {
    level,
    approve: true,
    endorsedOn: "2026-09-01",
    ...(opinion ? { opinion } : {}),
  });
const decide = (id: string, awardForm: string) =>
  api(w, w.as.provinceFront, "POST", `/commendations/${id}/decision`, {
    awardForm,
    decisionNumber: "99/QĐ",
    decidedOn: "2026-10-01",
    issuer: awardForm === "huan_chuong" ? "Chủ tịch nước" : "Bộ trưởng Bộ Công an",
  });

describe("endorsement above the province", () => {
  it("climbs commune → province → ministry → central council, then the President's order is decided", async () => {
    const id = await nominate();
    const early = await endorse(w.as.admin, id, "ministry");
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe("Cần ý kiến cấp xã trước.");
    expect((await endorse(w.as.sameCommuneFront, id, "commune")).statusCode).toBe(200);
    expect((await endorse(w.as.provinceFront, id, "province")).statusCode).toBe(200);
    // Too early for the President's order: the central council has not approved.
    expect((await decide(id, "huan_chuong")).statusCode).toBe(409);
    // A commune body cannot speak for the ministry.
    expect((await endorse(w.as.sameCommuneFront, id, "ministry")).statusCode).toBe(403);
    // The national account records the ministry's opinion itself.
    const ministry = await endorse(w.as.admin, id, "ministry");
    expect(ministry.statusCode, ministry.body).toBe(200);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "commendation.endorsed",
      data: { level: "ministry" },
    });
    // The province relays the central council's written reply, and must name it.
    const unnamed = await endorse(w.as.provinceFront, id, "central_council");
    expect(unnamed.statusCode).toBe(400);
    expect(unnamed.json().error.issues).toEqual([
      {
        path: "opinion",
        message: "Ghi số, ngày văn bản trả lời của Hội đồng Thi đua – Khen thưởng Trung ương",
      },
    ]);
    const council = await endorse(
      w.as.provinceFront,
      id,
      "central_council",
      "Công văn 12/HĐTĐKT ngày 01/09/2026",
    );
    expect(council.statusCode, council.body).toBe(200);
    expect(council.json<{ endorsements: { level: string }[] }>().endorsements.map((e) => e.level)).toEqual([
      "commune",
      "province",
      "ministry",
      "central_council",
    ]);
    expect((await endorse(w.as.admin, id, "central_council")).statusCode).toBe(409);
    const dec = await decide(id, "huan_chuong");
    expect(dec.statusCode, dec.body).toBe(200);
    expect(dec.json()).toMatchObject({ status: "decided", decision: { awardForm: "huan_chuong" } });
  });

  it("the Minister's certificate needs the province's approval", async () => {
    const id = await nominate();
    expect((await endorse(w.as.sameCommuneFront, id, "commune")).statusCode).toBe(200);
    const res = await decide(id, "bang_khen_minister");
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe("Hình thức này cần ý kiến đồng ý của cấp tỉnh trước.");
    expect((await endorse(w.as.provinceFront, id, "province")).statusCode).toBe(200);
    expect((await decide(id, "bang_khen_minister")).statusCode).toBe(200);
  });

  it("statistics count decisions by awarding level and approvals by endorsement level, as the records do", async () => {
    const res = await api(
      w,
      w.as.provinceFront,
      "GET",
      `/commendations/statistics?orgUnitId=${w.province}&from=2026-01-01&to=2026-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<{
      decidedByLevel: Record<string, number>;
      endorsedByLevel: Record<string, number>;
    }>();
    const levels = await queryRows<{ level: string; n: number }>(
      w.t.app.db,
      sql`select level, count(*)::int as n from commendation_endorsements where approve group by level`,
    );
    for (const l of levels) expect(s.endorsedByLevel[l.level], l.level).toBe(l.n);
    expect(s.endorsedByLevel.central_council).toBe(1);
    expect(s.decidedByLevel).toMatchObject({ national: 1, ministry: 1 });
    const hidden = await api(
      w,
      w.as.otherCommunePolice,
      "GET",
      `/commendations/statistics?orgUnitId=${w.ward}&from=2026-01-01&to=2026-12-31`,
    );
    expect(hidden.statusCode).toBe(404);
  });
});
