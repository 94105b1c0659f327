import { i18n } from "../app/i18n";
import { commendationsEn } from "./en/commendations";
import { commendationsVi } from "./vi/commendations";

/** Adds the strings of the commendation pages and the public register when those pages load. */
if (!i18n.hasResourceBundle("vi", "commendations")) {
  i18n.addResourceBundle("vi", "commendations", commendationsVi);
  i18n.addResourceBundle("en", "commendations", commendationsEn);
}
