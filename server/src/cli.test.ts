import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "./modules/demo";

// The CLI as an operator runs it, on a fresh embedded database in a temporary folder.
const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-cli-"));

function cli(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  const r = spawnSync("npx", ["tsx", "server/src/main.ts", ...args], {
    cwd: root,
    env: { ...base, DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("cli", () => {
  it("seeds the demo, then refuses a production start while demo accounts exist", () => {
    const seeded = cli(["seed-demo"]);
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain("Demo accounts created (password demo12345)");
    const prod = cli(["start"], { NODE_ENV: "production", PORT: "39999" });
    expect(prod.code).toBe(1);
    expect(prod.out).toContain(
      `Refusing to start in production: ${DEMO_ACCOUNTS.length} demo account(s) exist`,
    );
  });

  it("stops on bad configuration with a clear message", () => {
    const r = cli(["migrate"], { PORT: "banana" });
    expect(r.code).toBe(1);
    expect(r.out).toContain("PORT: PORT must be a number between 1 and 65535");
  });

  it("verify-audit passes on an intact chain and names the first tampered row", () => {
    const ok = cli(["verify-audit"]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/Audit chain intact: \d+ rows checked\./);
    expect(cli(["sql", "update audit_log set data = '{}' where id = 2"]).code).toBe(1);
    cli(["sql", "alter table audit_log disable trigger audit_log_append_only"]);
    expect(cli(["sql", "update audit_log set data = '{\"x\": 1}' where id = 2"]).code).toBe(0);
    const bad = cli(["verify-audit"]);
    expect(bad.code).toBe(2);
    expect(bad.out).toContain("Audit chain BROKEN at row id 2: row content does not match its hash");
  });
});
