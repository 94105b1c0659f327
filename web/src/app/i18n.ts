import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { publicEn } from "../locales/en/public";
import { publicVi } from "../locales/vi/public";

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "toandan.lang";

function storedLanguage(): Language {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

/** Switches the language, remembers the choice, and keeps `<html lang>` in step. */
export function changeLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  void i18n.changeLanguage(lng);
}

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  lng: storedLanguage(),
  fallbackLng: "vi",
  ns: ["public"],
  defaultNS: "public",
  resources: { vi: { public: publicVi }, en: { public: publicEn } },
  partialBundledLanguages: true,
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export { i18n };
