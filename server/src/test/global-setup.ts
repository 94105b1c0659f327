import type { TestProject } from "vitest/node";
import { buildTemplate, type DatabaseTemplate } from "./template";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated, imported database each test file clones (see template.ts). */
    databaseTemplate: DatabaseTemplate;
  }
}

/** Builds the test database template once per run; removes it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now();
  const { template, dispose } = await buildTemplate(process.env.DATABASE_URL);
  project.provide("databaseTemplate", template);
  console.log(
    `Test database template (${template.engine}) built in ${Math.round(performance.now() - t0)} ms.`,
  );
  return dispose;
}
