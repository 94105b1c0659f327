import { Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import {
  RecordGroupSurveyBodySchema,
  type GroupSurvey,
  type RecordGroupSurveyBody,
  todayInVietnam,
} from "@toandan/contracts";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/date-field";
import { FormError } from "../../components/form-error";
import { Fact } from "../../components/fact";
import { blankToUndefined, formSchema, isoFromVn, numberFrom } from "../../lib/form-values";
import { formatDate, formatNumber } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { useGroupWrite } from "./group-write";

type SurveyValues = {
  surveyedOn: string;
  crimes: string;
  drugUsers: string;
  gangs: string;
  socialEvils: string;
  notes: string;
};
const SURVEY_FIGURES = ["crimes", "drugUsers", "gangs", "socialEvils"] as const;
const surveyBody = (v: SurveyValues): unknown => ({
  surveyedOn: isoFromVn(v.surveyedOn),
  crimes: numberFrom(v.crimes),
  drugUsers: numberFrom(v.drugUsers),
  gangs: numberFrom(v.gangs),
  socialEvils: numberFrom(v.socialEvils),
  notes: blankToUndefined(v.notes),
});

export function SurveyForm({ groupId, onDone }: { groupId: string; onDone: () => void }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const resolver = useMemo(
    () =>
      contractResolver(
        formSchema<SurveyValues, RecordGroupSurveyBody>(surveyBody, RecordGroupSurveyBodySchema),
        tp,
      ),
    [tp],
  );
  const form = useForm<SurveyValues, unknown, RecordGroupSurveyBody>({
    resolver,
    defaultValues: {
      surveyedOn: formatDate(todayInVietnam()),
      crimes: "",
      drugUsers: "",
      gangs: "",
      socialEvils: "",
      notes: "",
    },
  });
  const { errors } = form.formState;
  const mutation = useGroupWrite<RecordGroupSurveyBody>(groupId, "/surveys", onDone);
  const submit = (v: RecordGroupSurveyBody) =>
    mutation.mutate(v, {
      onError: (e) => applyApiIssues(e, ["surveyedOn", ...SURVEY_FIGURES, "notes"], form.setError),
    });
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} fieldErrors={errors} />
        <DateField
          label={t("surveys.surveyedOn")}
          required
          maw={260}
          error={fieldMessage(errors.surveyedOn)}
          {...form.register("surveyedOn")}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {SURVEY_FIGURES.map((f) => (
            <TextInput
              key={f}
              label={t(`surveys.${f}`)}
              inputMode="numeric"
              placeholder="0"
              error={fieldMessage(errors[f])}
              {...form.register(f)}
            />
          ))}
        </SimpleGrid>
        <Textarea label={t("surveys.notes")} autosize minRows={2} {...form.register("notes")} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t("surveys.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function SurveyView({ title, survey }: { title: string; survey: GroupSurvey }) {
  const { t } = useTranslation("console");
  return (
    <div>
      <Text fw={600} mb={4}>
        {title} — {formatDate(survey.surveyedOn)}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" component="dl" m={0}>
        <Fact label={t("surveys.crimes")}>{formatNumber(survey.crimes)}</Fact>
        <Fact label={t("surveys.drugUsers")}>{formatNumber(survey.drugUsers)}</Fact>
        <Fact label={t("surveys.gangs")}>{formatNumber(survey.gangs)}</Fact>
        <Fact label={t("surveys.socialEvils")}>{formatNumber(survey.socialEvils)}</Fact>
      </SimpleGrid>
      {survey.notes && (
        <Text size="sm" mt={4} className="td-break">
          {survey.notes}
        </Text>
      )}
    </div>
  );
}
