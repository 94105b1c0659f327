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
import { LoginBodySchema, type LoginBody } from "@toandan/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { signIn } from "../../api/session";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { landingPath } from "../../lib/landing";
import { contractResolver, fieldMessage } from "../../lib/forms";

/**
 * The failure in words. The server answers a wrong password, an unknown username and a locked
 * account alike (so a stranger cannot tell whether the account exists); its one message says so.
 */
function signInFailureText(t: TFunction, e: unknown): string {
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
