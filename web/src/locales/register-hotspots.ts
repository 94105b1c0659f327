import { i18n } from "../app/i18n";
import { hotspotsEn } from "./en/hotspots";
import { hotspotsVi } from "./vi/hotspots";

/** Adds the strings of the hotspot pages when those pages load. */
if (!i18n.hasResourceBundle("vi", "hotspots")) {
  i18n.addResourceBundle("vi", "hotspots", hotspotsVi);
  i18n.addResourceBundle("en", "hotspots", hotspotsEn);
}
