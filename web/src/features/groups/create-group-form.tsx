import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import {
  CreateGroupBodySchema,
  type CreateGroupBody,
  type GroupDetail,
  type GroupType,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { FormError } from "../../components/form-error";
import { formatDate } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { useCurrentUser } from "../../lib/use-session";
import { DateField } from "../../components/date-field";
import { blankToUndefined, formSchema, isoFromVn } from "../../lib/form-values";
import { defaultUnitId } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { unitBodiesQuery } from "../../api/org-units";

type FormValues = {
  orgUnitId: string;
  typeCode: string;
  name: string;
  foundedOn: string;
  status: "pilot" | "active";
  managingBodyId: string;
  notes: string;
};

const toBody = (v: FormValues): unknown => ({
  orgUnitId: v.orgUnitId,
  typeCode: v.typeCode,
  name: v.name,
  foundedOn: isoFromVn(v.foundedOn),
  status: v.status,
  managingBodyId: blankToUndefined(v.managingBodyId),
  notes: blankToUndefined(v.notes),
});

const FIELDS = ["orgUnitId", "typeCode", "name", "foundedOn", "status", "managingBodyId", "notes"] as const;

export function CreateGroupForm({
  types,
  onCreated,
  onCancel,
}: {
  types: GroupType[];
  onCreated: (g: GroupDetail) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation("console");
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const resolver = useMemo(
    () =>
      contractResolver(formSchema<FormValues, CreateGroupBody>(toBody, CreateGroupBodySchema), tp, {
        foundedOn: { custom: t("groupForm.dateFuture") },
      }),
    [t, tp],
  );
  const form = useForm<FormValues, unknown, CreateGroupBody>({
    resolver,
    defaultValues: {
      orgUnitId: defaultUnitId(user) ?? "",
      typeCode: types[0]?.code ?? "",
      name: "",
      foundedOn: formatDate(todayInVietnam()),
      status: "active",
      managingBodyId: "",
      notes: "",
    },
  });
  const { errors } = form.formState;
  const unitId = useWatch({ control: form.control, name: "orgUnitId" });
  const unit = useQuery(unitBodiesQuery(unitId || null));
  const mutation = useMutation({
    mutationFn: (body: CreateGroupBody) => api<GroupDetail>("/groups", { method: "POST", body }),
    onSuccess: async (g) => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      onCreated(g);
    },
    onError: (e) => {
      applyApiIssues(e, FIELDS, form.setError);
    },
  });
  const typeOptions = (category: "team" | "model") =>
    types
      .filter((x) => x.category === category)
      .map((x) => ({ value: x.code, label: i18n.language === "en" ? x.nameEn : x.nameVi }));

  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} fieldErrors={errors} />
        <Controller
          control={form.control}
          name="orgUnitId"
          render={({ field }) => (
            <UnitField
              label={t("groups.unit")}
              required
              value={field.value || null}
              onChange={(id) => {
                field.onChange(id ?? "");
                form.setValue("managingBodyId", "");
              }}
              error={fieldMessage(errors.orgUnitId)}
            />
          )}
        />
        <NativeSelect
          label={t("groups.type")}
          required
          data={[
            { group: t("groupCategories.team"), items: typeOptions("team") },
            { group: t("groupCategories.model"), items: typeOptions("model") },
          ]}
          error={fieldMessage(errors.typeCode)}
          {...form.register("typeCode")}
        />
        <TextInput
          label={t("groups.name")}
          required
          error={fieldMessage(errors.name)}
          {...form.register("name")}
        />
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <DateField
            label={t("groups.foundedOn")}
            required
            miw={160}
            error={fieldMessage(errors.foundedOn)}
            {...form.register("foundedOn")}
          />
          <NativeSelect
            label={t("groups.status")}
            required
            miw={160}
            data={[
              { value: "active", label: t("groupStatuses.active") },
              { value: "pilot", label: t("groupStatuses.pilot") },
            ]}
            {...form.register("status")}
          />
        </Group>
        <NativeSelect
          label={t("groupForm.managingBody")}
          data={[
            { value: "", label: t("common.none") },
            ...(unit.data?.bodies ?? []).map((b) => ({ value: b.id, label: b.name })),
          ]}
          error={fieldMessage(errors.managingBodyId)}
          {...form.register("managingBodyId")}
        />
        <Textarea label={t("groupForm.notes")} autosize minRows={2} {...form.register("notes")} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("groupForm.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
