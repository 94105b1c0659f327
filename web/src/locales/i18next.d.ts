import "i18next";
import type { certificationVi } from "./vi/certification";
import type { consoleVi } from "./vi/console";
import type { publicVi } from "./vi/public";
import type { casesVi } from "./vi/cases";
import type { commendationsVi } from "./vi/commendations";
import type { hotspotsVi } from "./vi/hotspots";
import type { committeesVi } from "./vi/committees";
import type { pilotsVi } from "./vi/pilots";
import type { mediaVi } from "./vi/media";
import type { supervisionVi } from "./vi/supervision";
import type { intakeVi } from "./vi/intake";
import type { reportsVi } from "./vi/reports";
import type { calendarVi } from "./vi/calendar";
import type { festivalsVi } from "./vi/festivals";
import type { safeFamiliesVi } from "./vi/safe-families";
import type { captureVi } from "./vi/capture";
import type { retentionVi } from "./vi/retention";
import type { privacyVi } from "./vi/privacy";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "public";
    resources: {
      public: typeof publicVi;
      console: typeof consoleVi;
      certification: typeof certificationVi;
      cases: typeof casesVi;
      hotspots: typeof hotspotsVi;
      committees: typeof committeesVi;
      pilots: typeof pilotsVi;
      media: typeof mediaVi;
      supervision: typeof supervisionVi;
      intake: typeof intakeVi;
      commendations: typeof commendationsVi;
      reports: typeof reportsVi;
      calendar: typeof calendarVi;
      festivals: typeof festivalsVi;
      safeFamilies: typeof safeFamiliesVi;
      capture: typeof captureVi;
      retention: typeof retentionVi;
      privacy: typeof privacyVi;
    };
  }
}
