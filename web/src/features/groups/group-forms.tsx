import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  AddGroupMemberBodySchema,
  EvaluateGroupBodySchema,
  GRASSROOTS_MEMBER_MAX_AGE,
  GRASSROOTS_MEMBER_MIN_AGE,
  GRASSROOTS_SECURITY_TEAM,
  MODEL_RATINGS,
  RecordGroupSurveyBodySchema,
  TEAM_RATINGS,
  type AddGroupMemberBody,
  type EvaluateGroupBody,
  type GroupDetail,
  type RecordGroupSurveyBody,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller, useForm, type FieldValues, type Path, type UseFormSetError } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { errorText } from "../../components/error-text";
import { formatDate } from "../../lib/format";
import { contractResolver, fieldMessage } from "../../lib/forms";
import { DateField } from "../../components/date-field";
import { blankToUndefined, formSchema, isoFromVn, numberFrom } from "../../lib/form-values";

/** Server issues land on their fields, in the server's Vietnamese words (they name the rule broken). */
function placeIssues<T extends FieldValues>(
  e: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
) {
  if (!isApiError(e) || e.code !== "validation_failed") return false;
  let placed = false;
  for (const issue of e.issues) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    if (field) {
      setError(field, { type: "server", message: issue.message });
      placed = true;
    }
  }
  return placed;
}

function useGroupWrite<TBody>(groupId: string, path: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api<unknown>(`/groups/${groupId}${path}`, { method: "POST", body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      onDone();
    },
  });
}

type MemberValues = {
  fullName: string;
  birthDate: string;
  role: string;
  joinedOn: string;
  disciplined: boolean;
  decisionNumber: string;
  decidedOn: string;
};
const memberBody = (v: MemberValues): unknown => ({
  fullName: v.fullName,
  birthDate: isoFromVn(v.birthDate),
  role: blankToUndefined(v.role),
  joinedOn: isoFromVn(v.joinedOn),
  disciplined: v.disciplined,
  // Only a member over 70 needs the chairman's decision: both fields, or neither.
  ageException:
    v.decisionNumber.trim() || v.decidedOn.trim()
      ? { decisionNumber: v.decisionNumber, decidedOn: isoFromVn(v.decidedOn) }
      : undefined,
});
/** Server issue paths of the decision, placed on the form's two fields. */
const DECISION_FIELDS: Record<string, "decisionNumber" | "decidedOn"> = {
  ageException: "decisionNumber",
  "ageException.decisionNumber": "decisionNumber",
  "ageException.decidedOn": "decidedOn",
};

export function AddMemberForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const resolver = useMemo(
    () =>
      contractResolver(
        formSchema<MemberValues, AddGroupMemberBody>(memberBody, AddGroupMemberBodySchema),
        tp,
      ),
    [tp],
  );
  const form = useForm<MemberValues, unknown, AddGroupMemberBody>({
    resolver,
    defaultValues: {
      fullName: "",
      birthDate: "",
      role: "",
      joinedOn: formatDate(todayInVietnam()),
      disciplined: false,
      decisionNumber: "",
      decidedOn: "",
    },
  });
  const { errors } = form.formState;
  const mutation = useGroupWrite<AddGroupMemberBody>(group.id, "/members", () => {
    form.reset();
    onDone();
  });
  const grassroots = group.typeCode === GRASSROOTS_SECURITY_TEAM;
  const submit = (v: AddGroupMemberBody) =>
    mutation.mutate(v, {
      onError: (e) => {
        placeIssues(e, ["fullName", "birthDate", "role", "joinedOn"], form.setError);
        if (isApiError(e) && e.code === "validation_failed") {
          for (const issue of e.issues) {
            const field = DECISION_FIELDS[issue.path];
            if (field) form.setError(field, { type: "server", message: issue.message });
          }
        }
      },
    });
  const general = mutation.error && Object.keys(errors).length === 0 ? errorText(tp, mutation.error) : null;
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="outline" role="alert">
            {general}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("members.fullName")}
            required
            error={fieldMessage(errors.fullName)}
            {...form.register("fullName")}
          />
          <TextInput
            label={t("members.role")}
            placeholder={t("members.rolePlaceholder")}
            error={fieldMessage(errors.role)}
            {...form.register("role")}
          />
          <DateField
            label={t("members.birthDate")}
            description={
              grassroots
                ? t("members.ageRule", { min: GRASSROOTS_MEMBER_MIN_AGE, max: GRASSROOTS_MEMBER_MAX_AGE })
                : undefined
            }
            required={grassroots}
            error={fieldMessage(errors.birthDate)}
            {...form.register("birthDate")}
          />
          <DateField
            label={t("members.joinedOn")}
            required
            error={fieldMessage(errors.joinedOn)}
            {...form.register("joinedOn")}
          />
        </SimpleGrid>
        {grassroots && (
          <Fieldset legend={t("members.ageException", { max: GRASSROOTS_MEMBER_MAX_AGE })}>
            <Text size="sm" c="dimmed" mb="xs">
              {t("members.ageExceptionHint", { max: GRASSROOTS_MEMBER_MAX_AGE })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("members.decisionNumber")}
                error={fieldMessage(errors.decisionNumber)}
                {...form.register("decisionNumber")}
              />
              <DateField
                label={t("members.decidedOn")}
                error={fieldMessage(errors.decidedOn)}
                {...form.register("decidedOn")}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        <Checkbox label={t("members.disciplined")} {...form.register("disciplined")} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t("members.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

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
      onError: (e) => placeIssues(e, ["surveyedOn", ...SURVEY_FIGURES, "notes"], form.setError),
    });
  const general = mutation.error && Object.keys(errors).length === 0 ? errorText(tp, mutation.error) : null;
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="outline" role="alert">
            {general}
          </Alert>
        )}
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
        placeIssues(e, ["evaluatedOn", "periodFrom", "periodTo", "rating", "reasons"], form.setError),
    });
  const general = mutation.error && Object.keys(errors).length === 0 ? errorText(tp, mutation.error) : null;
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="outline" role="alert">
            {general}
          </Alert>
        )}
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
