import { i18n } from "../app/i18n";
import { retentionEn } from "./en/retention";
import { retentionVi } from "./vi/retention";

/** Adds the strings of the retention page when it loads. */
if (!i18n.hasResourceBundle("vi", "retention")) {
  i18n.addResourceBundle("vi", "retention", retentionVi);
  i18n.addResourceBundle("en", "retention", retentionEn);
}
