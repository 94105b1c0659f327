import { i18n } from "../app/i18n";
import { supervisionEn } from "./en/supervision";
import { supervisionVi } from "./vi/supervision";

/** Adds the strings of the supervision pages when those pages load. */
if (!i18n.hasResourceBundle("vi", "supervision")) {
  i18n.addResourceBundle("vi", "supervision", supervisionVi);
  i18n.addResourceBundle("en", "supervision", supervisionEn);
}
