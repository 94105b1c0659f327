import { i18n } from "../app/i18n";
import { privacyEn } from "./en/privacy";
import { privacyVi } from "./vi/privacy";

/** Adds the strings of the privacy page when it loads. */
if (!i18n.hasResourceBundle("vi", "privacy")) {
  i18n.addResourceBundle("vi", "privacy", privacyVi);
  i18n.addResourceBundle("en", "privacy", privacyEn);
}
