import "./console-styles";
import "../locales/register-console";
import { AppShell, Burger, Group, NavLink, Stack, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import type { CurrentUser, Permission } from "@toandan/contracts";
import { Link, Outlet, useRouterState } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/language-switch";
import { useSession } from "../lib/use-session";
import { UserMenu } from "../features/auth/user-menu";
import { OutboxBadge } from "../features/capture/outbox-badge";
import { can } from "../lib/permissions";
import { landingPath } from "../lib/landing";

type NavItem = {
  to:
    | "/don-vi"
    | "/bang-dieu-khien"
    | "/bao-cao"
    | "/ke-hoach"
    | "/hoat-dong"
    | "/to-mo-hinh"
    | "/ho-gia-dinh"
    | "/chung-nhan"
    | "/tai-khoan"
    | "/nhat-ky"
    | "/ho-so"
    | "/dia-ban-trong-diem"
    | "/ban-chi-dao"
    | "/xay-dung-diem"
    | "/bao-chi"
    | "/giam-sat"
    | "/khen-thuong"
    | "/tin-bao"
    | "/tiep-nhan-tin-bao"
    | "/xa-vung-sau-vung-xa"
    | "/kien-nghi"
    | "/dang-tin"
    | "/ngay-nghi-le"
    | "/luu-tru-du-lieu"
    | "/du-lieu-ca-nhan";
  label:
    | "units"
    | "dashboard"
    | "reports"
    | "plans"
    | "activities"
    | "groups"
    | "households"
    | "certification"
    | "accounts"
    | "audit"
    | "cases"
    | "hotspots"
    | "committees"
    | "pilots"
    | "media"
    | "supervision"
    | "commendations"
    | "tips"
    | "tipIntake"
    | "remoteCommunes"
    | "feedback"
    | "news"
    | "holidays"
    | "retention"
    | "privacy";
  /** Shown when the user holds any of these (the same rule as the page itself). */
  permission: Permission | readonly Permission[];
};

const NAV: NavItem[] = [
  { to: "/don-vi", label: "units", permission: "org_unit.read" },
  { to: "/bang-dieu-khien", label: "dashboard", permission: "indicator.read" },
  { to: "/bao-cao", label: "reports", permission: "report.read" },
  { to: "/ke-hoach", label: "plans", permission: "plan.read" },
  { to: "/hoat-dong", label: "activities", permission: "activity.read" },
  { to: "/bao-chi", label: "media", permission: "activity.read" },
  { to: "/to-mo-hinh", label: "groups", permission: "group.read" },
  { to: "/xay-dung-diem", label: "pilots", permission: "group.read" },
  { to: "/ho-gia-dinh", label: "households", permission: "household.read" },
  { to: "/chung-nhan", label: "certification", permission: "certification.read" },
  { to: "/ho-so", label: "cases", permission: ["case.stats", "case.report"] },
  { to: "/dia-ban-trong-diem", label: "hotspots", permission: "hotspot.read" },
  { to: "/ban-chi-dao", label: "committees", permission: "committee.manage" },
  { to: "/giam-sat", label: "supervision", permission: "supervision.read" },
  { to: "/khen-thuong", label: "commendations", permission: "commendation.read" },
  { to: "/tin-bao", label: "tips", permission: "tip.stats" },
  { to: "/tiep-nhan-tin-bao", label: "tipIntake", permission: "tip.intake" },
  { to: "/xa-vung-sau-vung-xa", label: "remoteCommunes", permission: "remote_commune.manage" },
  { to: "/kien-nghi", label: "feedback", permission: "feedback.handle" },
  { to: "/dang-tin", label: "news", permission: "news.write" },
  { to: "/tai-khoan", label: "accounts", permission: "account.read" },
  { to: "/nhat-ky", label: "audit", permission: "audit.read" },
  { to: "/ngay-nghi-le", label: "holidays", permission: "calendar.manage" },
  { to: "/luu-tru-du-lieu", label: "retention", permission: "retention.read" },
  { to: "/du-lieu-ca-nhan", label: "privacy", permission: "privacy.read" },
];

export function roleSummary(t: ReturnType<typeof useTranslation<"console">>["t"], user: CurrentUser) {
  const role = user.roles[0];
  if (!role) return "";
  const more = user.roles.length > 1 ? ` (+${user.roles.length - 1})` : "";
  return `${t(`roles.${role.role}`)} · ${role.orgUnitName}${more}`;
}

/** The signed-in frame: header, collapsible navigation, main. */
export function ConsoleShell() {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const { t: tc } = useTranslation("capture");
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // One language switch: in the header on wide screens, in the drawer on a phone.
  const wide = useMediaQuery("(min-width: 48em)", true, { getInitialValueInEffect: false });
  if (!session) return null;
  const user = session.user;
  const items = NAV.filter((item) =>
    (typeof item.permission === "string" ? [item.permission] : item.permission).some((p) => can(user, p)),
  );

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "sm", sm: "md" }}
    >
      <a className="td-skip-link" href="#main">
        {tp("skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("shell.closeNav") : t("shell.openNav")}
              aria-expanded={opened}
              aria-controls="console-nav"
            />
            <UnstyledButton component={Link} to={landingPath(user)} fw={700} fz="lg" c="brand.8">
              {tp("appName")}
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Stack gap={0} visibleFrom="md" align="flex-end" style={{ minWidth: 0 }}>
              <Text fw={600} size="sm" truncate="end" maw={260}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" truncate="end" maw={320}>
                {roleSummary(t, user)}
              </Text>
            </Stack>
            {can(user, "activity.create") && <OutboxBadge accountId={user.id} />}
            {wide && <LanguageSwitch />}
            <UserMenu user={user} roleText={roleSummary(t, user)} />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        id="console-nav"
        component="nav"
        aria-label={t("shell.mainNav")}
        className="td-nav"
        data-folded={!wide && !opened ? "" : undefined}
      >
        <Stack gap={4}>
          {can(user, "activity.create") && (
            <NavLink
              component={Link}
              to="/thu-thap"
              label={tc("nav")}
              active={pathname.startsWith("/thu-thap")}
              aria-current={pathname.startsWith("/thu-thap") ? "page" : undefined}
              onClick={close}
              fw={600}
            />
          )}
          {items.map((item) => {
            const active = pathname === item.to || pathname.startsWith(`${item.to}/`);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(`nav.${item.label}`)}
                active={active}
                aria-current={active ? "page" : undefined}
                onClick={close}
                fw={600}
              />
            );
          })}
        </Stack>
        {!wide && (
          <Stack gap="xs" mt="lg">
            <Text size="sm" fw={600} className="td-break">
              {user.displayName}
            </Text>
            <Text size="xs" c="dimmed" className="td-break">
              {roleSummary(t, user)}
            </Text>
            <LanguageSwitch />
          </Stack>
        )}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
