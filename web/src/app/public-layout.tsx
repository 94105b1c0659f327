import { Anchor, Container, Group } from "@mantine/core";
import { Link, Outlet } from "@tanstack/react-router";
import { lazy, Suspense, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** The select (Mantine's input family) loads after the page, not with the first script. */
const LanguageSwitch = lazy(() =>
  import("../components/language-switch").then((m) => ({ default: m.LanguageSwitch })),
);

/** The light frame of the public pages: header, main, footer. */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="td-public">
      <a className="td-skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="td-public-header">
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <Link to="/" reloadDocument className="td-brand">
              {t("appName")}
            </Link>
            <Group gap="sm" wrap="nowrap">
              <Suspense fallback={<span style={{ display: "inline-block", width: 112 }} />}>
                <LanguageSwitch />
              </Suspense>
              <Anchor component={Link} to="/dang-nhap" c="white" fw={600} underline="always">
                {t("header.signIn")}
              </Anchor>
            </Group>
          </Group>
        </Container>
      </header>
      <main id="main" className="td-public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="td-public-footer">
        <Container size="lg" py="md">
          {t("footer")}
        </Container>
      </footer>
    </div>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}
