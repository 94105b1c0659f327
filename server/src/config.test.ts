import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("config", () => {
  it("has working defaults", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: "127.0.0.1", env: "development", isProduction: false });
    expect(c.dataDir.endsWith("/data")).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
  });

  it("names every bad variable with a clear message", () => {
    let err: unknown;
    try {
      loadConfig({ PORT: "abc", DATABASE_URL: "mysql://x", NODE_ENV: "prod" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as Error).message;
    expect(msg).toContain("PORT: PORT must be a number between 1 and 65535");
    expect(msg).toContain("DATABASE_URL: DATABASE_URL must start with postgres:// or postgresql://");
    expect(msg).toContain("NODE_ENV: NODE_ENV must be development, production or test");
  });

  it("rejects an out-of-range port", () => {
    expect(() => loadConfig({ PORT: "70000" })).toThrow("PORT must be a number between 1 and 65535");
  });

  it("takes a read replica only beside a primary, and bounds its lag", () => {
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://r/x" })).toThrow(
      "DATABASE_READ_URL: a read replica needs DATABASE_URL (its primary) to be set too",
    );
    expect(() => loadConfig({ DATABASE_URL: "postgres://p/x", DATABASE_READ_URL: "mysql://r/x" })).toThrow(
      "DATABASE_READ_URL must start with postgres://",
    );
    expect(() => loadConfig({ DATABASE_READ_MAX_LAG: "0" })).toThrow("at least 1 second");
    const c = loadConfig({ DATABASE_URL: "postgres://p/x", DATABASE_READ_URL: "postgres://r/x" });
    expect([c.databaseReadUrl, c.databaseReadMaxLagSeconds]).toEqual(["postgres://r/x", 10]);
    expect(loadConfig({}).databaseReadUrl).toBeUndefined();
  });

  it("treats production as production", () => {
    expect(loadConfig({ NODE_ENV: "production" }).isProduction).toBe(true);
  });

  it("trusts no proxy unless told, and drains for the seconds given", () => {
    const plain = loadConfig({});
    expect(plain.trustProxy).toBe(false);
    expect([plain.shutdownDrainMs, plain.shutdownGraceMs]).toEqual([0, 10_000]);
    const behind = loadConfig({ TRUST_PROXY: "127.0.0.1,10.0.0.0/8", SHUTDOWN_DRAIN_SECONDS: "3" });
    expect(behind.trustProxy).toBe("127.0.0.1,10.0.0.0/8");
    expect(behind.shutdownDrainMs).toBe(3000);
    expect(() => loadConfig({ SHUTDOWN_GRACE_SECONDS: "-1" })).toThrow("SHUTDOWN_GRACE_SECONDS");
  });
});
