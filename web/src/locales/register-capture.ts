import { i18n } from "../app/i18n";
import { captureEn } from "./en/capture";
import { captureVi } from "./vi/capture";

/** Adds the capture strings when its code loads. */
if (!i18n.hasResourceBundle("vi", "capture")) {
  i18n.addResourceBundle("vi", "capture", captureVi);
  i18n.addResourceBundle("en", "capture", captureEn);
}
