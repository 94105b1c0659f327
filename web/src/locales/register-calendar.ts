import { i18n } from "../app/i18n";
import { calendarEn } from "./en/calendar";
import { calendarVi } from "./vi/calendar";

/** Adds the strings of the holidays page when it loads. */
if (!i18n.hasResourceBundle("vi", "calendar")) {
  i18n.addResourceBundle("vi", "calendar", calendarVi);
  i18n.addResourceBundle("en", "calendar", calendarEn);
}
