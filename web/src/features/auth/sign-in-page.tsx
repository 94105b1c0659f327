import "../../app/console-styles";
import {
  Alert,
  Anchor,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { clockNow, LoginBodySchema, type LoginBody } from "@toandan/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { signIn } from "../../api/session";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatTime } from "../../lib/format";
import { landingPath } from "../../lib/landing";
import { contractResolver, fieldMessage } from "../../lib/forms";

/** Wrong password, disabled, locked (with when to retry), or any other failure, in words. */
function signInFailureText(t: TFunction, e: unknown): string {
  if (isApiError(e) && e.code === "account_locked" && e.retryAfter) {
    const until = new Date(clockNow().getTime() + e.retryAfter * 1000);
    return t("signIn.lockedFor", { minutes: Math.ceil(e.retryAfter / 60), time: formatTime(until) });
  }
  return errorText(t, e);
}

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const search = useSearch({ from: "/public/dang-nhap" });
  const [failure, setFailure] = useState<string | null>(null);
  usePageTitle(t("signIn.title"));
  // `t` changes with the language, so the messages follow a language switch.
  const resolver = useMemo(() => contractResolver(LoginBodySchema, t), [t]);
  const form = useForm<LoginBody>({ resolver, defaultValues: { username: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    try {
      const session = await signIn(queryClient, values);
      await navigate({ href: search.redirect ?? landingPath(session.user) });
    } catch (e) {
      setFailure(signInFailureText(t, e));
      form.setValue("password", "");
      form.setFocus("password");
    }
  });

  return (
    <Container size={420} py={48}>
      <Paper withBorder p="xl" radius="md">
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <Stack gap="md">
            <Title order={1}>{t("signIn.title")}</Title>
            <Text c="dimmed">{t("signIn.intro")}</Text>
            {failure && (
              <Alert color="red" variant="outline" role="alert" data-testid="sign-in-error">
                {failure}
              </Alert>
            )}
            <TextInput
              label={t("signIn.username")}
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              error={fieldMessage(errors.username)}
              {...form.register("username")}
            />
            <PasswordInput
              label={t("signIn.password")}
              autoComplete="current-password"
              required
              error={fieldMessage(errors.password)}
              {...form.register("password")}
            />
            <Button type="submit" loading={isSubmitting} fullWidth>
              {t("signIn.submit")}
            </Button>
            <Anchor component={Link} to="/" reloadDocument size="sm">
              {t("signIn.backHome")}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
