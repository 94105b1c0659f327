import { Button, Fieldset, Group, NativeSelect, Paper, Stack, Text, TextInput } from "@mantine/core";
import { BODY_KINDS, COMPARATORS, type CreatePlanBody, type Indicator } from "@toandan/contracts";
import {
  Controller,
  useFieldArray,
  useWatch,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import { UnitField } from "../../components/unit-field";
import { comparatorSymbol } from "./api";
import type { FormValues, TargetValues } from "./plan-form-values";

/** "Chỉ tiêu": figures the plan commits to, each an indicator, a comparison, a value and a year. */
export function PlanTargets({
  control,
  register,
  errors,
  indicators,
  year,
}: {
  control: Control<FormValues, unknown, CreatePlanBody>;
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
  indicators: Indicator[];
  /** The year a new target is for. */
  year: number;
}) {
  const { t, i18n } = useTranslation("console");
  const targets = useFieldArray({ control, name: "targets" });
  return (
    <Fieldset legend={t("createPlan.targets")}>
      <Stack gap="sm">
        {targets.fields.map((f, i) => (
          <TargetRow
            key={f.id}
            index={i}
            control={control}
            indicators={indicators}
            lang={i18n.language}
            register={register}
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
