import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent, signedInAs, unitByCode } from "../../test/factories";
import type { Session } from "../../test/harness";
import { seedCertificationHistoryDemo } from "./certification.history-demo";
import { buildWorld, helpers, type World } from "./test-support";

let w: World;
const h = helpers(() => w);
let caMau: { id: string; path: string };
let baclieuPath: string;
/** Pre-reform units by statistics-office code (valid until 30/06/2025). */
const old: Record<string, string> = {};
let tanThanhId: string;
let caMauPolice: Session;

type ErrorBody = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
type Rates = {
  years: {
    year: number;
    [g: string]: number | { recorded: number; certified: number; rate: number | null };
  }[];
};

// Old Bạc Liêu city wards that formed Phường Bạc Liêu (31825), old Cà Mau city wards that formed
// Phường An Xuyên (32002), and Phường 6 of Cà Mau, split between Phường Tân Thành and others.
const BAC_LIEU_OLD = ["31813", "31816", "31822", "31825", "31828"];
const AN_XUYEN_OLD = ["31999", "32002", "32005", "32022", "32023"];
const SPLIT = "32017";

beforeAll(async () => {
  w = await buildWorld();
  const db = w.t.app.db;
  const province = await unitByCode(db, "province", "96");
  caMau = { id: province.id, path: province.path };
  baclieuPath = (await unitByCode(db, "commune", "31825")).path;
  tanThanhId = (await unitByCode(db, "commune", "32025")).id;
  const rows = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from org_units where kind = 'commune' and valid_to is not null
          and code = any(${sql.param([...BAC_LIEU_OLD, ...AN_XUYEN_OLD, SPLIT])}::text[])`,
  );
  for (const r of rows) old[r.code] = r.id;
  caMauPolice = await signedInAs(w.t.app, "province_police", caMau.id);
});
afterAll(() => w.t.close());

const body = (orgUnitId: string, extra: Record<string, unknown> = {}) => ({
  orgUnitId,
  year: 2016,
  certified: true,
  decisionNumber: "215/QĐ-UBND",
  decisionDate: "2016-11-18",
  decisionAuthority: "UBND thành phố Bạc Liêu",
  ...extra,
});
const historyCount = async () =>
  Number(
    (
      await queryRows<{ n: number }>(w.t.app.db, sql`select count(*)::int as n from certification_history`)
    )[0]!.n,
  );

describe("recordCertificationHistory", () => {
  it("is 401 anonymous, 403 for a viewer, 404 for a ward whose lineage does not hold the old unit", async () => {
    expect((await h.api(null, "POST", "/certification/history", body(old["31813"]!))).statusCode).toBe(401);
    expect((await h.api(w.viewer, "POST", "/certification/history", body(old["31813"]!))).statusCode).toBe(
      403,
    );
    expect((await h.api(w.anxuyen, "POST", "/certification/history", body(old["31813"]!))).statusCode).toBe(
      404,
    );
    expect(await historyCount()).toBe(0);
  });

  it("is 400 for today's ward in a year before it existed, a wrong type, a year past 2025; writes nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const current = await h.api(w.front, "POST", "/certification/history", body(w.baclieuId));
    expect(current.statusCode).toBe(400);
    expect(current.json<ErrorBody>().error.issues).toEqual([
      {
        path: "year",
        message:
          "Phường Bạc Liêu chỉ có từ 01/07/2025; kết quả năm 2016 ghi vào đơn vị trước sắp xếp đã hợp thành đơn vị này",
      },
    ]);
    const type = await h.api(
      w.front,
      "POST",
      "/certification/history",
      body(old["31813"]!, { unitType: "agency" }),
    );
    expect(type.json<ErrorBody>().error.issues).toEqual([
      { path: "unitType", message: "Phường 2 là xã, phường, thị trấn, không phải cơ quan" },
    ]);
    const late = await h.api(w.front, "POST", "/certification/history", body(old["31813"]!, { year: 2026 }));
    expect(late.statusCode).toBe(400);
    expect(late.json<ErrorBody>().error.code).toBe("validation_failed");
    const date = await h.api(
      w.front,
      "POST",
      "/certification/history",
      body(old["31813"]!, { decisionDate: "2019-01-05" }),
    );
    expect(date.json<ErrorBody>().error.issues).toEqual([
      { path: "decisionDate", message: "Ngày quyết định phải trong năm 2016 hoặc năm 2017" },
    ]);
    expect((await lastAuditEvent(w.t.app.db))?.id).toBe(before?.id);
    expect(await historyCount()).toBe(0);
  });

  it("records a pre-reform ward's result by today's ward, audited; 409 for the same unit and year", async () => {
    const res = await h.api(w.front, "POST", "/certification/history", body(old["31813"]!));
    expect(res.statusCode, res.body).toBe(201);
    const rec = res.json<{ id: string }>();
    expect(rec).toMatchObject({
      orgUnitId: old["31813"],
      unitName: "Phường 2",
      validTo: "2025-06-30",
      unitType: "commune",
      year: 2016,
      certified: true,
      decisionNumber: "215/QĐ-UBND",
    });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "certification.history_recorded",
      entityType: "certification_history",
      entityId: rec.id,
      actorId: w.front.accountId,
      orgUnitId: old["31813"],
      data: {
        year: 2016,
        unitType: "commune",
        certified: true,
        decisionNumber: "215/QĐ-UBND",
        decisionDate: "2016-11-18",
        decisionAuthority: "UBND thành phố Bạc Liêu",
      },
    });
    const again = await h.api(
      w.police,
      "POST",
      "/certification/history",
      body(old["31813"]!, { certified: false }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.message).toBe("Đơn vị đã có kết quả năm 2016.");
  });
});

describe("importCertificationHistory", () => {
  const header =
    "Mã đơn vị,Tên đơn vị,Năm,Loại đơn vị,Kết quả,Số quyết định,Ngày quyết định,Cơ quan quyết định";

  it("reports every bad line and imports nothing when one line is bad", async () => {
    const before = await historyCount();
    const csv = [
      header,
      "31816,Phường 3,2016,Phường,Đạt,12/QĐ-UBND,18/11/2016,UBND thành phố Bạc Liêu",
      "31816,Phường 3,2030,Phường,Đạt,,,",
      "31822,Phường 7,2016,Phường,Tốt,,,",
      "31999,Phường 9,2016,Phường,Đạt,,,",
      "31825,Phường Bạc Liêu,2025,Phường,Đạt,,,",
      `${w.baclieuId},Phường Bạc Liêu,2017,,Chưa đạt,,,`,
    ].join("\n");
    const res = await h.api(w.front, "POST", "/certification/history/import", { csv });
    expect(res.statusCode).toBe(400);
    const err = res.json<ErrorBody>().error;
    expect(err.message).toMatch(/^Tệp có 5 dòng lỗi; chưa nhập dòng nào\./);
    expect(err.issues).toEqual([
      { path: "line 3.Năm", message: "Dòng 3, cột Năm: năm phải từ 2013 đến 2025" },
      { path: "line 4.Kết quả", message: 'Dòng 4, cột Kết quả: ghi "Đạt" hoặc "Chưa đạt", không phải "Tốt"' },
      {
        path: "line 5.Mã đơn vị",
        message: "Dòng 5, cột Mã đơn vị: không có đơn vị 31999 trong phạm vi được ghi kết quả của tài khoản",
      },
      {
        path: "line 6.Mã đơn vị",
        message: "Dòng 6, cột Mã đơn vị: mã 31825 ứng với 2 đơn vị trong năm 2025; ghi mã định danh (ID)",
      },
      {
        path: "line 7.Năm",
        message:
          "Dòng 7, cột Năm: Phường Bạc Liêu chỉ có từ 01/07/2025; kết quả năm 2017 ghi vào đơn vị trước sắp xếp đã hợp thành đơn vị này",
      },
    ]);
    expect(await historyCount()).toBe(before);
  });

  it("imports a province's file, and the rates roll into today's ward and province equal to a recount", async () => {
    // 2016: Bạc Liêu's five old wards (31813 already recorded, certified), 4 of 5 certified;
    // An Xuyên's five, 3 of 5; the split Phường 6 certified; Khóm 1 (today's) certified.
    const lines = [
      header,
      "31816,Phường 3,2016,Phường,Đạt,12/QĐ-UBND,18/11/2016,UBND thành phố Bạc Liêu",
      "31822,Phường 7,2016,Phường,Chưa đạt,12/QĐ-UBND,18/11/2016,UBND thành phố Bạc Liêu",
      "31825,Phường 1,2016,phuong,dat,,,",
      "31828,Phường 8,2016,Phường,Đạt,,,",
      "31999,Phường 9,2016,Phường,Đạt,,,",
      "32002,Phường 2,2016,Phường,Đạt,,,",
      "32005,Phường 1,2016,Phường,Đạt,,,",
      "32022,Phường Tân Xuyên,2016,Phường,Chưa đạt,,,",
      "32023,Xã An Xuyên,2016,Xã,Chưa đạt,,,",
      `${SPLIT},Phường 6,2016,Phường,Đạt,,,`,
      `${w.areaId},Khóm 1,2016,Khóm,Đạt,,,`,
      "31825,Phường 1,2017,Phường,Đạt,,,",
    ];
    const res = await h.api(caMauPolice, "POST", "/certification/history/import", {
      csv: lines.join("\r\n"),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 12 });
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "certification.history_imported",
      actorId: caMauPolice.accountId,
      data: { created: 12, certified: 9, years: [2016, 2017] },
    });

    const ward = await h.ok(w.front, "GET", `/certification/history/rates?orgUnitId=${w.baclieuId}`);
    const ward2016 = (ward as Rates).years.find((y) => y.year === 2016);
    expect(ward2016).toMatchObject({
      commune: { recorded: 5, certified: 4, rate: 0.8 },
      residential_area: { recorded: 1, certified: 1, rate: 1 },
      agency: { recorded: 0, certified: 0, rate: null },
    });
    expect((ward as Rates).years.map((y) => y.year)).toEqual([2016, 2017]);

    // The split ward counts in Tân Thành (one of its successors) and once in the province.
    const tanThanh = await h.ok(caMauPolice, "GET", `/certification/history/rates?orgUnitId=${tanThanhId}`);
    expect((tanThanh as Rates).years[0]).toMatchObject({
      year: 2016,
      commune: { recorded: 1, certified: 1 },
    });

    const province = (await h.ok(
      caMauPolice,
      "GET",
      `/certification/history/rates?orgUnitId=${caMau.id}`,
    )) as Rates;
    // Recount from the records through the lineage, independently of the rates query.
    const [recount] = await queryRows<{ recorded: number; certified: number }>(
      w.t.app.db,
      sql`select count(*)::int as recorded, count(*) filter (where h.certified)::int as certified
          from certification_history h where h.year = 2016 and h.unit_type = 'commune' and exists (
            select 1 from org_unit_lineage l join org_units n on n.id = l.new_unit_id
            where l.old_unit_id = h.org_unit_id and n.province_id = ${caMau.id})`,
    );
    expect(recount).toEqual({ recorded: 11, certified: 8 });
    expect(province.years.find((y) => y.year === 2016)).toMatchObject({
      commune: { recorded: 11, certified: 8, rate: Math.round((8 / 11) * 10_000) / 10_000 },
      residential_area: { recorded: 1, certified: 1, rate: 1 },
    });
    expect(baclieuPath.startsWith(caMau.path)).toBe(true);
  });

  it("lists the records counting at a ward, hides another ward's, and says who may add", async () => {
    const list = await h.ok(w.front, "GET", `/certification/history?orgUnitId=${w.baclieuId}&year=2016`);
    const names = (list as { items: { unitName: string }[] }).items.map((i) => i.unitName).sort();
    expect(names).toEqual(["Khóm 1", "Phường 1", "Phường 2", "Phường 3", "Phường 7", "Phường 8"]);
    expect(list).toMatchObject({ can: { create: true } });
    expect(await h.ok(w.viewer, "GET", `/certification/history?orgUnitId=${w.baclieuId}`)).toMatchObject({
      can: { create: false },
    });
    expect(
      (await h.api(w.anxuyen, "GET", `/certification/history?orgUnitId=${w.baclieuId}`)).statusCode,
    ).toBe(404);
    expect(
      (await h.api(w.anxuyen, "GET", `/certification/history/rates?orgUnitId=${w.baclieuId}`)).statusCode,
    ).toBe(404);
  });
});

describe("demo history of the former Bạc Liêu city", () => {
  it('gives the seed\'s "trên 90 %" of communes and wards (all ten) in Cà Mau, and Phường Bạc Liêu its five old wards', async () => {
    await seedCertificationHistoryDemo(w.t.app.db);
    const province = (await h.ok(
      caMauPolice,
      "GET",
      `/certification/history/rates?orgUnitId=${caMau.id}`,
    )) as Rates;
    expect(province.years.find((y) => y.year === 2013)).toMatchObject({
      commune: { recorded: 10, certified: 10, rate: 1 },
    });
    const ward = (await h.ok(
      w.front,
      "GET",
      `/certification/history/rates?orgUnitId=${w.baclieuId}`,
    )) as Rates;
    expect(ward.years.find((y) => y.year === 2015)).toMatchObject({
      commune: { recorded: 5, certified: 5, rate: 1 },
    });
  });
});

describe("past years asked of a pre-reform unit", () => {
  type Overview = {
    year: number;
    circular: string;
    recordedResults: number;
    byStatus: Record<string, number>;
    notRegistered: unknown[];
  };
  const formerCity = async () => {
    const [row] = await queryRows<{ id: string }>(
      w.t.app.db,
      sql`select id from org_units where kind = 'district' and code = '954' and valid_to is not null`,
    );
    return row!.id;
  };

  it("answers the overview of 2013–2021 from the recorded results, under Circular 23/2012", async () => {
    await seedCertificationHistoryDemo(w.t.app.db);
    const city = await formerCity();
    const rates = (await h.ok(caMauPolice, "GET", `/certification/history/rates?orgUnitId=${city}`)) as Rates;
    for (const year of [2014, 2016]) {
      const o = (await h.ok(
        caMauPolice,
        "GET",
        `/certification/overview?orgUnitId=${city}&year=${year}`,
      )) as Overview;
      const r = rates.years.find((y) => y.year === year)!;
      const groups = ["residential_area", "commune", "agency"].map(
        (g) => r[g] as { recorded: number; certified: number },
      );
      const recorded = groups.reduce((n, g) => n + g.recorded, 0);
      const certified = groups.reduce((n, g) => n + g.certified, 0);
      expect(o).toMatchObject({
        year,
        circular: "23/2012/TT-BCA",
        recordedResults: recorded,
        notRegistered: [],
      });
      expect(o.byStatus.recognised ?? 0).toBe(certified);
      expect(o.byStatus.not_recognised ?? 0).toBe(recorded - certified);
    }
    // The demo's 2014: the ten communes of the former city certified; 47 of its 50 residential
    // areas and 49 of its 50 agencies, enterprises and schools certified.
    const o2014 = (await h.ok(
      caMauPolice,
      "GET",
      `/certification/overview?orgUnitId=${city}&year=2014`,
    )) as Overview;
    expect(o2014.byStatus).toEqual({ recognised: 10 + 47 + 49, not_recognised: 3 + 1 });
    expect(o2014.recordedResults).toBe(110);
  });

  it("says which circular governed the year and refuses years before the register", async () => {
    const o = (await h.ok(
      caMauPolice,
      "GET",
      `/certification/overview?orgUnitId=${caMau.id}&year=2022`,
    )) as Overview;
    expect(o.circular).toBe("124/2021/TT-BCA");
    const early = await h.api(caMauPolice, "GET", `/certification/overview?orgUnitId=${caMau.id}&year=2012`);
    expect(early.statusCode).toBe(400);
  });

  it("gives the former city's commune rate of 2014 as a figure of the indicators", async () => {
    const city = await formerCity();
    const admin = await signedInAs(
      w.t.app,
      "system_admin",
      (await unitByCode(w.t.app.db, "province", "96")).id,
    );
    const res = await h.api(
      admin,
      "GET",
      `/indicators/query?indicators=certification.commune_rate&orgUnitId=${city}&from=2014-01-01&to=2014-12-31&at=2014-12-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ totals: Record<string, number | null> }>().totals["certification.commune_rate"]).toBe(
      1,
    );
  });
});
