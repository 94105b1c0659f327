import "i18next";
import type { consoleVi } from "./vi/console";
import type { publicVi } from "./vi/public";
import type { reportsVi } from "./vi/reports";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "public";
    resources: { public: typeof publicVi; console: typeof consoleVi; reports: typeof reportsVi };
  }
}
