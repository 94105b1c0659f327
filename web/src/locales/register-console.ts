import { i18n } from "../app/i18n";
import { consoleEn } from "./en/console";
import { consoleVi } from "./vi/console";
import { certificationEn } from "./en/certification";
import { certificationVi } from "./vi/certification";
import { reportsEn } from "./en/reports";
import { reportsVi } from "./vi/reports";

/** Adds the console strings when the console code loads (kept out of the home page bundle). */
if (!i18n.hasResourceBundle("vi", "console")) {
  i18n.addResourceBundle("vi", "console", consoleVi);
  i18n.addResourceBundle("en", "console", consoleEn);
  i18n.addResourceBundle("vi", "certification", certificationVi);
  i18n.addResourceBundle("en", "certification", certificationEn);
  i18n.addResourceBundle("vi", "reports", reportsVi);
  i18n.addResourceBundle("en", "reports", reportsEn);
}
