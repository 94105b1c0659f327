import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import {
  RecordCommitmentBodySchema,
  type Commitment,
  type CommitmentTemplate,
  type HouseholdDetail,
  type RecordCommitmentBody,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { DateField } from "../../components/date-field";
import { ErrorAlert } from "../../components/error-alert";
import { FormError } from "../../components/form-error";
import { formatDate } from "../../lib/format";
import { formSchema, isoFromVn, numberFrom } from "../../lib/form-values";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { currentYear } from "../../lib/scope";
import { templatesQuery } from "./api";

type FormValues = { year: string; signedOn: string; templateId: string };
const toBody = (v: FormValues): unknown => ({
  year: numberFrom(v.year),
  signedOn: isoFromVn(v.signedOn),
  templateId: v.templateId || undefined,
});

/** Records a household's yearly commitment on one of the forms its unit (or a unit above) manages. */
export function CommitmentForm({
  household,
  onDone,
}: {
  household: HouseholdDetail;
  onDone: (year: number) => void;
}) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const templates = useQuery(templatesQuery(household.orgUnitId));
  const items = templates.data?.items ?? [];
  const resolver = useMemo(
    () =>
      contractResolver(formSchema<FormValues, RecordCommitmentBody>(toBody, RecordCommitmentBodySchema), tp, {
        templateId: { custom: t("household.templateRequired") },
      }),
    [tp, t],
  );
  const form = useForm<FormValues, unknown, RecordCommitmentBody>({
    resolver,
    defaultValues: { year: String(currentYear()), signedOn: formatDate(todayInVietnam()), templateId: "" },
  });
  const { errors } = form.formState;
  // The nearest unit's newest form is the usual one: picked until the user picks another. A form
  // just added is picked once it is among the options (the select cannot show a value it lacks).
  const wanted = useRef<string | null>(null);
  const data = templates.data;
  useEffect(() => {
    const ids = data?.items.map((x) => x.id) ?? [];
    if (wanted.current && ids.includes(wanted.current)) {
      form.setValue("templateId", wanted.current);
      wanted.current = null;
    } else if (ids[0] && !form.getValues("templateId")) form.setValue("templateId", ids[0]);
  }, [data, form]);
  const mutation = useMutation({
    mutationFn: (body: RecordCommitmentBody) =>
      api<Commitment>(`/households/${household.id}/commitments`, { method: "POST", body }),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: ["households"] });
      onDone(c.year);
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "conflict") {
        form.setError("year", { type: "server", message: t("household.already") });
        return;
      }
      applyApiIssues(e, ["year", "signedOn", "templateId"] as const, form.setError);
    },
  });
  const label = (x: CommitmentTemplate) =>
    x.orgUnitId === household.orgUnitId
      ? x.name
      : t("household.templateOf", { name: x.name, unit: x.orgUnitName });
  return (
    <Stack gap="md">
      <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
        <Stack gap="sm">
          <FormError error={mutation.error} fieldErrors={errors} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t("household.year")}
              required
              inputMode="numeric"
              error={fieldMessage(errors.year)}
              {...form.register("year")}
            />
            <DateField
              label={t("household.signedOnInput")}
              required
              error={fieldMessage(errors.signedOn)}
              {...form.register("signedOn")}
            />
            <NativeSelect
              label={t("household.template")}
              required
              error={fieldMessage(errors.templateId)}
              data={[
                { value: "", label: t("household.templatePick") },
                ...items.map((x) => ({ value: x.id, label: label(x) })),
              ]}
              {...form.register("templateId")}
            />
          </SimpleGrid>
          {templates.isSuccess && items.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("household.templateNone")}
            </Text>
          )}
          {templates.isError && <ErrorAlert error={templates.error} />}
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t("household.record")}
            </Button>
          </Group>
        </Stack>
      </form>
      {templates.data?.can.create && (
        <AddTemplateForm
          unitId={household.orgUnitId}
          unitName={household.orgUnitName}
          onAdded={(x) => {
            wanted.current = x.id;
          }}
        />
      )}
    </Stack>
  );
}

/** A new form at the household's unit, offered under the select (it is picked at once). */
function AddTemplateForm({
  unitId,
  unitName,
  onAdded,
}: {
  unitId: string;
  unitName: string;
  onAdded: (x: CommitmentTemplate) => void;
}) {
  const { t } = useTranslation("console");
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      api<CommitmentTemplate>("/commitment-templates", { method: "POST", body: { orgUnitId: unitId, name } }),
    onSuccess: async (x) => {
      onAdded(x);
      await queryClient.invalidateQueries({ queryKey: ["households", "templates"] });
      setAdded(x.name);
      setName("");
    },
  });
  const error = isApiError(mutation.error) ? mutation.error : null;
  const taken = error?.code === "conflict";
  const invalid = error?.code === "validation_failed" ? error.issues[0]?.message : undefined;
  return (
    <details>
      <Text component="summary" size="sm" fw={600} style={{ cursor: "pointer" }}>
        {t("household.templateAdd")}
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(null);
          mutation.mutate();
        }}
        noValidate
      >
        <Stack gap="xs" mt="xs">
          <Text size="sm" c="dimmed">
            {t("household.templateAt")} {unitName}
          </Text>
          <Group align="flex-end" gap="xs">
            <TextInput
              label={t("household.templateName")}
              description={t("household.templateNameHint")}
              required
              maxLength={50}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={taken ? t("household.templateTaken") : invalid}
              style={{ flex: "1 1 240px" }}
            />
            <Button type="submit" variant="default" loading={mutation.isPending}>
              {t("household.templateAdd")}
            </Button>
          </Group>
          {mutation.isError && !taken && !invalid && <ErrorAlert error={mutation.error} />}
          {added && (
            <Alert color="green" variant="outline" role="status">
              {t("household.templateAdded", { name: added })}
            </Alert>
          )}
        </Stack>
      </form>
    </details>
  );
}
