import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { call } from "../../test/harness";
import { createResidentialArea, lastAuditEvent } from "../../test/factories";
import { buildWorld, type ErrorBody, type World } from "./households.fixtures";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w.t.close());

const HEADER = "head_name,address,members,member_orgs,code";
const importUrl = "/api/v1/households/import";

async function countIn(areaId: string): Promise<number> {
  const [r] = await queryRows<{ n: number | string }>(
    w.t.app.db,
    sql`select count(*) as n from households where org_unit_id = ${areaId}`,
  );
  return Number(r?.n ?? 0);
}

function rows(n: number, prefix: string): string {
  const lines = [HEADER];
  for (let i = 1; i <= n; i++) {
    lines.push(
      `Nguyễn Văn ${prefix}${i},"${i} Đường số ${i % 40}, Khóm 3",${(i % 6) + 1},Nông dân;Phụ nữ,${prefix}${i}`,
    );
  }
  return lines.join("\n");
}

describe("importHouseholds", () => {
  it("401 without a session, 403 for a viewer", async () => {
    const body = { orgUnitId: w.areaA, csv: rows(1, "x") };
    expect((await call(w.t.app, null, "POST", importUrl, body)).statusCode).toBe(401);
    expect((await call(w.t.app, w.viewer, "POST", importUrl, body)).statusCode).toBe(403);
  });

  it("404 for an area outside the caller's scope", async () => {
    const res = await call(w.t.app, w.anxuyen, "POST", `${importUrl}?wait=true`, {
      orgUnitId: w.areaA,
      csv: rows(2, "o"),
    });
    expect(res.statusCode).toBe(404);
    expect(await countIn(w.areaA)).toBe(0);
  });

  it("one bad line imports nothing, and every bad line is named", async () => {
    const csv = [
      HEADER,
      "Trần Văn Một,1 Lê Lợi,3,Nông dân,",
      "Trần Văn Hai,2 Lê Lợi,0,,",
      "Trần Văn Ba,3 Lê Lợi,2,Hội Bảo thọ,",
      ",4 Lê Lợi,2,,K1",
      "Trần Văn Năm,5 Lê Lợi,2,,K1",
    ].join("\n");
    const res = await call(w.t.app, w.baclieu, "POST", importUrl, { orgUnitId: w.areaA, csv });
    expect(res.statusCode).toBe(400);
    const err = res.json<ErrorBody>().error;
    expect(err.message).toBe(
      "Tệp có 3 dòng lỗi; chưa nhập dòng nào. Dòng 3, cột members: Số nhân khẩu từ 1 đến 50",
    );
    expect(err.issues).toEqual([
      { path: "line 3.members", message: "Dòng 3, cột members: Số nhân khẩu từ 1 đến 50" },
      {
        path: "line 4.member_orgs",
        message: 'Dòng 4, cột member_orgs: không rõ tổ chức thành viên "Hội Bảo thọ"',
      },
      { path: "line 5.head_name", message: "Dòng 5, cột head_name: Họ tên chủ hộ không được để trống" },
    ]);
    expect(await countIn(w.areaA)).toBe(0);
  });

  it("400 on a duplicate register number, in the file or in the area", async () => {
    const csv = [HEADER, "A,1 Lê Lợi,3,,D1", "B,2 Lê Lợi,3,,D1"].join("\n");
    const res = await call(w.t.app, w.baclieu, "POST", importUrl, { orgUnitId: w.areaA, csv });
    expect(res.json<ErrorBody>().error.issues).toEqual([
      { path: "line 3.code", message: "Dòng 3, cột code: trùng số hộ với dòng 2" },
    ]);
  });

  it("400 on an unknown column", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", importUrl, {
      orgUnitId: w.areaA,
      csv: "head_name,address,members,cccd\nA,B,1,0123",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues).toEqual([
      { path: "line 1", message: "Dòng 1: cột không hợp lệ: cccd" },
    ]);
  });

  it("accepts Vietnamese organisation names and codes, whatever the case and accents", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId);
    const csv = [
      HEADER,
      'Lý Thị Ngọc,"8 Phan Đình Phùng",4,"phu nu; CUU CHIEN BINH ;Đoàn Thanh niên",',
      "Lý Văn Ơn,9 Phan Đình Phùng,2,Công đoàn;lao dong;Người cao tuổi;farmers,",
    ].join("\n");
    const res = await call(w.t.app, w.baclieu, "POST", `${importUrl}?wait=true`, { orgUnitId: area, csv });
    expect(res.statusCode, res.body).toBe(200);
    const list = await call(w.t.app, w.baclieu, "GET", `/api/v1/households?orgUnitId=${area}`);
    const items = list.json<{ items: { headName: string; memberOrgs: string[] }[] }>().items;
    expect(items.map((h) => [h.headName, h.memberOrgs])).toEqual([
      ["Lý Thị Ngọc", ["women", "veterans", "youth"]],
      ["Lý Văn Ơn", ["labour", "elderly", "farmers"]],
    ]);
  });

  it("reads Vietnamese headers and values: Có/Không per organisation, dd/mm/yyyy dates", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId);
    const csv = [
      "\uFEFFChủ hộ,Dia chi,SỐ NHÂN KHẨU,Số hộ,Hội Phụ nữ,Nông dân,Ngày chuyển đi",
      "Đỗ Văn Hải,3 Hà Huy Tập,3,V1,Có,không,",
      'Đỗ Thị Lệ,"4 Hà Huy Tập, tổ 2",2,V2,Không,x,15/01/2025',
    ].join("\r\n");
    const res = await call(w.t.app, w.baclieu, "POST", `${importUrl}?wait=true`, { orgUnitId: area, csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2 });
    const list = await call(w.t.app, w.baclieu, "GET", `/api/v1/households?orgUnitId=${area}`);
    type Item = {
      headName: string;
      address: string;
      code: string;
      memberOrgs: string[];
      movedOutOn: string | null;
    };
    expect(
      list
        .json<{ items: Item[] }>()
        .items.map((h) => [h.headName, h.address, h.code, h.memberOrgs, h.movedOutOn]),
    ).toEqual([
      ["Đỗ Thị Lệ", "4 Hà Huy Tập, tổ 2", "V2", ["farmers"], "2025-01-15"],
      ["Đỗ Văn Hải", "3 Hà Huy Tập", "V1", ["women"], null],
    ]);
  });

  it("names a bad Vietnamese value by the file's own column header", async () => {
    const csv = [
      "Chủ hộ,Địa chỉ,Số nhân khẩu,Hội Phụ nữ,Ngày chuyển đi",
      "Hà Văn Một,1 Lý Thường Kiệt,2,Có lẽ,",
      "Hà Văn Hai,2 Lý Thường Kiệt,2,Không,31/02/2025",
      "Hà Văn Ba,3 Lý Thường Kiệt,0,Không,",
    ].join("\n");
    const res = await call(w.t.app, w.baclieu, "POST", importUrl, { orgUnitId: w.areaA, csv });
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorBody>().error.issues).toEqual([
      {
        path: "line 2.Hội Phụ nữ",
        message: 'Dòng 2, cột Hội Phụ nữ: ghi "Có" hoặc "Không", không phải "Có lẽ"',
      },
      {
        path: "line 3.Ngày chuyển đi",
        message: 'Dòng 3, cột Ngày chuyển đi: ngày "31/02/2025" không hợp lệ (ghi dd/mm/yyyy)',
      },
      { path: "line 4.Số nhân khẩu", message: "Dòng 4, cột Số nhân khẩu: Số nhân khẩu từ 1 đến 50" },
    ]);
    const missing = await call(w.t.app, w.baclieu, "POST", importUrl, {
      orgUnitId: w.areaA,
      csv: "Chủ hộ,Địa chỉ\nA,B",
    });
    expect(missing.json<ErrorBody>().error.issues).toEqual([
      { path: "line 1", message: "Dòng 1: thiếu cột Số nhân khẩu" },
    ]);
  });

  it("imports 2,000 households synchronously (wait=true) with one audit event", async () => {
    const res = await call(w.t.app, w.baclieu, "POST", `${importUrl}?wait=true`, {
      orgUnitId: w.areaB,
      csv: rows(2000, "S"),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2000 });
    expect(await countIn(w.areaB)).toBe(2000);
    const ev = await lastAuditEvent(w.t.app.db);
    expect(ev).toMatchObject({ action: "household.imported", orgUnitId: w.areaB, data: { created: 2000 } });
    const again = await call(w.t.app, w.baclieu, "POST", importUrl, {
      orgUnitId: w.areaB,
      csv: rows(1, "S"),
    });
    expect(again.json<ErrorBody>().error.issues).toEqual([
      { path: "line 2.code", message: "Dòng 2, cột code: số hộ S1 đã có trong khu dân cư" },
    ]);
  });
});

describe("getHouseholdImport", () => {
  it("runs the import as a job that reaches done with processed == total; only its owner sees it", async () => {
    const area = await createResidentialArea(w.t.app.db, w.baclieuId);
    const res = await call(w.t.app, w.baclieu, "POST", importUrl, { orgUnitId: area, csv: rows(4500, "J") });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json<{ jobId: string }>();
    type Job = { status: string; processed: number; total: number; created?: number };
    let job: Job = { status: "queued", processed: 0, total: 0 };
    for (let i = 0; i < 200 && (job.status === "queued" || job.status === "running"); i++) {
      const poll = await call(w.t.app, w.baclieu, "GET", `/api/v1/household-imports/${jobId}`);
      expect(poll.statusCode).toBe(200);
      job = poll.json<Job>();
      expect(job.total).toBe(4500);
      if (job.status !== "done") await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toEqual({ status: "done", processed: 4500, total: 4500, created: 4500 });
    expect(await countIn(area)).toBe(4500);
    const other = await call(w.t.app, w.admin, "GET", `/api/v1/household-imports/${jobId}`);
    expect(other.statusCode).toBe(404);
  });

  it("401 without a session, 400 on a malformed id, 404 for an unknown job", async () => {
    const id = "6f1b7d2e-8c1a-4c3e-9a55-0b8f2d1e4c7a";
    expect((await call(w.t.app, null, "GET", `/api/v1/household-imports/${id}`)).statusCode).toBe(401);
    const bad = await call(w.t.app, w.baclieu, "GET", "/api/v1/household-imports/nope");
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.issues?.[0]?.path).toBe("params.jobId");
    expect((await call(w.t.app, w.baclieu, "GET", `/api/v1/household-imports/${id}`)).statusCode).toBe(404);
  });
});
