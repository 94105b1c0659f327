import { i18n } from "../app/i18n";
import { festivalsEn } from "./en/festivals";
import { festivalsVi } from "./vi/festivals";

/** Adds the strings of the festival day 19/8 page and of training rosters when they load. */
if (!i18n.hasResourceBundle("vi", "festivals")) {
  i18n.addResourceBundle("vi", "festivals", festivalsVi);
  i18n.addResourceBundle("en", "festivals", festivalsEn);
}
