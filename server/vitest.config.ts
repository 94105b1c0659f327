import { defineConfig } from "vitest/config";

/** Files that replace a module with vi.mock: they need a worker of their own (isolate). */
const NEEDS_ISOLATION = ["src/modules/auth/lockout.test.ts"];

// Three projects: `unit` (the contracts' pure tests: no database) and the server's tests, next to
// the code, each file on its own copy of a migrated, imported database: `integration`, whose files
// share their worker's loaded modules (loading the server costs ~3.5 s of CPU; per-file.ts resets
// the process-wide clock and calendar before each file), and `integration-isolated`, the few files
// that mock a module. `npm run -w server test` runs them all; `test:integration` the last two.
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
          exclude: NEEDS_ISOLATION,
          isolate: false,
          setupFiles: ["src/test/per-file.ts"],
          // The migrated, imported database is built once per run and each test file gets a copy.
          globalSetup: ["src/test/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration-isolated",
          include: NEEDS_ISOLATION,
          globalSetup: ["src/test/global-setup.ts"],
        },
      },
    ],
  },
});
