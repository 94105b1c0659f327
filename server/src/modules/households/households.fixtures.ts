// Shared set-up of the households tests (not a test file itself).
import { expect } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { createResidentialArea, rootUnit, signedInAs, unitByCode } from "../../test/factories";

export type World = {
  t: TestContext;
  admin: Session;
  /** Commune Front of Phường Bạc Liêu (31825). */
  baclieu: Session;
  /** Commune Front of Phường An Xuyên (32002). */
  anxuyen: Session;
  /** Viewer at Phường Bạc Liêu: may read, not manage. */
  viewer: Session;
  baclieuId: string;
  anxuyenId: string;
  /** Two residential areas of Bạc Liêu, one of An Xuyên. */
  areaA: string;
  areaB: string;
  areaX: string;
};

export async function buildWorld(): Promise<World> {
  const t = await createTestContext();
  const db = t.app.db;
  const baclieuId = (await unitByCode(db, "commune", "31825")).id;
  const anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  return {
    t,
    admin: await signedInAs(t.app, "system_admin", (await rootUnit(db)).id),
    baclieu: await signedInAs(t.app, "commune_front", baclieuId),
    anxuyen: await signedInAs(t.app, "commune_front", anxuyenId),
    viewer: await signedInAs(t.app, "viewer", baclieuId),
    baclieuId,
    anxuyenId,
    areaA: await createResidentialArea(db, baclieuId, "Khóm 1"),
    areaB: await createResidentialArea(db, baclieuId, "Khóm 2"),
    areaX: await createResidentialArea(db, anxuyenId, "Khóm 5"),
  };
}

export type HouseholdBody = {
  orgUnitId: string;
  headName?: string;
  address?: string;
  members?: number;
  memberOrgs?: string[];
  code?: string;
};

/** Creates a household through the API and answers its id. */
export async function addHousehold(w: World, s: Session, body: HouseholdBody): Promise<string> {
  const res = await call(w.t.app, s, "POST", "/api/v1/households", {
    headName: "Nguyễn Văn An",
    address: "12 Trần Phú",
    members: 4,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export async function sign(w: World, s: Session, id: string, year: number, signedOn = `${year}-03-01`) {
  const res = await call(w.t.app, s, "POST", `/api/v1/households/${id}/commitments`, {
    year,
    signedOn,
    formVersion: "Mẫu 2024",
  });
  expect(res.statusCode, res.body).toBe(201);
}

export type ErrorBody = {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
};
