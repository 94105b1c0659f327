import "../../locales/register-console";
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { LIMITS, type Account } from "@toandan/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { errorText } from "../../components/error-text";
import { PageHeader } from "../../components/page-header";
import { PagedList } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { can } from "../../lib/permissions";
import { issuesByField } from "../../lib/forms";
import { usePasswordVerdict } from "../../lib/password-verdict";
import { isApiError } from "../../api/client";
import { useCurrentUser } from "../../lib/use-session";
import { AccountCard, type AccountAction } from "./account-card";
import { accountListQuery, updateAccount } from "./api";
import { CreateAccountForm } from "./create-account-form";

type Pending = { action: "disable" | "resetPassword"; account: Account } | null;
type Notice = { ok: boolean; text: string } | null;

export function AccountsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("accounts.title"));
  if (!can(user, "account.read")) return <NotFoundContent />;
  return <Accounts />;
}

function Accounts() {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim().slice(0, 100), 300);
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [newPassword, setNewPassword] = useState("");
  const [notice, setNotice] = useState<Notice>(null);
  const query = useInfiniteQuery(accountListQuery(q || undefined));

  const mutation = useMutation({
    mutationFn: ({
      action,
      account,
      password,
    }: {
      action: AccountAction;
      account: Account;
      password?: string;
    }) =>
      updateAccount(
        account.id,
        action === "disable"
          ? { disabled: true }
          : action === "enable"
            ? { disabled: false }
            : action === "unlock"
              ? { unlock: true }
              : { password },
      ),
    onSuccess: async (account) => {
      setPending(null);
      setNewPassword("");
      setNotice({ ok: true, text: t("accounts.action.updated", { username: account.username }) });
      await queryClient.invalidateQueries({ queryKey: ["accounts"] });
    },
    onError: (e) => {
      // The password policy's reason (too short, too easy to guess: why) in the server's words.
      const passwordIssue =
        isApiError(e) && e.code === "validation_failed"
          ? issuesByField(e.issues, ["password"] as const).password
          : undefined;
      setNotice({ ok: false, text: passwordIssue ?? errorText(tp, e) });
    },
  });

  const onAction = (action: AccountAction, account: Account) => {
    setNotice(null);
    if (action === "disable" || action === "resetPassword") setPending({ action, account });
    else mutation.mutate({ action, account });
  };
  const passwordTooShort = newPassword.length > 0 && newPassword.length < LIMITS.passwordMin;
  const verdict = usePasswordVerdict(pending?.action === "resetPassword" ? newPassword : "", {
    username: pending?.account.username,
    displayName: pending?.account.displayName,
    unitNames: pending?.account.roles.map((r) => r.orgUnitName),
  });

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("accounts.title")}
        actions={
          can(user, "account.create") && (
            <Button onClick={() => setCreating(true)}>{t("accounts.create.open")}</Button>
          )
        }
      />
      {notice && (
        <Alert
          color={notice.ok ? "green" : "red"}
          variant="outline"
          role={notice.ok ? "status" : "alert"}
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      )}
      <TextInput
        type="search"
        label={t("accounts.searchLabel")}
        placeholder={t("accounts.searchPlaceholder")}
        value={search}
        maxLength={100}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={420}
      />
      <PagedList query={query} empty={t("accounts.none")}>
        {(items) => (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((a) => (
              <AccountCard
                key={a.id}
                account={a}
                canUpdate={can(user, "account.update")}
                isSelf={a.id === user.id}
                onAction={onAction}
              />
            ))}
          </Stack>
        )}
      </PagedList>

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("accounts.create.title")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <CreateAccountForm
          onCancel={() => setCreating(false)}
          onCreated={(a) => {
            setCreating(false);
            setNotice({ ok: true, text: t("accounts.create.created", { username: a.username }) });
          }}
        />
      </Modal>

      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={
          pending?.action === "resetPassword"
            ? t("accounts.action.resetTitle", { username: pending.account.username })
            : t("accounts.action.disable")
        }
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        {pending && (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (pending.action === "resetPassword" && newPassword.length < LIMITS.passwordMin) return;
              mutation.mutate({ ...pending, password: newPassword });
            }}
          >
            <Stack gap="sm">
              {pending.action === "disable" ? (
                <Text>{t("accounts.action.confirmDisable", { username: pending.account.username })}</Text>
              ) : (
                <PasswordInput
                  label={t("accounts.action.newPassword")}
                  description={
                    verdict?.ok
                      ? t("accounts.create.passwordStrong")
                      : t("accounts.create.passwordHint", { min: LIMITS.passwordMin })
                  }
                  autoComplete="new-password"
                  required
                  value={newPassword}
                  error={
                    passwordTooShort
                      ? tp("validation.tooShort", { min: LIMITS.passwordMin })
                      : verdict?.ok === false
                        ? verdict.message
                        : undefined
                  }
                  onChange={(e) => setNewPassword(e.currentTarget.value)}
                />
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setPending(null)}>
                  {t("common.cancel")}
                </Button>
                <Button type="submit" loading={mutation.isPending}>
                  {pending.action === "disable" ? t("accounts.action.disable") : t("common.save")}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Stack>
  );
}
