import { Badge, Button, Group, Menu, Paper, Stack, Text } from "@mantine/core";
import type { Account } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";

export type AccountAction = "disable" | "enable" | "unlock" | "resetPassword";

type Props = {
  account: Account;
  canUpdate: boolean;
  isSelf: boolean;
  onAction: (action: AccountAction, account: Account) => void;
};

/** One account: who, where, status, and (with account.update) its actions. */
export function AccountCard({ account, canUpdate, isSelf, onAction }: Props) {
  const { t } = useTranslation("console");
  const actions: AccountAction[] = [];
  if (account.disabled) actions.push("enable");
  else if (!isSelf) actions.push("disable");
  if (account.lockedUntil) actions.push("unlock");
  actions.push("resetPassword");

  return (
    <Paper withBorder p="sm" component="li" data-testid={`account-${account.username}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={700} className="td-break">
              {account.username}
            </Text>
            <Text className="td-break">{account.displayName}</Text>
            {account.isDemo && (
              <Badge variant="outline" color="gray.8" radius="sm">
                {t("accounts.demo")}
              </Badge>
            )}
          </Group>
          <Group gap="xs" wrap="wrap">
            {account.disabled ? (
              <Badge variant="filled" color="gray.8" radius="sm">
                {t("accounts.disabled")}
              </Badge>
            ) : (
              <Badge variant="outline" color="teal.9" radius="sm">
                {t("accounts.active")}
              </Badge>
            )}
            {account.lockedUntil && (
              <Badge variant="filled" color="brand.8" radius="sm">
                {t("accounts.lockedUntil", { time: formatDateTime(account.lockedUntil) })}
              </Badge>
            )}
          </Group>
          <Stack
            component="ul"
            gap={2}
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-label={t("accounts.roles")}
          >
            {account.roles.map((r) => (
              <Text component="li" size="sm" key={`${r.role}-${r.orgUnitId}-${r.body}`} className="td-break">
                {t("accounts.roleAt", {
                  role: t(`roles.${r.role}`),
                  unit: r.orgUnitName,
                  body: t(`bodies.${r.body}`),
                })}
              </Text>
            ))}
          </Stack>
          <Text size="xs" c="dimmed">
            {t("accounts.lastLogin")}:{" "}
            {account.lastLoginAt ? formatDateTime(account.lastLoginAt) : t("accounts.never")}
          </Text>
        </Stack>
        {canUpdate && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                size="xs"
                aria-label={t("accounts.action.menu", { username: account.username })}
              >
                {t("accounts.actions")}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {actions.map((a) => (
                <Menu.Item key={a} onClick={() => onAction(a, account)}>
                  {t(`accounts.action.${a}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
    </Paper>
  );
}
