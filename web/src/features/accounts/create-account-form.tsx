import { Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from "@mantine/core";
import { CreateAccountBodySchema, LIMITS, ROLES, type Account, type Role } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { FormError } from "../../components/form-error";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { usePasswordVerdict } from "../../lib/password-verdict";
import { rolesQuery, type CreateAccountValues } from "./api";
import { UnitPicker } from "../../components/unit-picker";

// The password's issues keep the server's words (see onError).
const FIELDS = ["username", "displayName", "roles.0.role", "roles.0.orgUnitId", "roles.0.body"] as const;

export function CreateAccountForm({
  onCreated,
  onCancel,
}: {
  onCreated: (a: Account) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useQuery(rolesQuery);
  const resolver = useMemo(
    () =>
      contractResolver(CreateAccountBodySchema, tp, {
        username: { invalid_format: t("accounts.create.usernameRule") },
        "roles.0.orgUnitId": { invalid_format: t("accounts.create.unitRequired") },
      }),
    [t, tp],
  );
  const form = useForm<CreateAccountValues>({
    resolver,
    defaultValues: {
      username: "",
      displayName: "",
      password: "",
      roles: [{ role: "commune_front", orgUnitId: "", body: "front" }],
    },
  });
  const { errors } = form.formState;
  const role = useWatch({ control: form.control, name: "roles.0.role" });
  const info = roles.data?.items.find((r) => r.role === role);
  const kinds = info?.unitKinds ?? [];
  const bodies = info?.bodies ?? [];
  const [username, displayName, password] = useWatch({
    control: form.control,
    name: ["username", "displayName", "password"],
  });
  // Unit names are judged by the server, which knows them; here the account's own words.
  const verdict = usePasswordVerdict(password, { username, displayName });

  const mutation = useMutation({
    mutationFn: (values: CreateAccountValues) => api<Account>("/accounts", { method: "POST", body: values }),
    onSuccess: async (account) => {
      await queryClient.invalidateQueries({ queryKey: ["accounts"] });
      onCreated(account);
    },
    onError: (e) => {
      // The password policy's reason (too short, too easy to guess: why) is the server's own words.
      applyApiIssues(e, ["password"] as const, form.setError);
      applyApiIssues(e, FIELDS, form.setError, (path) => {
        if (path === "roles.0.orgUnitId") return t("accounts.create.unitIssue");
        if (path === "roles.0.body") return t("accounts.create.bodyIssue");
        return tp("validation.invalid");
      });
      if (isApiError(e) && e.code === "conflict") {
        form.setError("username", { type: "server", message: t("accounts.create.usernameTaken") });
      }
    },
  });
  const roleErrors = errors.roles?.[0];

  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} fieldErrors={errors} />
        <TextInput
          label={t("accounts.username")}
          required
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          error={fieldMessage(errors.username)}
          {...form.register("username")}
        />
        <TextInput
          label={t("accounts.displayName")}
          required
          error={fieldMessage(errors.displayName)}
          {...form.register("displayName")}
        />
        <PasswordInput
          label={t("accounts.create.password")}
          description={
            verdict?.ok
              ? t("accounts.create.passwordStrong")
              : t("accounts.create.passwordHint", { min: LIMITS.passwordMin })
          }
          required
          autoComplete="new-password"
          error={fieldMessage(errors.password) ?? (verdict?.ok === false ? verdict.message : undefined)}
          {...form.register("password")}
        />
        <NativeSelect
          label={t("accounts.create.role")}
          required
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={fieldMessage(roleErrors?.role)}
          {...form.register("roles.0.role", {
            onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
              const next = roles.data?.items.find((r) => r.role === (e.target.value as Role));
              form.setValue("roles.0.body", next?.bodies[0] ?? "front");
              form.setValue("roles.0.orgUnitId", "");
            },
          })}
        />
        <Controller
          control={form.control}
          name="roles.0.orgUnitId"
          render={({ field }) => (
            <UnitPicker
              key={role}
              label={t("accounts.create.unit")}
              description={
                kinds.length
                  ? t("accounts.create.unitHint", {
                      kinds: kinds.map((k) => t(`kinds.${k}` as "kinds.commune")).join(", "),
                    })
                  : undefined
              }
              error={fieldMessage(roleErrors?.orgUnitId)}
              kinds={kinds}
              value={field.value || null}
              onChange={(id) => field.onChange(id ?? "")}
              onBlur={field.onBlur}
              disabled={!info}
            />
          )}
        />
        <NativeSelect
          label={t("accounts.create.body")}
          required
          data={bodies.map((b) => ({ value: b, label: t(`bodies.${b}`) }))}
          error={fieldMessage(roleErrors?.body)}
          {...form.register("roles.0.body")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("accounts.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
