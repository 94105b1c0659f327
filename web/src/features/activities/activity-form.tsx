import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import {
  AIRING_FIELDS,
  ACTIVITY_CHANNELS,
  ACTIVITY_KINDS,
  ACTIVITY_LIMITS,
  ACTIVITY_TOPICS,
  broadcastHoursOf,
  CreateActivityBodySchema,
  FIGURE_FIELDS,
  UpdateActivityBodySchema,
  type Activity,
  type AiringField,
  type CreateActivityBody,
  type FigureField,
  type UpdateActivityBody,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { errorText } from "../../components/error-text";
import { FormError } from "../../components/form-error";
import { formatDate, formatNumber } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { useCurrentUser } from "../../lib/use-session";
import { DateField } from "../../components/date-field";
import { blankToUndefined, formSchema, isoFromVn, numberFrom } from "../../lib/form-values";
import { defaultUnitId } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { FigureInputs, OrganizerPicker } from "../../components/activity-fields";
import { useOrganizerChoices } from "./api";

type FormValues = {
  orgUnitId: string;
  kind: string;
  date: string;
  organizerBodyIds: string[];
  topics: string[];
  channels: string[];
  tags: string[];
  title: string;
  notes: string;
} & Record<FigureField | AiringField, string>;

/** A broadcast's airings as typed (0 for another kind); with airings the server computes the hours. */
function airingsOf(v: FormValues, blank: number | undefined) {
  const broadcast = v.kind === "broadcast";
  return Object.fromEntries(AIRING_FIELDS.map((f) => [f, broadcast ? (numberFrom(v[f]) ?? blank) : 0]));
}

const hasAirings = (v: FormValues) => v.kind === "broadcast" && (numberFrom(v.broadcastAirings) ?? 0) > 0;

function figuresOf(v: FormValues) {
  const figures = Object.fromEntries(FIGURE_FIELDS.map((f) => [f, numberFrom(v[f])]));
  return { ...figures, ...airingsOf(v, undefined), ...(hasAirings(v) ? { broadcastHours: undefined } : {}) };
}

function createBody(v: FormValues): unknown {
  return {
    orgUnitId: v.orgUnitId,
    kind: v.kind,
    date: isoFromVn(v.date),
    organizerBodyIds: v.organizerBodyIds,
    topics: v.topics,
    channels: v.channels,
    tags: v.tags,
    title: blankToUndefined(v.title),
    notes: blankToUndefined(v.notes),
    ...figuresOf(v),
  };
}

function updateBody(v: FormValues): unknown {
  const figures = {
    ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f, numberFrom(v[f]) ?? 0])),
    ...airingsOf(v, 0),
    ...(hasAirings(v) ? { broadcastHours: undefined } : {}),
  };
  return {
    kind: v.kind,
    date: isoFromVn(v.date),
    organizerBodyIds: v.organizerBodyIds,
    topics: v.topics,
    channels: v.channels,
    tags: v.tags,
    title: v.title.trim() === "" ? null : v.title,
    notes: v.notes.trim() === "" ? null : v.notes,
    ...figures,
  };
}

function initialValues(activity: Activity | undefined, unitId: string): FormValues {
  const figures = Object.fromEntries(
    [...FIGURE_FIELDS, ...AIRING_FIELDS].map((f) => [
      f,
      activity && activity[f] ? formatNumber(activity[f]) : "",
    ]),
  ) as Record<FigureField | AiringField, string>;
  return {
    orgUnitId: activity?.orgUnitId ?? unitId,
    kind: activity?.kind ?? "propaganda_session",
    date: formatDate(activity?.date ?? todayInVietnam()),
    organizerBodyIds: activity?.organizers.map((o) => o.id) ?? [],
    topics: activity?.topics ?? [],
    channels: activity?.channels ?? [],
    tags: activity?.tags ?? [],
    title: activity?.title ?? "",
    notes: activity?.notes ?? "",
    ...figures,
  };
}

const FIELDS = [
  "orgUnitId",
  "kind",
  "date",
  "organizerBodyIds",
  "topics",
  "channels",
  "tags",
  "title",
  "notes",
] as const;

/** Records a new activity, or edits one (its unit cannot change). */
export function ActivityForm({
  activity,
  onSaved,
  onCancel,
}: {
  activity?: Activity;
  onSaved: (a: Activity) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const editing = Boolean(activity);
  const resolver = useMemo(
    () =>
      editing
        ? contractResolver(
            formSchema<FormValues, UpdateActivityBody>(updateBody, UpdateActivityBodySchema),
            tp,
          )
        : contractResolver(
            formSchema<FormValues, CreateActivityBody>(createBody, CreateActivityBodySchema),
            tp,
            {
              organizerBodyIds: { too_small: t("activityForm.organizersRequired") },
              date: { custom: t("activityForm.dateFuture") },
              broadcastMinutes: { custom: t("activityForm.minutesRequired") },
              broadcastAirings: { custom: t("activityForm.airingsRequired") },
            },
          ),
    [editing, t, tp],
  );
  const form = useForm<FormValues, unknown, CreateActivityBody | UpdateActivityBody>({
    resolver,
    defaultValues: initialValues(activity, defaultUnitId(user) ?? ""),
  });
  const { errors } = form.formState;
  const unitId = useWatch({ control: form.control, name: "orgUnitId" });
  const kind = useWatch({ control: form.control, name: "kind" });
  const airings = numberFrom(useWatch({ control: form.control, name: "broadcastAirings" })) ?? 0;
  const minutes = numberFrom(useWatch({ control: form.control, name: "broadcastMinutes" })) ?? 0;
  const aired = kind === "broadcast" && airings > 0;
  const choices = useOrganizerChoices(unitId || null);

  const mutation = useMutation({
    mutationFn: (body: CreateActivityBody | UpdateActivityBody) =>
      activity
        ? api<Activity>(`/activities/${activity.id}`, { method: "PATCH", body })
        : api<Activity>("/activities", { method: "POST", body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["activities"] });
      onSaved(saved);
    },
    onError: (e) => {
      // The server's Vietnamese message names the problem (a body outside the unit's line, say).
      applyApiIssues(e, [...FIELDS, ...FIGURE_FIELDS, ...AIRING_FIELDS], form.setError);
    },
  });

  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
      <Stack gap="md">
        <FormError error={mutation.error} fieldErrors={errors} />
        {activity ? (
          <Text size="sm">{t("activityForm.unitFixed", { unit: activity.orgUnitName })}</Text>
        ) : (
          <Controller
            control={form.control}
            name="orgUnitId"
            render={({ field }) => (
              <UnitField
                label={t("activityForm.unit")}
                required
                value={field.value || null}
                onChange={(id) => {
                  field.onChange(id ?? "");
                  form.setValue("organizerBodyIds", []);
                }}
                error={fieldMessage(errors.orgUnitId)}
              />
            )}
          />
        )}
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <NativeSelect
            label={t("activities.kind")}
            required
            miw={220}
            data={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activityKinds.${k}`) }))}
            error={fieldMessage(errors.kind)}
            {...form.register("kind")}
          />
          <DateField
            label={t("activityForm.date")}
            required
            miw={160}
            error={fieldMessage(errors.date)}
            {...form.register("date")}
          />
        </Group>
        <Controller
          control={form.control}
          name="organizerBodyIds"
          render={({ field }) => (
            <OrganizerPicker
              size="sm"
              label={t("activityForm.organizers")}
              description={t("activityForm.organizersHint")}
              required
              value={field.value}
              onChange={field.onChange}
              error={fieldMessage(errors.organizerBodyIds as never)}
              levels={choices.levels}
              header={
                choices.error ? (
                  <Text size="sm" c="red" role="alert">
                    {errorText(tp, choices.error)}
                  </Text>
                ) : (
                  choices.levels.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {unitId ? t("common.loading") : t("activityForm.pickUnit")}
                    </Text>
                  )
                )
              }
            />
          )}
        />
        <Controller
          control={form.control}
          name="topics"
          render={({ field }) => (
            <MultiSelect
              label={t("activities.topics")}
              data={ACTIVITY_TOPICS.map((k) => ({ value: k, label: t(`activityTopics.${k}`) }))}
              value={field.value}
              onChange={field.onChange}
              clearable
              error={fieldMessage(errors.topics as never)}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="channels"
          render={({ field }) => (
            <MultiSelect
              label={t("activities.channels")}
              data={ACTIVITY_CHANNELS.map((k) => ({ value: k, label: t(`activityChannels.${k}`) }))}
              value={field.value}
              onChange={field.onChange}
              clearable
              error={fieldMessage(errors.channels as never)}
              comboboxProps={{ withinPortal: true }}
            />
          )}
        />
        <Controller
          control={form.control}
          name="tags"
          render={({ field }) => (
            <TagsInput
              label={t("activities.tags")}
              description={t("activityForm.tagsHint", { max: ACTIVITY_LIMITS.tagsMax })}
              value={field.value}
              onChange={field.onChange}
              maxTags={ACTIVITY_LIMITS.tagsMax}
              clearable
              error={fieldMessage(errors.tags as never)}
            />
          )}
        />
        <TextInput
          label={t("activityForm.title")}
          maxLength={ACTIVITY_LIMITS.titleMax}
          error={fieldMessage(errors.title)}
          {...form.register("title")}
        />
        {kind === "broadcast" && (
          <Fieldset legend={t("activityForm.airings")}>
            <Text size="sm" c="dimmed" mb="xs">
              {t("activityForm.airingsHint")}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              {AIRING_FIELDS.map((f) => (
                <TextInput
                  key={f}
                  label={t(`activityForm.${f}`)}
                  inputMode="numeric"
                  placeholder="0"
                  error={fieldMessage(errors[f])}
                  {...form.register(f)}
                />
              ))}
            </SimpleGrid>
            {aired && minutes > 0 && (
              <Text size="sm" mt="xs" aria-live="polite">
                {t("activityForm.airedHours", {
                  airings: formatNumber(airings),
                  minutes: formatNumber(minutes),
                  hours: formatNumber(broadcastHoursOf(airings, minutes)),
                })}
              </Text>
            )}
          </Fieldset>
        )}
        <Fieldset legend={t("activityForm.figures")}>
          {/* With airings the server computes the hours. */}
          <FigureInputs
            fields={FIGURE_FIELDS.filter((f) => !(aired && f === "broadcastHours"))}
            register={form.register}
            errors={errors}
            size="sm"
            placeholder="0"
            cols={{ base: 1, xs: 2, md: 4 }}
          />
        </Fieldset>
        <Textarea
          label={t("activityForm.notes")}
          autosize
          minRows={2}
          maxLength={ACTIVITY_LIMITS.notesMax}
          error={fieldMessage(errors.notes)}
          {...form.register("notes")}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {editing ? t("common.save") : t("activityForm.submit")}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
