import { i18n } from "../app/i18n";
import { mediaEn } from "./en/media";
import { mediaVi } from "./vi/media";

/** Adds the strings of the media partnership page when it loads. */
if (!i18n.hasResourceBundle("vi", "media")) {
  i18n.addResourceBundle("vi", "media", mediaVi);
  i18n.addResourceBundle("en", "media", mediaEn);
}
