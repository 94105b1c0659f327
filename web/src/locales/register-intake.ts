import { i18n } from "../app/i18n";
import { intakeEn } from "./en/intake";
import { intakeVi } from "./vi/intake";

/** Adds the strings of the intake and remote-commune pages when those pages load. */
if (!i18n.hasResourceBundle("vi", "intake")) {
  i18n.addResourceBundle("vi", "intake", intakeVi);
  i18n.addResourceBundle("en", "intake", intakeEn);
}
