import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestContext, login, type Session, type TestContext } from "../../test/harness";
import { lastAuditEvent, rootUnit, signedInAs, TEST_PASSWORD, unitByCode } from "../../test/factories";

let t: TestContext;
let admin: Session;
let caMauFront: Session;
let baclieuId: string;
let anxuyenId: string;
let caMauId: string;
let hanoiId: string;

beforeAll(async () => {
  t = await createTestContext();
  const db = t.app.db;
  baclieuId = (await unitByCode(db, "commune", "31825")).id;
  anxuyenId = (await unitByCode(db, "commune", "32002")).id;
  caMauId = (await unitByCode(db, "province", "96")).id;
  hanoiId = (await unitByCode(db, "province", "01")).id;
  admin = await signedInAs(t.app, "system_admin", (await rootUnit(db)).id);
  caMauFront = await signedInAs(t.app, "province_front", caMauId);
});
afterAll(() => t.close());

const newAccount = (username: string, orgUnitId: string) => ({
  username,
  displayName: "Cán bộ thử",
  password: "mat-khau-123",
  roles: [{ role: "commune_police", orgUnitId, body: "police" }],
});

describe("createAccount", () => {
  it("is 401 without a session", async () => {
    expect(
      (await call(t.app, null, "POST", "/api/v1/accounts", newAccount("a1", baclieuId))).statusCode,
    ).toBe(401);
  });

  it("is 403 for a province Front account (may read accounts, not create)", async () => {
    const res = await call(t.app, caMauFront, "POST", "/api/v1/accounts", newAccount("a2", baclieuId));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({
      code: "forbidden",
      message: "Bạn không có quyền thực hiện thao tác này.",
    });
  });

  it("is 400 with exact messages for a bad username and short password", async () => {
    const res = await call(t.app, admin, "POST", "/api/v1/accounts", {
      ...newAccount("Bad Name", baclieuId),
      password: "123",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues).toEqual([
      { path: "username", message: "Chỉ dùng chữ thường không dấu, số và . _ -" },
      { path: "password", message: "Mật khẩu cần ít nhất 10 ký tự" },
    ]);
  });

  it("is 400 for a long but guessable password, or one made of the account's own words", async () => {
    for (const [password, hint] of [
      ["password123", "mật khẩu thông dụng"],
      ["canbothu2026", "không dùng tên đăng nhập, họ tên, tên đơn vị hay tên hệ thống"],
      ["baclieu2026", "không dùng tên đăng nhập, họ tên, tên đơn vị hay tên hệ thống"],
      ["Toàn Dân 2026", "không dùng tên đăng nhập, họ tên, tên đơn vị hay tên hệ thống"],
    ] as const) {
      const res = await call(t.app, admin, "POST", "/api/v1/accounts", {
        ...newAccount(`weak${password.length}${hint.length}`, baclieuId),
        password,
      });
      expect(res.statusCode, password).toBe(400);
      const [issue, ...more] = res.json().error.issues;
      expect(more).toEqual([]);
      expect(issue.path).toBe("password");
      expect(issue.message, password).toMatch(/^Mật khẩu quá dễ đoán: /);
      expect(issue.message, password).toContain(hint);
    }
  });

  it("is 400 when a role does not fit the unit or the body", async () => {
    const res = await call(t.app, admin, "POST", "/api/v1/accounts", {
      ...newAccount("mismatch", caMauId),
      roles: [{ role: "commune_police", orgUnitId: caMauId, body: "women" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      "roles.0.orgUnitId",
      "roles.0.body",
    ]);
  });

  it("creates an account that can sign in, audited, and refuses the same username twice", async () => {
    const res = await call(t.app, admin, "POST", "/api/v1/accounts", newAccount("baclieu.ca2", baclieuId));
    expect(res.statusCode).toBe(201);
    const acc = res.json();
    expect(acc).toMatchObject({ username: "baclieu.ca2", disabled: false, isDemo: false });
    expect(acc.roles[0]).toMatchObject({
      role: "commune_police",
      orgUnitName: "Phường Bạc Liêu",
      body: "police",
    });
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "account.created",
      entityId: acc.id,
      actorId: admin.accountId,
    });
    await login(t.app, "baclieu.ca2", "mat-khau-123");
    const again = await call(t.app, admin, "POST", "/api/v1/accounts", newAccount("baclieu.ca2", baclieuId));
    expect(again.statusCode).toBe(409);
  });
});

describe("listAccounts and getAccount", () => {
  it("scopes the list to the caller's subtree", async () => {
    const inHanoi = await signedInAs(t.app, "province_front", hanoiId);
    const inAnXuyen = await signedInAs(t.app, "commune_front", anxuyenId);
    const res = await call(t.app, caMauFront, "GET", "/api/v1/accounts?limit=500");
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((a: { username: string }) => a.username);
    expect(names).toContain(inAnXuyen.username);
    expect(names).not.toContain(inHanoi.username);
    expect((await call(t.app, caMauFront, "GET", `/api/v1/accounts/${inHanoi.accountId}`)).statusCode).toBe(
      404,
    );
    expect((await call(t.app, admin, "GET", `/api/v1/accounts/${inHanoi.accountId}`)).statusCode).toBe(200);
  });

  it("finds accounts by display name without diacritics", async () => {
    const created = await call(t.app, admin, "POST", "/api/v1/accounts", {
      ...newAccount("nguyen.hoa", baclieuId),
      displayName: "Nguyễn Thị Hòa Đức",
    });
    expect(created.statusCode).toBe(201);
    const res = await call(t.app, admin, "GET", "/api/v1/accounts?q=thi%20hoa%20duc");
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((a: { username: string }) => a.username)).toEqual(["nguyen.hoa"]);
  });

  it("is 403 for a commune account without account.read", async () => {
    const s = await signedInAs(t.app, "commune_front", baclieuId);
    expect((await call(t.app, s, "GET", "/api/v1/accounts")).statusCode).toBe(403);
  });
});

describe("updateAccount", () => {
  it("disables an account and ends its sessions; re-enables it", async () => {
    const s = await signedInAs(t.app, "commune_front", baclieuId);
    const res = await call(t.app, admin, "PATCH", `/api/v1/accounts/${s.accountId}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await call(t.app, s, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    expect(await lastAuditEvent(t.app.db)).toMatchObject({
      action: "account.updated",
      entityId: s.accountId,
    });
    await call(t.app, admin, "PATCH", `/api/v1/accounts/${s.accountId}`, {
      disabled: false,
      password: "song-hong-chay-mai",
    });
    await login(t.app, s.username, "song-hong-chay-mai");
  });

  it("refuses a guessable password on an administrator's reset", async () => {
    const s = await signedInAs(t.app, "commune_front", baclieuId);
    const res = await call(t.app, admin, "PATCH", `/api/v1/accounts/${s.accountId}`, {
      password: `${s.username}-2026`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toMatchObject({ path: "password" });
    expect(res.json().error.issues[0].message).toMatch(/^Mật khẩu quá dễ đoán: /);
    await login(t.app, s.username, TEST_PASSWORD);
  });

  it("does not put the password into the audit log", async () => {
    const s = await signedInAs(t.app, "commune_front", baclieuId);
    await call(t.app, admin, "PATCH", `/api/v1/accounts/${s.accountId}`, { password: "secret-pass-77" });
    const ev = await lastAuditEvent(t.app.db);
    expect(JSON.stringify(ev)).not.toContain("secret-pass-77");
    expect(ev?.data).toMatchObject({ passwordReset: true });
  });

  it("is 400 for an empty update and 404 for an unknown account", async () => {
    const s = await signedInAs(t.app, "viewer", baclieuId);
    expect((await call(t.app, admin, "PATCH", `/api/v1/accounts/${s.accountId}`, {})).statusCode).toBe(400);
    const missing = await call(
      t.app,
      admin,
      "PATCH",
      "/api/v1/accounts/7d0f1c1e-4b7e-4a55-9a4e-1c2b3d4e5f60",
      { disabled: true },
    );
    expect(missing.statusCode).toBe(404);
  });
});
