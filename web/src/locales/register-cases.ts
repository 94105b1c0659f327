import { i18n } from "../app/i18n";
import { casesEn } from "./en/cases";
import { casesVi } from "./vi/cases";

/** Adds the strings of the case pages when those pages load. */
if (!i18n.hasResourceBundle("vi", "cases")) {
  i18n.addResourceBundle("vi", "cases", casesVi);
  i18n.addResourceBundle("en", "cases", casesEn);
}
