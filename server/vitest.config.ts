import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "../contracts/src/**/*.test.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each file builds its own database; two cores, so two at a time.
    maxWorkers: 2,
  },
});
