import { i18n } from "../app/i18n";
import { committeesEn } from "./en/committees";
import { committeesVi } from "./vi/committees";

/** Adds the strings of the steering committee pages when those pages load. */
if (!i18n.hasResourceBundle("vi", "committees")) {
  i18n.addResourceBundle("vi", "committees", committeesVi);
  i18n.addResourceBundle("en", "committees", committeesEn);
}
