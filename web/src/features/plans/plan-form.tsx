import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  CreatePlanBodySchema,
  PLAN_KINDS,
  type CreatePlanBody,
  type Indicator,
  type Plan,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { unitBodiesQuery } from "../../api/org-units";
import { DateField } from "../../components/date-field";
import { errorText } from "../../components/error-text";
import { UnitField } from "../../components/unit-field";
import { formSchema } from "../../lib/form-values";
import { formatDate } from "../../lib/format";
import { contractResolver, fieldMessage } from "../../lib/forms";
import { currentYear, defaultUnitId } from "../../lib/scope";
import { useCurrentUser } from "../../lib/use-session";
import { toBody, valuesOf, type FormValues } from "./plan-form-values";
import { PlanMilestones } from "./plan-milestones";
import { PlanSourcesField } from "./plan-sources-field";
import { PlanTargets } from "./plan-targets";
import { PlanTasks } from "./plan-tasks";

/** Creates a plan, or corrects one (its unit cannot change). */
export function CreatePlanForm({ indicators, existing }: { indicators: Indicator[]; existing?: Plan }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const year = currentYear();
  const resolver = useMemo(
    () =>
      contractResolver(
        formSchema<FormValues, CreatePlanBody>((v) => toBody(v, indicators), CreatePlanBodySchema),
        tp,
        {
          number: { invalid_format: t("createPlan.numberRule") },
          periodTo: { custom: t("createPlan.periodOrder") },
          issuerBodyIds: { too_small: t("createPlan.issuersRequired") },
        },
      ),
    [t, tp, indicators],
  );
  const form = useForm<FormValues, unknown, CreatePlanBody>({
    resolver,
    defaultValues: existing
      ? valuesOf(existing, indicators)
      : {
          number: "",
          title: "",
          issuedOn: formatDate(todayInVietnam()),
          orgUnitId: defaultUnitId(user) ?? "",
          periodFrom: String(year),
          periodTo: String(year + 4),
          issuerBodyIds: [],
          kind: "plan",
          sourceIds: [],
          tasks: [],
          milestones: [],
          targets: [],
        },
  });
  const { errors } = form.formState;
  const orgUnitId = useWatch({ control: form.control, name: "orgUnitId" });
  const unit = useQuery(unitBodiesQuery(orgUnitId || null));

  const mutation = useMutation({
    mutationFn: (body: CreatePlanBody) => {
      if (!existing) return api<Plan>("/plans", { method: "POST", body });
      const { orgUnitId: _unit, ...content } = body;
      return api<Plan>(`/plans/${existing.id}`, { method: "PUT", body: content });
    },
    onSuccess: async (plan) => {
      await queryClient.invalidateQueries({ queryKey: ["plans"] });
      await queryClient.invalidateQueries({ queryKey: ["plan", plan.id] });
      await navigate({ to: "/ke-hoach/$id", params: { id: plan.id } });
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "conflict") {
        form.setError("number", { type: "server", message: t("createPlan.conflict") });
      }
    },
  });
  const general =
    mutation.error && !(isApiError(mutation.error) && mutation.error.code === "conflict")
      ? isApiError(mutation.error) && mutation.error.code === "validation_failed"
        ? `${errorText(tp, mutation.error)} ${mutation.error.issues.map((i) => i.message).join("; ")}`
        : errorText(tp, mutation.error)
      : null;
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
      <Stack gap="md">
        {general && (
          <Alert color="red" variant="outline" role="alert">
            {general}
          </Alert>
        )}
        {hasErrors && (
          <Alert color="red" variant="outline" role="alert">
            {tp("errors.validation_failed")}
          </Alert>
        )}
        <Paper withBorder p="md">
          <Stack gap="sm">
            <NativeSelect
              label={t("planSources.kind")}
              data={PLAN_KINDS.map((k) => ({ value: k, label: t(`planKinds.${k}`) }))}
              {...form.register("kind")}
            />
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <TextInput
                label={t("createPlan.number")}
                description={t("createPlan.numberHint")}
                required
                miw={220}
                autoComplete="off"
                error={fieldMessage(errors.number)}
                {...form.register("number")}
              />
              <DateField
                label={t("createPlan.issuedOn")}
                required
                miw={180}
                error={fieldMessage(errors.issuedOn)}
                {...form.register("issuedOn")}
              />
            </Group>
            <Textarea
              label={t("createPlan.titleField")}
              required
              autosize
              minRows={2}
              error={fieldMessage(errors.title)}
              {...form.register("title")}
            />
            {existing ? (
              <TextInput label={t("createPlan.unit")} value={existing.orgUnitName} readOnly />
            ) : (
              <Controller
                control={form.control}
                name="orgUnitId"
                render={({ field }) => (
                  <UnitField
                    label={t("createPlan.unit")}
                    required
                    value={field.value || null}
                    onChange={(id) => {
                      field.onChange(id ?? "");
                      form.setValue("issuerBodyIds", []);
                    }}
                    error={fieldMessage(errors.orgUnitId)}
                  />
                )}
              />
            )}
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <TextInput
                label={t("createPlan.periodFrom")}
                required
                inputMode="numeric"
                miw={140}
                error={fieldMessage(errors.periodFrom)}
                {...form.register("periodFrom")}
              />
              <TextInput
                label={t("createPlan.periodTo")}
                required
                inputMode="numeric"
                miw={140}
                error={fieldMessage(errors.periodTo)}
                {...form.register("periodTo")}
              />
            </Group>
            <Controller
              control={form.control}
              name="issuerBodyIds"
              render={({ field }) => (
                <Checkbox.Group
                  label={t("createPlan.issuers")}
                  description={orgUnitId ? t("createPlan.issuersHint") : t("createPlan.issuersNeedUnit")}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldMessage(errors.issuerBodyIds as never)}
                >
                  <Stack gap={6} mt="xs">
                    {(unit.data?.bodies ?? []).map((b) => (
                      <Checkbox key={b.id} value={b.id} label={b.name} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Controller
            control={form.control}
            name="sourceIds"
            render={({ field }) => (
              <PlanSourcesField
                value={field.value}
                onChange={field.onChange}
                orgUnitId={orgUnitId}
                error={fieldMessage(errors.sourceIds as never)}
              />
            )}
          />
        </Paper>

        <PlanTasks control={form.control} register={form.register} errors={errors} />

        <PlanMilestones control={form.control} register={form.register} errors={errors} year={year} />

        <PlanTargets
          control={form.control}
          register={form.register}
          errors={errors}
          indicators={indicators}
          year={year}
        />

        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {existing ? t("createPlan.save") : t("createPlan.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
