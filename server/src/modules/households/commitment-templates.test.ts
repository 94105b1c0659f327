import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInVietnam } from "@toandan/contracts";
import { call } from "../../test/harness";
import { lastAuditEvent } from "../../test/factories";
import { signedInAs } from "../../test/factories";
import { addHousehold, buildWorld, type ErrorBody, type World } from "./households.fixtures";

let w: World;
const YEAR = Number(todayInVietnam().slice(0, 4));
type Template = { id: string; orgUnitId: string; orgUnitName: string; name: string };
type TemplateList = { items: Template[]; can: { create: boolean } };

beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const URL = "/api/v1/commitment-templates";
const create = (s: World["baclieu"], orgUnitId: string, name: string) =>
  call(w.t.app, s, "POST", URL, { orgUnitId, name });

describe("commitment templates", () => {
  let wardTemplate: string;
  let areaTemplate: string;
  let otherWard: string;

  it("401 without a session, 403 for a viewer, 404 at a unit out of scope, 400 with the exact message", async () => {
    expect((await call(w.t.app, null, "POST", URL, { orgUnitId: w.areaA, name: "Mẫu" })).statusCode).toBe(
      401,
    );
    expect((await create(w.viewer, w.areaA, "Mẫu")).statusCode).toBe(403);
    expect((await create(w.anxuyen, w.areaA, "Mẫu")).statusCode).toBe(404);
    const blank = await create(w.baclieu, w.areaA, "  ");
    expect(blank.statusCode).toBe(400);
    expect((JSON.parse(blank.body) as ErrorBody).error.issues).toEqual([
      { path: "name", message: "Tên mẫu cam kết không được để trống" },
    ]);
  });

  it("creates templates at the ward and at an area, audited; a duplicate name at a unit is 409", async () => {
    const ward = await create(w.baclieu, w.baclieuId, "Mẫu cam kết của phường 2026");
    expect(ward.statusCode, ward.body).toBe(201);
    wardTemplate = ward.json<Template>().id;
    const ev = await lastAuditEvent(w.t.app.db);
    expect(ev).toMatchObject({
      action: "commitment_template.created",
      entityType: "commitment_template",
      entityId: wardTemplate,
      orgUnitId: w.baclieuId,
      data: { name: "Mẫu cam kết của phường 2026" },
    });
    const area = await create(w.baclieu, w.areaA, "Mẫu Khóm 1");
    expect(area.statusCode).toBe(201);
    areaTemplate = area.json<Template>().id;
    const again = await create(w.baclieu, w.areaA, "Mẫu Khóm 1");
    expect(again.statusCode).toBe(409);
    const other = await create(w.anxuyen, w.areaX, "Mẫu An Xuyên");
    otherWard = other.json<Template>().id;
  });

  it("lists a unit's own templates and its ancestors', the nearest first; can.create for a manager only", async () => {
    const res = await call(w.t.app, w.baclieu, "GET", `${URL}?orgUnitId=${w.areaA}`);
    expect(res.statusCode).toBe(200);
    const list = res.json<TemplateList>();
    expect(list.items.map((t) => t.name)).toEqual(["Mẫu Khóm 1", "Mẫu cam kết của phường 2026"]);
    expect(list.can.create).toBe(true);
    const areaB = await call(w.t.app, w.baclieu, "GET", `${URL}?orgUnitId=${w.areaB}`);
    expect(areaB.json<TemplateList>().items.map((t) => t.name)).toEqual(["Mẫu cam kết của phường 2026"]);
    const viewer = await call(w.t.app, w.viewer, "GET", `${URL}?orgUnitId=${w.areaA}`);
    expect(viewer.json<TemplateList>().can.create).toBe(false);
    expect((await call(w.t.app, w.anxuyen, "GET", `${URL}?orgUnitId=${w.areaA}`)).statusCode).toBe(404);
  });

  it("an area cadre lists and adds templates at its own area only", async () => {
    const cadre = await signedInAs(w.t.app, "residential_area_cadre", w.areaA);
    expect((await call(w.t.app, cadre, "GET", `${URL}?orgUnitId=${w.baclieuId}`)).statusCode).toBe(404);
    expect((await create(cadre, w.baclieuId, "Mẫu của khóm")).statusCode).toBe(404);
    const own = await call(w.t.app, cadre, "GET", `${URL}?orgUnitId=${w.areaA}`);
    expect(own.json<TemplateList>().can.create).toBe(true);
  });

  it("a commitment records the picked template's name; another ward's template is refused", async () => {
    const id = await addHousehold(w, w.baclieu, { orgUnitId: w.areaA, headName: "Lý Văn Tư" });
    const url = `/api/v1/households/${id}/commitments`;
    const body = { year: YEAR, signedOn: todayInVietnam() };
    const foreign = await call(w.t.app, w.baclieu, "POST", url, { ...body, templateId: otherWard });
    expect(foreign.statusCode).toBe(400);
    expect((JSON.parse(foreign.body) as ErrorBody).error.issues).toEqual([
      { path: "templateId", message: "Mẫu cam kết không thuộc đơn vị của hộ hoặc cấp trên" },
    ]);
    const none = await call(w.t.app, w.baclieu, "POST", url, body);
    expect(none.statusCode).toBe(400);
    expect((JSON.parse(none.body) as ErrorBody).error.issues).toEqual([
      { path: "templateId", message: "Hãy chọn mẫu cam kết" },
    ]);
    const ok = await call(w.t.app, w.baclieu, "POST", url, { ...body, templateId: wardTemplate });
    expect(ok.statusCode, ok.body).toBe(201);
    const detail = await call(w.t.app, w.baclieu, "GET", `/api/v1/households/${id}`);
    expect(detail.json<{ commitments: { formVersion: string }[] }>().commitments[0]?.formVersion).toBe(
      "Mẫu cam kết của phường 2026",
    );
    expect(areaTemplate).toBeTruthy();
  });
});
