import { defineConfig } from "vitest/config";

// Two projects: `unit` (the contracts' pure tests: no database) and `integration` (the server's
// tests, next to the code, each file on its own copy of a migrated, imported database).
// `npm run -w server test` runs both; `npm run -w server test:integration` only the second.
export default defineConfig({
  test: {
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["../contracts/src/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["src/**/*.test.ts"],
          // The migrated, imported database is built once per run and each test file gets a copy.
          globalSetup: ["src/test/global-setup.ts"],
        },
      },
    ],
  },
});
