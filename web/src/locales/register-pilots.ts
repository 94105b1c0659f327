import { i18n } from "../app/i18n";
import { pilotsEn } from "./en/pilots";
import { pilotsVi } from "./vi/pilots";

/** Adds the strings of the equipment, online-group and pilot pages when those pages load. */
if (!i18n.hasResourceBundle("vi", "pilots")) {
  i18n.addResourceBundle("vi", "pilots", pilotsVi);
  i18n.addResourceBundle("en", "pilots", pilotsEn);
}
