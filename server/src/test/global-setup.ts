import type { TestProject } from "vitest/node";
import { buildTemplate, type DatabaseTemplate } from "./template";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated, imported database each test file clones (see template.ts). */
    databaseTemplate: DatabaseTemplate;
  }
}

type Shared = { built: ReturnType<typeof buildTemplate>; users: number };
// Both integration projects (shared and isolated workers, vitest.config.ts) run this set-up; the
// template is built once per run and removed when the last of them ends.
const KEY = Symbol.for("toandan.test.databaseTemplate");
const store = globalThis as unknown as Record<symbol, Shared | undefined>;

/** Builds the test database template once per run; removes it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now();
  let shared = store[KEY];
  const first = !shared;
  shared ??= store[KEY] = { built: buildTemplate(process.env.DATABASE_URL), users: 0 };
  shared.users++;
  const { template, dispose } = await shared.built;
  project.provide("databaseTemplate", template);
  if (first) {
    console.log(
      `Test database template (${template.engine}) built in ${Math.round(performance.now() - t0)} ms.`,
    );
  }
  return async () => {
    if (--shared.users > 0) return;
    store[KEY] = undefined;
    await dispose();
  };
}
