import type { Role } from "@toandan/contracts";
import { createTestContext, call, type Session, type TestContext } from "../../test/harness";
import { bodyAt } from "../activities/test-fixtures";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";

export type CaseWorld = {
  t: TestContext;
  ward: string;
  otherWard: string;
  province: string;
  area: string;
  womenBody: string;
  as: Record<
    | "police"
    | "officer"
    | "assignee"
    | "sameCommuneFront"
    | "otherCommunePolice"
    | "frontViewer"
    | "provincePolice"
    | "provinceFront"
    | "admin",
    Session
  >;
};

/** Phường Bạc Liêu with its police, case officer, Women's Union (the assignee), Front; and others. */
export async function buildCaseWorld(): Promise<CaseWorld> {
  const t = await createTestContext();
  const db = t.app.db;
  const ward = (await unitByCode(db, "commune", "31825")).id;
  const otherWard = (await unitByCode(db, "commune", "32002")).id;
  const province = (await unitByCode(db, "province", "96")).id;
  const area = await createResidentialArea(db, ward, "Khóm thử");
  const as = (role: Role, unit: string, body?: Parameters<typeof signedInAs>[3]) =>
    signedInAs(t.app, role, unit, body);
  const { rootUnit } = await import("../../test/factories");
  return {
    t,
    ward,
    otherWard,
    province,
    area,
    womenBody: await bodyAt(db, ward, "women"),
    as: {
      police: await as("commune_police", ward),
      officer: await as("commune_case_officer", ward, "police"),
      assignee: await as("member_org_cadre", ward, "women"),
      sameCommuneFront: await as("commune_front", ward),
      otherCommunePolice: await as("commune_police", otherWard),
      frontViewer: await as("viewer", ward, "front"),
      provincePolice: await as("province_police", province),
      provinceFront: await as("province_front", province),
      admin: await as("system_admin", (await rootUnit(db)).id, "front"),
    },
  };
}

export const api = (w: CaseWorld, s: Session | null, method: "GET" | "POST", url: string, body?: unknown) =>
  call(w.t.app, s, method, `/api/v1${url}`, body);

let seq = 0;
/** A distinct valid 12-digit identity number per call. */
export const identityNumber = () =>
  `0960${String(Date.now() % 1e6).padStart(6, "0")}${String(seq++ % 100).padStart(2, "0")}`;

export const caseBody = (w: CaseWorld, over: Record<string, unknown> = {}) => ({
  kind: "released_prisoner",
  orgUnitId: w.area,
  fullName: "Nguyễn Văn Thử",
  dateOfBirth: "1990-05-17",
  identityNumber: identityNumber(),
  offenceCategory: "property",
  offence: "Trộm cắp tài sản (Điều 173 BLHS)",
  releaseOrDecisionDate: "2026-11-20",
  reportedInOn: "2026-11-27",
  notes: "Gia đình hỗ trợ tốt",
  ...over,
});

export async function newCase(w: CaseWorld, over: Record<string, unknown> = {}) {
  const res = await api(w, w.as.police, "POST", "/cases", caseBody(w, over));
  if (res.statusCode !== 201) throw new Error(`createCase ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; assignDeadline: { dueOn: string } }>();
}

export async function assign(w: CaseWorld, id: string, over: Record<string, unknown> = {}) {
  const res = await api(w, w.as.police, "POST", `/cases/${id}/assignment`, {
    assigneeBodyId: w.womenBody,
    decisionNumber: "12/QĐ-UBND",
    decidedOn: "2026-11-30",
    fileOpenedOn: "2026-11-30",
    ...over,
  });
  if (res.statusCode !== 200) throw new Error(`assignCase ${res.statusCode} ${res.body}`);
  return res;
}
