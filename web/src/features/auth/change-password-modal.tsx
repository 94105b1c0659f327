import { Alert, Button, Group, Modal, PasswordInput, Stack } from "@mantine/core";
import { ChangePasswordBodySchema, LIMITS } from "@toandan/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { usePasswordVerdict } from "../../lib/password-verdict";
import { sessionQuery } from "../../api/session";

const FormSchema = ChangePasswordBodySchema.and(z.object({ confirm: z.string() })).refine(
  (v) => v.confirm === v.newPassword,
  { path: ["confirm"], message: "mismatch" },
);
type FormValues = z.input<typeof FormSchema>;

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const [done, setDone] = useState(false);
  const resolver = useMemo(
    () =>
      contractResolver(FormSchema, tp, {
        newPassword: { custom: t("password.sameAsCurrent") },
        confirm: { custom: t("password.mismatch") },
      }),
    [t, tp],
  );
  const form = useForm<FormValues>({
    resolver,
    defaultValues: { currentPassword: "", newPassword: "", confirm: "" },
  });
  const { errors } = form.formState;
  const session = useQuery(sessionQuery);
  const newPassword = useWatch({ control: form.control, name: "newPassword" });
  const verdict = usePasswordVerdict(newPassword, {
    username: session.data?.user.username,
    displayName: session.data?.user.displayName,
    unitNames: session.data?.user.roles.map((r) => r.orgUnitName),
  });
  const mutation = useMutation({
    mutationFn: ({ currentPassword, newPassword }: FormValues) =>
      api("/auth/password", { method: "POST", body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setDone(true);
      form.reset();
    },
    onError: (e) => {
      applyApiIssues(e, ["currentPassword"] as const, form.setError, () => t("password.wrongCurrent"));
      // The policy's reason (too short, too easy to guess: why) is the server's own words.
      applyApiIssues(e, ["newPassword"] as const, form.setError);
    },
  });

  const close = () => {
    setDone(false);
    mutation.reset();
    form.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("password.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
        <Stack gap="sm">
          {done && (
            <Alert color="green" variant="outline" role="status">
              {t("password.done")}
            </Alert>
          )}
          <FormError error={mutation.error} fieldErrors={errors} />
          <PasswordInput
            label={t("password.current")}
            autoComplete="current-password"
            required
            error={fieldMessage(errors.currentPassword)}
            {...form.register("currentPassword")}
          />
          <PasswordInput
            label={t("password.next")}
            description={
              verdict?.ok
                ? t("accounts.create.passwordStrong")
                : t("accounts.create.passwordHint", { min: LIMITS.passwordMin })
            }
            autoComplete="new-password"
            required
            error={fieldMessage(errors.newPassword) ?? (verdict?.ok === false ? verdict.message : undefined)}
            {...form.register("newPassword")}
          />
          <PasswordInput
            label={t("password.confirm")}
            autoComplete="new-password"
            required
            error={fieldMessage(errors.confirm)}
            {...form.register("confirm")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.close")}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t("password.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
