import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from "@mantine/core";
import {
  CreateHouseholdBodySchema,
  HOUSEHOLD_LIMITS,
  MEMBER_ORG_KINDS,
  type CreateHouseholdBody,
  type Household,
} from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { FormError } from "../../components/form-error";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { blankToUndefined, formSchema, numberFrom } from "../../lib/form-values";
import { UnitField } from "../../components/unit-field";

type FormValues = {
  orgUnitId: string;
  headName: string;
  address: string;
  members: string;
  memberOrgs: string[];
  code: string;
};
const toBody = (v: FormValues): unknown => ({
  orgUnitId: v.orgUnitId,
  headName: v.headName,
  address: v.address,
  members: numberFrom(v.members),
  memberOrgs: v.memberOrgs,
  code: blankToUndefined(v.code),
});
const FIELDS = ["orgUnitId", "headName", "address", "members", "memberOrgs", "code"] as const;

export function CreateHouseholdForm({
  unitId,
  onCreated,
  onCancel,
}: {
  unitId: string | null;
  onCreated: (h: Household) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const resolver = useMemo(
    () =>
      contractResolver(formSchema<FormValues, CreateHouseholdBody>(toBody, CreateHouseholdBodySchema), tp),
    [tp],
  );
  const form = useForm<FormValues, unknown, CreateHouseholdBody>({
    resolver,
    defaultValues: {
      orgUnitId: unitId ?? "",
      headName: "",
      address: "",
      members: "",
      memberOrgs: [],
      code: "",
    },
  });
  const { errors } = form.formState;
  const mutation = useMutation({
    mutationFn: (body: CreateHouseholdBody) => api<Household>("/households", { method: "POST", body }),
    onSuccess: async (h) => {
      await queryClient.invalidateQueries({ queryKey: ["households"] });
      onCreated(h);
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "conflict") {
        form.setError("code", { type: "server", message: t("householdForm.codeTaken") });
      }
      applyApiIssues(e, FIELDS, form.setError);
    },
  });
  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} fieldErrors={errors} />
        <Controller
          control={form.control}
          name="orgUnitId"
          render={({ field }) => (
            <UnitField
              label={t("households.area")}
              kinds={["residential_area"]}
              required
              value={field.value || null}
              onChange={(id) => field.onChange(id ?? "")}
              error={fieldMessage(errors.orgUnitId)}
            />
          )}
        />
        <TextInput
          label={t("households.headName")}
          required
          maxLength={HOUSEHOLD_LIMITS.headNameMax}
          error={fieldMessage(errors.headName)}
          {...form.register("headName")}
        />
        <TextInput
          label={t("households.address")}
          required
          maxLength={HOUSEHOLD_LIMITS.addressMax}
          error={fieldMessage(errors.address)}
          {...form.register("address")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t("households.members")}
            required
            inputMode="numeric"
            error={fieldMessage(errors.members)}
            {...form.register("members")}
          />
          <TextInput
            label={t("households.code")}
            maxLength={HOUSEHOLD_LIMITS.codeMax}
            error={fieldMessage(errors.code)}
            {...form.register("code")}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="memberOrgs"
          render={({ field }) => (
            <Checkbox.Group
              label={t("households.memberOrgs")}
              value={field.value}
              onChange={field.onChange}
              error={fieldMessage(errors.memberOrgs as never)}
            >
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt="xs">
                {MEMBER_ORG_KINDS.map((k) => (
                  <Checkbox key={k} value={k} label={t(`bodies.${k}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t("householdForm.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
