import "i18next";
import type { certificationVi } from "./vi/certification";
import type { consoleVi } from "./vi/console";
import type { publicVi } from "./vi/public";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "public";
    resources: { public: typeof publicVi; console: typeof consoleVi; certification: typeof certificationVi };
  }
}
