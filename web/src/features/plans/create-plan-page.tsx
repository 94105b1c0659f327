import "../../locales/register-console";
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import {
  BODY_KINDS,
  COMPARATORS,
  CreatePlanBodySchema,
  type CreatePlanBody,
  type Indicator,
  type Plan,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useMemo } from "react";
import {
  Controller,
  useFieldArray,
  useForm,
  useWatch,
  type Control,
  type UseFormRegister,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { contractResolver, fieldMessage } from "../../lib/forms";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { DateField } from "../../components/date-field";
import { blankToUndefined, formSchema, isoFromVn, numberFrom } from "../../lib/form-values";
import { currentYear, defaultUnitId } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { indicatorsQuery } from "../../api/indicators";
import { unitBodiesQuery } from "../../api/org-units";
import { comparatorSymbol, planQuery } from "./api";

type TaskValues = { title: string; description: string; bodyKinds: string[] };
type MilestoneValues = { year: string; text: string };
type TargetValues = {
  indicator: string;
  comparator: string;
  value: string;
  year: string;
  bodyKind: string;
  orgUnitId: string;
  label: string;
};
type FormValues = {
  number: string;
  title: string;
  issuedOn: string;
  orgUnitId: string;
  periodFrom: string;
  periodTo: string;
  issuerBodyIds: string[];
  tasks: TaskValues[];
  milestones: MilestoneValues[];
  targets: TargetValues[];
};

function toBody(v: FormValues, indicators: readonly Indicator[]): unknown {
  const rate = (code: string) => indicators.find((i) => i.code === code)?.unit === "rate";
  return {
    number: v.number,
    title: v.title,
    issuedOn: isoFromVn(v.issuedOn),
    orgUnitId: v.orgUnitId,
    periodFrom: numberFrom(v.periodFrom),
    periodTo: numberFrom(v.periodTo),
    issuerBodyIds: v.issuerBodyIds,
    tasks: v.tasks.map((x) => ({
      title: x.title,
      description: blankToUndefined(x.description),
      bodyKinds: x.bodyKinds,
    })),
    milestones: v.milestones.map((m) => ({ year: numberFrom(m.year), text: m.text })),
    targets: v.targets.map((x) => {
      const n = numberFrom(x.value);
      return {
        indicator: x.indicator,
        comparator: x.comparator,
        // Rates are typed as percentages (80) and stored as fractions (0.8).
        value: n !== undefined && rate(x.indicator) ? Math.round(n * 100) / 10000 : n,
        year: numberFrom(x.year),
        bodyKind: blankToUndefined(x.bodyKind),
        orgUnitId: blankToUndefined(x.orgUnitId),
        label: blankToUndefined(x.label),
      };
    }),
  };
}

/** The form's values for an existing plan (rates shown as percentages, dates as dd/mm/yyyy). */
function valuesOf(plan: Plan, indicators: readonly Indicator[]): FormValues {
  const rate = (code: string) => indicators.find((i) => i.code === code)?.unit === "rate";
  return {
    number: plan.number,
    title: plan.title,
    issuedOn: formatDate(plan.issuedOn),
    orgUnitId: plan.orgUnitId,
    periodFrom: String(plan.periodFrom),
    periodTo: String(plan.periodTo),
    issuerBodyIds: plan.issuers.map((b) => b.id),
    tasks: plan.tasks.map((x) => ({
      title: x.title,
      description: x.description ?? "",
      bodyKinds: x.bodyKinds,
    })),
    milestones: plan.milestones.map((m) => ({ year: String(m.year), text: m.text })),
    targets: plan.targets.map((x) => ({
      indicator: x.indicator,
      comparator: x.comparator,
      value: String(rate(x.indicator) ? Math.round(x.value * 10000) / 100 : x.value),
      year: String(x.year),
      bodyKind: x.bodyKind ?? "",
      orgUnitId: x.orgUnitId ?? "",
      label: x.label ?? "",
    })),
  };
}

export function EditPlanPage() {
  const { id } = useParams({ from: "/console/ke-hoach/$id/sua" });
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("createPlan.editTitle"));
  const indicators = useQuery(indicatorsQuery);
  const plan = useQuery({ ...planQuery(id), enabled: can(user, "plan.manage") });
  if (!can(user, "plan.manage") || (isApiError(plan.error) && plan.error.status < 500)) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/ke-hoach/$id" params={{ id }} size="sm">
        {t("createPlan.backToPlan")}
      </AnchorLink>
      <Title order={1}>{t("createPlan.editTitle")}</Title>
      {indicators.data && plan.data ? (
        <CreatePlanForm indicators={indicators.data.items} existing={plan.data} />
      ) : (
        <Text>{t("common.loading")}</Text>
      )}
    </Stack>
  );
}

export function CreatePlanPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("createPlan.title"));
  const indicators = useQuery(indicatorsQuery);
  if (!can(user, "plan.manage")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <AnchorLink to="/ke-hoach" size="sm">
        {t("plan.back")}
      </AnchorLink>
      <Title order={1}>{t("createPlan.title")}</Title>
      {indicators.data ? (
        <CreatePlanForm indicators={indicators.data.items} />
      ) : (
        <Text>{t("common.loading")}</Text>
      )}
    </Stack>
  );
}

function CreatePlanForm({ indicators, existing }: { indicators: Indicator[]; existing?: Plan }) {
  const { t, i18n } = useTranslation("console");
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
          tasks: [],
          milestones: [],
          targets: [],
        },
  });
  const { errors } = form.formState;
  const tasks = useFieldArray({ control: form.control, name: "tasks" });
  const milestones = useFieldArray({ control: form.control, name: "milestones" });
  const targets = useFieldArray({ control: form.control, name: "targets" });
  const orgUnitId = useWatch({ control: form.control, name: "orgUnitId" });
  const unit = useQuery(unitBodiesQuery(orgUnitId || null));
  const bodyOptions = BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.${k}`) }));

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

        <Fieldset legend={t("createPlan.tasks")}>
          <Stack gap="sm">
            {tasks.fields.map((f, i) => (
              <Paper key={f.id} withBorder p="sm">
                <Stack gap="xs">
                  <TextInput
                    label={t("createPlan.taskTitle", { n: i + 1 })}
                    required
                    error={fieldMessage(errors.tasks?.[i]?.title)}
                    {...form.register(`tasks.${i}.title`)}
                  />
                  <Textarea
                    label={t("createPlan.taskDescription")}
                    autosize
                    minRows={1}
                    {...form.register(`tasks.${i}.description`)}
                  />
                  <Controller
                    control={form.control}
                    name={`tasks.${i}.bodyKinds`}
                    render={({ field }) => (
                      <MultiSelect
                        label={t("createPlan.taskBodies")}
                        data={bodyOptions}
                        value={field.value}
                        onChange={field.onChange}
                        clearable
                        comboboxProps={{ withinPortal: true }}
                      />
                    )}
                  />
                  <div>
                    <Button variant="outline" color="red.8" size="xs" onClick={() => tasks.remove(i)}>
                      {t("createPlan.removeTask", { n: i + 1 })}
                    </Button>
                  </div>
                </Stack>
              </Paper>
            ))}
            <div>
              <Button
                variant="default"
                onClick={() => tasks.append({ title: "", description: "", bodyKinds: [] })}
              >
                {t("createPlan.addTask")}
              </Button>
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("createPlan.milestones")}>
          <Stack gap="sm">
            {milestones.fields.map((f, i) => (
              <Group key={f.id} align="flex-start" wrap="wrap" gap="xs">
                <TextInput
                  label={t("createPlan.milestoneYear", { n: i + 1 })}
                  required
                  inputMode="numeric"
                  w={{ base: "100%", xs: 130 }}
                  error={fieldMessage(errors.milestones?.[i]?.year)}
                  {...form.register(`milestones.${i}.year`)}
                />
                <TextInput
                  label={t("createPlan.milestoneText", { n: i + 1 })}
                  required
                  style={{ flex: "1 1 220px" }}
                  error={fieldMessage(errors.milestones?.[i]?.text)}
                  {...form.register(`milestones.${i}.text`)}
                />
                <Button
                  variant="outline"
                  color="red.8"
                  size="xs"
                  mt={{ base: 0, xs: 28 }}
                  onClick={() => milestones.remove(i)}
                >
                  {t("createPlan.removeMilestone", { n: i + 1 })}
                </Button>
              </Group>
            ))}
            <div>
              <Button variant="default" onClick={() => milestones.append({ year: String(year), text: "" })}>
                {t("createPlan.addMilestone")}
              </Button>
            </div>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("createPlan.targets")}>
          <Stack gap="sm">
            {targets.fields.map((f, i) => (
              <TargetRow
                key={f.id}
                index={i}
                control={form.control}
                indicators={indicators}
                lang={i18n.language}
                register={form.register}
                errors={errors.targets?.[i]}
                onRemove={() => targets.remove(i)}
              />
            ))}
            <div>
              <Button
                variant="default"
                onClick={() =>
                  targets.append({
                    indicator: indicators[0]?.code ?? "",
                    comparator: "gte",
                    value: "",
                    year: String(year),
                    bodyKind: "",
                    orgUnitId: "",
                    label: "",
                  })
                }
              >
                {t("createPlan.addTarget")}
              </Button>
            </div>
          </Stack>
        </Fieldset>

        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {existing ? t("createPlan.save") : t("createPlan.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type TargetErrors = Partial<Record<keyof TargetValues, { message?: string }>> | undefined;

function TargetRow({
  index: i,
  control,
  indicators,
  lang,
  register,
  errors,
  onRemove,
}: {
  index: number;
  control: Control<FormValues, unknown, CreatePlanBody>;
  indicators: Indicator[];
  lang: string;
  register: UseFormRegister<FormValues>;
  errors: TargetErrors;
  onRemove: () => void;
}) {
  const { t } = useTranslation("console");
  const code = useWatch({ control, name: `targets.${i}.indicator` });
  const indicator = indicators.find((x) => x.code === code);
  const rate = indicator?.unit === "rate";
  const msg = (k: keyof TargetValues) => errors?.[k]?.message;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t("createPlan.targetN", { n: i + 1 })}
        </Text>
        <NativeSelect
          label={t("createPlan.targetIndicator")}
          required
          data={indicators.map((x) => ({ value: x.code, label: lang === "en" ? x.en : x.vi }))}
          error={msg("indicator")}
          {...register(`targets.${i}.indicator`)}
        />
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <NativeSelect
            label={t("createPlan.targetComparator")}
            required
            miw={140}
            data={COMPARATORS.map((c) => ({
              value: c,
              label: `${comparatorSymbol(c)} ${t(`createPlan.comparators.${c}`)}`,
            }))}
            {...register(`targets.${i}.comparator`)}
          />
          <TextInput
            label={rate ? t("createPlan.targetValuePercent") : t("createPlan.targetValue")}
            required
            inputMode="decimal"
            miw={140}
            rightSection={rate ? "%" : undefined}
            error={msg("value")}
            {...register(`targets.${i}.value`)}
          />
          <TextInput
            label={t("createPlan.targetYear")}
            required
            inputMode="numeric"
            miw={110}
            error={msg("year")}
            {...register(`targets.${i}.year`)}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          {indicator?.bodySplit && (
            <NativeSelect
              label={t("createPlan.targetBody")}
              miw={200}
              data={[
                { value: "", label: t("createPlan.targetBodyAll") },
                ...BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.${k}`) })),
              ]}
              {...register(`targets.${i}.bodyKind`)}
            />
          )}
          <TextInput label={t("createPlan.targetLabel")} miw={200} {...register(`targets.${i}.label`)} />
        </Group>
        <Controller
          control={control}
          name={`targets.${i}.orgUnitId`}
          render={({ field }) => (
            <UnitField
              label={t("createPlan.targetUnit")}
              description={t("createPlan.targetUnitHint")}
              value={field.value || null}
              onChange={(id) => field.onChange(id ?? "")}
              error={msg("orgUnitId")}
            />
          )}
        />
        <div>
          <Button variant="outline" color="red.8" size="xs" onClick={onRemove}>
            {t("createPlan.removeTarget", { n: i + 1 })}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
