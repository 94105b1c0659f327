// Shared set-up of the certification tests (not a test file itself).
import { expect } from "vitest";
import { createResidentialArea, rootUnit, signedInAs, unitByCode } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";

export const YEAR = 2026;

export type World = {
  t: TestContext;
  admin: Session;
  /** Cadre of the residential area "Khóm 1" of Phường Bạc Liêu. */
  area: Session;
  /** Commune Front and commune police of Phường Bạc Liêu (31825). */
  front: Session;
  police: Session;
  /** Province police of Cà Mau (96). */
  province: Session;
  viewer: Session;
  /** Commune Front of Phường An Xuyên (32002): out of Bạc Liêu's scope. */
  anxuyen: Session;
  baclieuId: string;
  anxuyenId: string;
  areaId: string;
};

export async function buildWorld(): Promise<World> {
  const t = await createTestContext();
  const db = t.app.db;
  const baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  const caMauId = (await unitByCode(db, "province", "96")).id;
  const areaId = await createResidentialArea(db, baclieuId, "Khóm 1");
  return {
    t,
    admin: await signedInAs(t.app, "system_admin", (await rootUnit(db)).id),
    area: await signedInAs(t.app, "residential_area_cadre", areaId, "front"),
    front: await signedInAs(t.app, "commune_front", baclieuId),
    police: await signedInAs(t.app, "commune_police", baclieuId),
    province: await signedInAs(t.app, "province_police", caMauId),
    viewer: await signedInAs(t.app, "viewer", baclieuId),
    anxuyen: await signedInAs(t.app, "commune_front", anxuyenId),
    baclieuId,
    anxuyenId,
    areaId,
  };
}

type Method = "GET" | "POST" | "PUT";

export function helpers(world: () => World) {
  const api = (s: Session | null, method: Method, url: string, body?: unknown) =>
    call(world().t.app, s, method, `/api/v1${url}`, body);

  async function ok(s: Session, method: Method, url: string, body?: unknown, status = 200) {
    const res = await api(s, method, url, body);
    expect(res.statusCode, res.body).toBe(status);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- parsed JSON for assertions
    return res.json();
  }

  function upload(s: Session | null, cycleId: string, kind: string, file = Buffer.from("%PDF-1.4 signed")) {
    const boundary = "----toandan-cert-boundary";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const headers: Record<string, string> = { "content-type": `multipart/form-data; boundary=${boundary}` };
    if (s) Object.assign(headers, { cookie: s.cookie, "x-csrf-token": s.csrf });
    return world().t.app.inject({
      method: "PUT",
      url: `/api/v1/certification/cycles/${cycleId}/documents/${kind}`,
      headers,
      payload,
    });
  }

  const register = (s: Session, orgUnitId: string, extra: Record<string, unknown> = {}) =>
    api(s, "POST", "/certification/cycles", {
      orgUnitId,
      year: YEAR,
      registeredOn: `${YEAR}-02-10`,
      partyResolution: true,
      planAdopted: true,
      ...extra,
    });

  const selfAssessment = (codes: string[], extra: Record<string, unknown> = {}) => ({
    assessedOn: `${YEAR}-10-05`,
    answers: codes.map((criterionCode) => ({ criterionCode, met: true })),
    crimes: 1,
    crimesPreviousYear: 3,
    socialEvils: 0,
    socialEvilsPreviousYear: 2,
    figuresSource: "Công an phường cung cấp",
    ...extra,
  });

  const meeting = {
    meetingDate: `${YEAR}-10-20`,
    chair: "Trần Văn Bình",
    attendees: [
      { name: "Lê Thị Cúc", role: "Bí thư chi bộ" },
      { name: "Phạm Văn Dũng", role: "Đại diện Công an phường" },
    ],
    minutes: "Hội nghị thống nhất đề nghị công nhận.",
    votesFor: 9,
    votesTotal: 10,
  };

  const appraisal = {
    appraisedOn: `${YEAR}-11-02`,
    recommendation: "recognise",
    opinion: "Đủ điều kiện đề nghị công nhận.",
  };

  const decision = (extra: Record<string, unknown> = {}) => ({
    outcome: "recognised",
    decisionNumber: "125/QĐ-UBND",
    decisionDate: `${YEAR}-11-10`,
    signerName: "Nguyễn Văn Em",
    signerTitle: "Chủ tịch UBND phường",
    ...extra,
  });

  /** Drives a residential area's cycle to "appraised" with a complete dossier; answers its id. */
  async function toAppraised(areaId: string, unitSession: Session, appraiser: Session): Promise<string> {
    const reg = await register(unitSession, areaId);
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json<{ id: string }>().id;
    await ok(
      unitSession,
      "POST",
      `/certification/cycles/${id}/self-assessment`,
      selfAssessment(["ra.1", "ra.2"]),
    );
    await ok(unitSession, "POST", `/certification/cycles/${id}/review-meeting`, meeting);
    for (const kind of ["submission", "results_report", "minutes"]) {
      const up = await upload(unitSession, id, kind);
      expect(up.statusCode, up.body).toBe(200);
    }
    await ok(appraiser, "POST", `/certification/cycles/${id}/appraisal`, appraisal);
    return id;
  }

  return { api, ok, upload, register, selfAssessment, meeting, appraisal, decision, toAppraised };
}
