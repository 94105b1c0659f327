import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createResidentialArea, signedInAs, unitByCode } from "../../test/factories";
import { createTestContext, type Session, type TestContext } from "../../test/harness";
import { bodyAt } from "../activities/test-fixtures";

/**
 * The first visit's capture page (issue 18): the hub and the activity form as HTML, and the plain
 * form post taken through POST /api/v1/activities. The web build's files are stood in for by a
 * minimal index.html and capture-first.json of the same shape.
 */
const FORM = {
  appName: "Toàn Dân",
  skipToContent: "Bỏ qua",
  hub: {
    title: "Ghi nhận nhanh",
    intro: "Ghi ngay trên máy",
    area: "Địa bàn: {{name}}",
    noUnit: "Chưa được gán địa bàn.",
    outbox: "Bản ghi trên máy",
    tiles: [{ href: "/thu-thap/truc", title: "Nhật ký trực", hint: "Ngày trực" }],
    activity: { title: "Hoạt động mới", hint: "Họp, tuyên truyền" },
  },
  form: {
    kind: "Loại hoạt động",
    date: "Ngày",
    organizers: "Đơn vị tổ chức",
    upperOrganizers: "Đơn vị cấp trên",
    topics: "Chủ đề",
    title: "Nội dung",
    figures: "Số liệu",
    moreFigures: "Thêm số liệu",
    save: "Lưu hoạt động",
    sent: "Đã gửi hoạt động lên máy chủ.",
    notSent: "Chưa gửi được hoạt động",
  },
  defaultKind: "meeting",
  kinds: [{ value: "meeting", label: "Họp" }],
  topics: [{ value: "drugs", label: "Ma túy" }],
  mainFigures: [{ name: "attendees", label: "Người tham dự", decimal: false }],
  moreFigures: [{ name: "broadcastHours", label: "Giờ phát thanh", decimal: true }],
};
const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/main.js"></script></head><body><div id="root"></div></body></html>';

let t: TestContext;
let dist: string;
let cadre: Session;
let outsider: Session;
let front: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(os.tmpdir(), "td-capture-page-"));
  writeFileSync(path.join(dist, "index.html"), INDEX);
  writeFileSync(
    path.join(dist, "capture-first.json"),
    JSON.stringify({
      html: INDEX.replace('<div id="root"></div>', '<div id="root"><!--td:first-visit--></div>'),
      form: FORM,
    }),
  );
  t = await createTestContext({ WEB_DIST: dist });
  const baclieu = (await unitByCode(t.app.db, "commune", "31825")).id;
  const area = await createResidentialArea(t.app.db, baclieu, "Khóm 1");
  cadre = await signedInAs(t.app, "residential_area_cadre", area);
  outsider = await signedInAs(t.app, "viewer", baclieu);
  front = await bodyAt(t.app.db, area, "front");
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const page = (session: Session | null) =>
  t.app.inject({ method: "GET", url: "/thu-thap", headers: session ? { cookie: session.cookie } : {} });

const post = (session: Session, fields: [string, string][]) =>
  t.app.inject({
    method: "POST",
    url: "/thu-thap/hoat-dong",
    headers: { cookie: session.cookie, "content-type": "application/x-www-form-urlencoded" },
    payload: new URLSearchParams(fields).toString(),
  });

const titled = async (title: string) =>
  (
    await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from activities where title = ${title}`,
    )
  )[0]!.n;

describe("the first visit's capture page", () => {
  it("renders the hub and the activity form for a signed-in cadre, the app alone for nobody", async () => {
    const res = await page(cadre);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.body).toContain('<script type="module" src="/assets/main.js">');
    expect(res.body).toContain("Địa bàn: Khóm 1");
    expect(res.body).toContain(`name="_csrf" value="${cadre.csrf}"`);
    expect(res.body).toContain(`name="organizerBodyIds" value="${front}"`);
    expect(res.body).toContain('inputmode="numeric"');
    const anonymous = await page(null);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toBe(INDEX);
  });

  it("stores a posted activity once through the activity route, however often it is sent", async () => {
    const title = `Họp khóm ${randomUUID().slice(0, 8)}`;
    const fields: [string, string][] = [
      ["_csrf", cadre.csrf],
      ["clientId", randomUUID()],
      ["kind", "meeting"],
      ["date", "01/12/2026"],
      ["organizerBodyIds", front],
      ["topics", "drugs"],
      ["title", title],
      ["attendees", "1.157"],
      ["broadcastHours", "2,5"],
      ["panels", ""],
    ];
    const first = await post(cadre, fields);
    expect(first.statusCode, first.body).toBe(303);
    expect(first.headers.location).toBe("/thu-thap?da-gui=1");
    const again = await post(cadre, fields);
    expect(again.statusCode).toBe(303);
    expect(await titled(title)).toBe(1);
    const [row] = await queryRows<{
      attendees: number;
      hours: string;
      panels: number;
      date: string;
      topics: string[];
    }>(
      t.app.db,
      sql`select attendees, broadcast_hours::text as hours, panels, date::text as date, topics
          from activities where title = ${title}`,
    );
    expect(row).toMatchObject({
      attendees: 1157,
      hours: "2.50",
      panels: 0,
      date: "2026-12-01",
      topics: ["drugs"],
    });
  });

  it("gives the form back with the values and the contract's issue on its field, storing nothing", async () => {
    const title = `Không đơn vị ${randomUUID().slice(0, 8)}`;
    const res = await post(cadre, [
      ["_csrf", cadre.csrf],
      ["clientId", randomUUID()],
      ["kind", "meeting"],
      ["date", "31/02/2026"],
      ["title", title],
      ["attendees", "abc"],
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Cần ít nhất một đơn vị tổ chức");
    expect(res.body).toContain('id="err-attendees"');
    // A day that does not exist comes back as typed, with the contract's date issue.
    expect(res.body).toContain('id="err-date">Ngày không hợp lệ (định dạng YYYY-MM-DD)<');
    expect(res.body).toContain('value="31/02/2026"');
    expect(res.body).toContain(`value="${title}"`);
    expect(await titled(title)).toBe(0);
  });

  it("refuses a post without the session's CSRF token, and a reader's post, storing nothing", async () => {
    const title = `Giả mạo ${randomUUID().slice(0, 8)}`;
    const fields = (csrf: string): [string, string][] => [
      ["_csrf", csrf],
      ["clientId", randomUUID()],
      ["kind", "meeting"],
      ["date", "01/12/2026"],
      ["organizerBodyIds", front],
      ["title", title],
    ];
    const forged = await post(cadre, fields("forged"));
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain("Chưa gửi được hoạt động");
    const reader = await post(outsider, fields(outsider.csrf));
    expect(reader.statusCode).toBe(403);
    expect(await titled(title)).toBe(0);
  });

  it("sends a post without a session to sign in", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/thu-thap/hoat-dong",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "kind=meeting",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/dang-nhap");
  });
});
