import "./capture-styles";
import "../locales/register-capture";
import { Anchor, Burger, Button, Container, Group, Stack, Text, UnstyledButton } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { signOut } from "../api/session";
import { OutboxBadge } from "../features/capture/outbox-badge";
import { pendingRecords } from "../lib/pending-records";
import { useSession } from "../lib/use-session";

/** Shown in the opened menu only: loaded then, not with the shell. */
const LanguageSwitch = lazy(() =>
  import("../components/language-switch").then((m) => ({ default: m.LanguageSwitch })),
);

/** The dialog is needed only when records wait at sign-out: loaded then, not with the shell. */
const ConfirmDialog = lazy(() =>
  Promise.all([import("../locales/register-console"), import("../components/confirm-dialog")]).then(
    ([, m]) => ({ default: m.ConfirmDialog }),
  ),
);

const LINKS = [
  { to: "/thu-thap", label: "nav" },
  { to: "/thu-thap/hoat-dong", label: "hub.activity" },
  { to: "/thu-thap/ho-gia-dinh", label: "hub.household" },
  { to: "/thu-thap/to", label: "hub.roster" },
  { to: "/thu-thap/truc", label: "hub.duty" },
  { to: "/thu-thap/tren-may", label: "hub.outbox" },
] as const;

/**
 * The capture screens' own frame, lighter than the console's: a phone on a slow line loads the
 * capture code and this header, not the console's navigation, menus and strings. The full console
 * stays one link away.
 */
export function CaptureShell() {
  const { t } = useTranslation("capture");
  const { t: tp } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [unsent, setUnsent] = useState(0);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (!session) return null;
  const user = session.user;
  const close = () => setOpened(false);

  const doSignOut = async () => {
    setUnsent(0);
    try {
      await signOut(queryClient);
    } finally {
      await navigate({ to: "/dang-nhap" });
    }
  };
  // Records captured offline stay on the device for this account: say so before signing out.
  const askSignOut = async () => {
    const n = await pendingRecords(user.id);
    if (n > 0) setUnsent(n);
    else await doSignOut();
  };

  return (
    <div className="td-capture">
      <a className="td-skip-link" href="#main">
        {tp("skipToContent")}
      </a>
      <header className="td-capture-header">
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={() => setOpened((o) => !o)}
              size="sm"
              aria-label={opened ? t("shell.closeNav") : t("shell.openNav")}
              aria-expanded={opened}
              aria-controls="capture-nav"
            />
            <UnstyledButton component={Link} to="/thu-thap" fw={700} fz="lg" c="brand.8">
              {tp("appName")}
            </UnstyledButton>
          </Group>
          <OutboxBadge accountId={user.id} />
        </Group>
      </header>
      {opened && (
        <nav id="capture-nav" aria-label={t("shell.mainNav")} className="td-capture-nav">
          <Container size={560} px="sm" py="sm">
            <Stack gap={4}>
              {LINKS.map((link) => (
                <Anchor
                  key={link.to}
                  component={Link}
                  to={link.to}
                  onClick={close}
                  fw={600}
                  size="lg"
                  py={6}
                  aria-current={pathname === link.to ? "page" : undefined}
                >
                  {t(link.label)}
                </Anchor>
              ))}
              <Anchor component={Link} to="/hoat-dong" onClick={close} fw={600} size="lg" py={6}>
                {t("shell.console")}
              </Anchor>
            </Stack>
            <Stack gap="xs" mt="md">
              <Text size="sm" fw={600} className="td-break">
                {user.displayName}
              </Text>
              <Group gap="sm">
                <Suspense fallback={null}>
                  <LanguageSwitch />
                </Suspense>
                <Button variant="default" size="sm" onClick={() => void askSignOut()}>
                  {t("shell.signOut")}
                </Button>
              </Group>
            </Stack>
          </Container>
        </nav>
      )}
      <main id="main" tabIndex={-1} className="td-capture-main">
        <Outlet />
      </main>
      {unsent > 0 && (
        <Suspense fallback={null}>
          <ConfirmDialog
            opened
            onClose={() => setUnsent(0)}
            title={t("signOut.title")}
            confirmLabel={t("signOut.confirm")}
            cancelLabel={t("signOut.cancel")}
            onConfirm={() => void doSignOut()}
          >
            {t("signOut.body", { count: unsent })}
          </ConfirmDialog>
        </Suspense>
      )}
    </div>
  );
}
