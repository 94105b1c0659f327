import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "../contracts/src/**/*.test.ts"],
    pool: "forks",
    // The migrated, imported database is built once per run and each test file gets a copy.
    globalSetup: ["src/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
  },
});
