import { i18n } from "../app/i18n";
import { safeFamiliesEn } from "./en/safe-families";
import { safeFamiliesVi } from "./vi/safe-families";

/** Adds the strings of the safe-family review when the household pages load. */
if (!i18n.hasResourceBundle("vi", "safeFamilies")) {
  i18n.addResourceBundle("vi", "safeFamilies", safeFamiliesVi);
  i18n.addResourceBundle("en", "safeFamilies", safeFamiliesEn);
}
