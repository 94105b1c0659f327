import { Button, Group, List, Paper, Radio, SimpleGrid, Stack, Text, Textarea } from "@mantine/core";
import {
  EvaluateGroupBodySchema,
  MODEL_RATINGS,
  TEAM_RATINGS,
  type EvaluateGroupBody,
  type GroupDetail,
  type GroupEvaluation,
  todayInVietnam,
} from "@toandan/contracts";
import { useMemo } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/date-field";
import { FormError } from "../../components/form-error";
import { blankToUndefined, formSchema, isoFromVn } from "../../lib/form-values";
import { formatDate } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { useGroupWrite } from "./group-write";

type EvaluationValues = {
  evaluatedOn: string;
  periodFrom: string;
  periodTo: string;
  rating: string;
  reasons: string;
};
const evaluationBody = (v: EvaluationValues): unknown => ({
  evaluatedOn: isoFromVn(v.evaluatedOn),
  periodFrom: isoFromVn(v.periodFrom),
  periodTo: isoFromVn(v.periodTo),
  rating: blankToUndefined(v.rating),
  reasons: v.reasons
    .split("\n")
    .map((r) => r.trim())
    .filter(Boolean),
});

export function EvaluationForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  // The current year so far, or since the founding if that is later.
  const today = todayInVietnam();
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const periodStart = group.foundedOn > yearStart ? group.foundedOn : yearStart;
  const resolver = useMemo(
    () =>
      contractResolver(
        formSchema<EvaluationValues, EvaluateGroupBody>(evaluationBody, EvaluateGroupBodySchema),
        tp,
        {
          reasons: { custom: t("evaluations.reasonsRequired") },
          periodTo: { custom: t("evaluations.periodOrder") },
          evaluatedOn: { custom: t("evaluations.dateOrder") },
        },
      ),
    [t, tp],
  );
  const form = useForm<EvaluationValues, unknown, EvaluateGroupBody>({
    resolver,
    defaultValues: {
      evaluatedOn: formatDate(todayInVietnam()),
      periodFrom: formatDate(periodStart),
      periodTo: formatDate(today),
      rating: "",
      reasons: "",
    },
  });
  const { errors } = form.formState;
  const mutation = useGroupWrite<EvaluateGroupBody>(group.id, "/evaluations", () => {
    form.reset();
    onDone();
  });
  const ratings = group.category === "team" ? TEAM_RATINGS : MODEL_RATINGS;
  const submit = (v: EvaluateGroupBody) =>
    mutation.mutate(v, {
      onError: (e) =>
        applyApiIssues(e, ["evaluatedOn", "periodFrom", "periodTo", "rating", "reasons"], form.setError),
    });
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} fieldErrors={errors} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField
            label={t("evaluations.periodFrom")}
            required
            error={fieldMessage(errors.periodFrom)}
            {...form.register("periodFrom")}
          />
          <DateField
            label={t("evaluations.periodTo")}
            required
            error={fieldMessage(errors.periodTo)}
            {...form.register("periodTo")}
          />
          <DateField
            label={t("evaluations.evaluatedOn")}
            required
            error={fieldMessage(errors.evaluatedOn)}
            {...form.register("evaluatedOn")}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="rating"
          render={({ field }) => (
            <Radio.Group
              label={t("evaluations.rating")}
              required
              value={field.value}
              onChange={field.onChange}
              error={fieldMessage(errors.rating)}
            >
              <Stack gap={6} mt={6}>
                {ratings.map((r) => (
                  <Radio key={r} value={r} label={t(`ratings.${r}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
        />
        <Textarea
          label={t("evaluations.reasons")}
          description={
            group.category === "model" ? t("evaluations.reasonsHintModel") : t("evaluations.reasonsHint")
          }
          autosize
          minRows={2}
          error={fieldMessage(errors.reasons)}
          {...form.register("reasons")}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t("evaluations.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The group's latest evaluation: period, rating, date and reasons. */
export function LatestEvaluation({ evaluation }: { evaluation: GroupEvaluation }) {
  const { t } = useTranslation("console");
  return (
    <Paper withBorder p="sm">
      <Text fw={600}>
        {t("evaluations.latest", {
          from: formatDate(evaluation.periodFrom),
          to: formatDate(evaluation.periodTo),
        })}
      </Text>
      <Text>{t(`ratings.${evaluation.rating}`)}</Text>
      <Text size="sm" c="dimmed">
        {t("evaluations.on", { date: formatDate(evaluation.evaluatedOn) })}
      </Text>
      {evaluation.reasons.length > 0 && (
        <List size="sm" mt={4}>
          {evaluation.reasons.map((r, i) => (
            <List.Item key={i}>{r}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
