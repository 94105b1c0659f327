import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { accounts } from "../accounts/accounts.table";
import { hashPassword } from "./password";
import { call, createTestContext, login, type TestContext } from "../../test/harness";
import { lastAuditEvent, signedInAs, TEST_PASSWORD, unitByCode } from "../../test/factories";

let t: TestContext;
let communeId: string;

beforeAll(async () => {
  t = await createTestContext();
  communeId = (await unitByCode(t.app.db, "commune", "31825")).id;
});
afterAll(() => t.close());

describe("login", () => {
  it("signs in, sets an HTTP-only cookie, returns the CSRF token and audits", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: s.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "td_session");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.user.roles[0]).toMatchObject({
      role: "commune_front",
      orgUnitName: "Phường Bạc Liêu",
      body: "front",
    });
    expect(body.user.permissions).toContain("org_unit.create");
    expect((await lastAuditEvent(t.app.db))?.action).toBe("auth.login");
  });

  it("rejects a wrong password with 401 invalid_credentials", async () => {
    const s = await signedInAs(t.app, "viewer", communeId);
    const res = await call(t.app, null, "POST", "/api/v1/auth/login", {
      username: s.username,
      password: "nope",
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: "invalid_credentials",
      message:
        "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa sau nhiều lần nhập sai. Vui lòng kiểm tra lại hoặc thử lại sau ít phút.",
    });
  });

  it("answers an unknown username exactly like a wrong password", async () => {
    const res = await call(t.app, null, "POST", "/api/v1/auth/login", {
      username: "nobody-here",
      password: "x",
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("invalid_credentials");
  });

  it("rejects a missing password with 400 and names the field", async () => {
    const res = await call(t.app, null, "POST", "/api/v1/auth/login", { username: "admin" });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe("validation_failed");
    expect(err.message).toBe("Dữ liệu không hợp lệ.");
    expect(err.issues[0].path).toBe("password");
    expect(err.requestId).toBeTruthy();
  });

  it("locks the account after 5 failures, even for the right password, and records it", async () => {
    const s = await signedInAs(t.app, "viewer", communeId);
    for (let i = 0; i < 5; i++) {
      const r = await call(t.app, null, "POST", "/api/v1/auth/login", {
        username: s.username,
        password: "bad",
      });
      expect(r.statusCode).toBe(401);
    }
    expect((await lastAuditEvent(t.app.db))?.action).toBe("auth.locked");
    const res = await call(t.app, null, "POST", "/api/v1/auth/login", {
      username: s.username,
      password: TEST_PASSWORD,
    });
    // Locked looks exactly like a wrong password or an unknown username to the caller.
    const unknown = await call(t.app, null, "POST", "/api/v1/auth/login", {
      username: "nobody-at-all",
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const { requestId: _a, ...lockedError } = res.json().error;
    const { requestId: _b, ...unknownError } = unknown.json().error;
    expect(lockedError).toEqual(unknownError);
    expect(lockedError.code).toBe("invalid_credentials");
    expect(res.headers["retry-after"]).toBeUndefined();
    const [row] = await t.app.db.select().from(accounts).where(eq(accounts.username, s.username));
    expect(row!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    // An administrator's unlock lets the account in again.
    await t.app.db.update(accounts).set({ lockedUntil: null }).where(eq(accounts.username, s.username));
    await login(t.app, s.username, TEST_PASSWORD);
  });

  it("refuses a disabled account: generic for a wrong password, account_disabled only for the right one", async () => {
    const s = await signedInAs(t.app, "viewer", communeId);
    await t.app.db.update(accounts).set({ disabledAt: new Date() }).where(eq(accounts.username, s.username));
    const wrong = await call(t.app, null, "POST", "/api/v1/auth/login", {
      username: s.username,
      password: "not-the-password",
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("invalid_credentials");
    const res = await call(t.app, null, "POST", "/api/v1/auth/login", {
      username: s.username,
      password: TEST_PASSWORD,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("account_disabled");
    // The old session no longer works either.
    expect((await call(t.app, s, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });
});

describe("session", () => {
  it("getCurrentUser is 401 without a session", async () => {
    const res = await call(t.app, null, "GET", "/api/v1/auth/me");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: "unauthenticated", message: "Bạn chưa đăng nhập." });
  });

  it("rejects a cookie-authenticated write without the CSRF token", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_invalid");
  });

  it("logout ends the session server-side", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    expect((await call(t.app, s, "GET", "/api/v1/auth/me")).statusCode).toBe(200);
    expect((await call(t.app, s, "POST", "/api/v1/auth/logout")).statusCode).toBe(200);
    expect((await lastAuditEvent(t.app.db))?.action).toBe("auth.logout");
    expect((await call(t.app, s, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("changes the password: wrong current password is 400, then the new one works", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    const bad = await call(t.app, s, "POST", "/api/v1/auth/password", {
      currentPassword: "wrong",
      newPassword: "another-pass-9",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues).toEqual([
      { path: "currentPassword", message: "Mật khẩu hiện tại không đúng" },
    ]);
    const ok = await call(t.app, s, "POST", "/api/v1/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "another-pass-9",
    });
    expect(ok.statusCode).toBe(200);
    expect((await lastAuditEvent(t.app.db))?.action).toBe("auth.password_changed");
    await login(t.app, s.username, "another-pass-9");
  });

  it("refuses a new password that is easy to guess, with the reason on newPassword", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    for (const newPassword of ["1234567890", "baclieu12345", `${s.username}2026`]) {
      const res = await call(t.app, s, "POST", "/api/v1/auth/password", {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(res.statusCode, newPassword).toBe(400);
      const issues = res.json().error.issues;
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe("newPassword");
      expect(issues[0].message).toMatch(/^Mật khẩu quá dễ đoán: .+\.$/);
    }
    // The old password still signs in.
    await login(t.app, s.username, TEST_PASSWORD);
  });

  it("lets an account keep signing in with an old password the policy would now refuse", async () => {
    const s = await signedInAs(t.app, "viewer", communeId);
    await t.app.db
      .update(accounts)
      .set({ passwordHash: await hashPassword("12345678") })
      .where(eq(accounts.username, s.username));
    await login(t.app, s.username, "12345678");
  });

  it("requires a new password of at least 10 characters", async () => {
    const s = await signedInAs(t.app, "commune_front", communeId);
    const res = await call(t.app, s, "POST", "/api/v1/auth/password", {
      currentPassword: TEST_PASSWORD,
      newPassword: "short-pw9",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0]).toEqual({
      path: "newPassword",
      message: "Mật khẩu cần ít nhất 10 ký tự",
    });
  });
});
