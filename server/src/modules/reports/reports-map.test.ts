import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { signedInAs, unitByCode } from "../../test/factories";
import { bodyAt } from "../activities/test-fixtures";

let t: TestContext;
let caMau: Session;
let anxuyen: Session;
let caMauId: string;
let anxuyenId: string;

const year = new Date().getUTCFullYear() - 1;

const reportBody = (orgUnitId: string, extra: object = {}) => ({
  orgUnitId,
  template: "yearly",
  year,
  issuingBody: "Ủy ban MTTQ Việt Nam tỉnh Cà Mau",
  symbol: "BC-MTTQ",
  place: "Cà Mau",
  issuedOn: `${year}-12-20`,
  cutOff: `${year}-12-15`,
  signerTitle: "TM. Ban Thường trực — Chủ tịch",
  signerName: "Nguyễn Văn An",
  ...extra,
});

const PNG = /^word\/media\/[^/]+\.png$/;

beforeAll(async () => {
  t = await createTestContext();
  caMauId = (await unitByCode(t.app.db, "province", "96")).id;
  anxuyenId = (await unitByCode(t.app.db, "commune", "32002")).id;
  caMau = await signedInAs(t.app, "province_front", caMauId);
  anxuyen = await signedInAs(t.app, "commune_front", anxuyenId);
  const police = await bodyAt(t.app.db, anxuyenId, "police");
  const res = await call(t.app, anxuyen, "POST", "/api/v1/activities", {
    orgUnitId: anxuyenId,
    kind: "meeting",
    date: `${year}-03-10`,
    organizerBodyIds: [police],
    topics: [],
    attendees: 120,
  });
  expect(res.statusCode, res.body).toBe(201);
}, 300_000);
afterAll(() => t.close());

describe("a report's map of its children", () => {
  it("a province report with a map indicator prints its communes' map as a PNG in the DOCX and the PDF", async () => {
    const res = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/reports",
      reportBody(caMauId, { mapIndicator: "activities.count" }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json<{ id: string; mapIndicator: string; mapLevel: string }>();
    expect(r).toMatchObject({ mapIndicator: "activities.count", mapLevel: "communes" });

    const docx = await call(t.app, caMau, "GET", `/api/v1/reports/${r.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const media = Object.keys(zip.files).filter((f) => PNG.test(f));
    expect(media).toHaveLength(1);
    const png = await zip.file(media[0]!)!.async("nodebuffer");
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1400);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("PHỤ LỤC BẢN ĐỒ");
    expect(xml).toContain(`Số buổi, hoạt động theo xã, phường, đặc khu (01/01/${year} – 15/12/${year})`);

    const pdf = await call(t.app, caMau, "GET", `/api/v1/reports/${r.id}/export?format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.toString("latin1")).toMatch(/\/Subtype\s*\/Image/);

    // Without a map indicator the printed report has no image.
    const cleared = await call(t.app, caMau, "PATCH", `/api/v1/reports/${r.id}`, { mapIndicator: null });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json()).toMatchObject({ mapIndicator: null });
    const plain = await call(t.app, caMau, "GET", `/api/v1/reports/${r.id}/export?format=docx`);
    const plainZip = await JSZip.loadAsync(plain.rawPayload);
    expect(Object.keys(plainZip.files).filter((f) => PNG.test(f))).toEqual([]);
  });

  it("refuses an indicator outside the registry, a tip map for a Front role, and a map below the province (400)", async () => {
    const bad = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/reports",
      reportBody(caMauId, { mapIndicator: "nope" }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: "mapIndicator", message: "Chọn một chỉ tiêu có trong danh mục chỉ tiêu" },
    ]);
    const tips = await call(
      t.app,
      caMau,
      "POST",
      "/api/v1/reports",
      reportBody(caMauId, { mapIndicator: "tips.received" }),
    );
    expect(tips.statusCode).toBe(400);
    expect(tips.json().error.issues).toEqual([
      { path: "mapIndicator", message: "Chỉ lực lượng Công an được chọn bản đồ tin báo, tố giác" },
    ]);
    const commune = await call(
      t.app,
      anxuyen,
      "POST",
      "/api/v1/reports",
      reportBody(anxuyenId, {
        issuingBody: "Ủy ban MTTQ Việt Nam phường An Xuyên",
        mapIndicator: "activities.count",
      }),
    );
    expect(commune.statusCode).toBe(400);
    expect(commune.json().error.issues[0].path).toBe("mapIndicator");
    const plain = await call(t.app, anxuyen, "POST", "/api/v1/reports", {
      ...reportBody(anxuyenId, { issuingBody: "Ủy ban MTTQ Việt Nam phường An Xuyên" }),
    });
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json()).toMatchObject({ mapIndicator: null, mapLevel: null });
    const patch = await call(t.app, anxuyen, "PATCH", `/api/v1/reports/${plain.json().id}`, {
      mapIndicator: "groups.count",
    });
    expect(patch.statusCode).toBe(400);
  });
});
