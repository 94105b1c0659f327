import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // A zone far from Vietnam (UTC−10, no daylight saving): anything that reads the browser's zone
    // instead of Vietnam time shows the wrong day.
    env: { TZ: "Pacific/Honolulu" },
    // One jsdom per worker, not per file (setting one up costs ~2 s); setup.ts resets what tests
    // change (clock, language, storage, DOM) and mocks and globals are restored after each test.
    isolate: false,
    // A form test types a few dozen keys; the default 5 s is tight on a busy two-core machine.
    testTimeout: 30_000,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
