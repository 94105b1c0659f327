import { describe, expect, it } from "vitest";
import { loadConfig } from "../../config";

// The session cookie's Secure flag follows config.cookieSecure (auth.routes.ts).
describe("session cookie Secure flag", () => {
  const base = { DATA_DIR: "/tmp/toandan-cookie-config" };

  it("is on by default in production", () => {
    expect(loadConfig({ ...base, NODE_ENV: "production" }).cookieSecure).toBe(true);
  });

  it("can be switched off explicitly in production", () => {
    expect(loadConfig({ ...base, NODE_ENV: "production", COOKIE_SECURE: "false" }).cookieSecure).toBe(false);
  });

  it("is off by default outside production (plain-HTTP development) and can be switched on", () => {
    expect(loadConfig({ ...base, NODE_ENV: "development" }).cookieSecure).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "test", COOKIE_SECURE: "true" }).cookieSecure).toBe(true);
  });
});
