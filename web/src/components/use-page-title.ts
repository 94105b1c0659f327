import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** "<page> — Toàn Dân" in the browser tab and for screen readers. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t("appName");
  useEffect(() => {
    document.title = title ? `${title} — ${app}` : app;
  }, [title, app]);
}
