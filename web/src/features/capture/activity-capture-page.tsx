import "../../locales/register-console";
import { Chip, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  ACTIVITY_KINDS,
  ACTIVITY_TOPICS,
  CreateActivityBodySchema,
  FIGURE_FIELDS,
  todayInVietnam,
  type CreateActivityBody,
  type FigureField,
} from "@toandan/contracts";
import { useSearch } from "@tanstack/react-router";
import { useEffect, useMemo, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { blankToUndefined, formSchema, isoFromVn, numberFrom } from "../../lib/form-values";
import { contractResolver, fieldMessage } from "../../lib/forms";
import {
  DEFAULT_ACTIVITY_KIND,
  MAIN_FIGURES,
  MORE_FIGURES,
  type ActivityFormValues,
} from "./activity-fields";
import { CaptureLayout, NoReference, SaveButton } from "./capture-layout";
import { takeFirstVisitDraft } from "./first-visit-draft";
import { CaptureDateField, FigureInputs, OrganizerPicker } from "./form-parts";
import { serverVersionOf } from "./outbox/outbox";
import { useCapture, useEditTarget, useFixEntry } from "./use-capture";

type Values = ActivityFormValues;

/** A sent activity's answer as the form's values, to edit it. */
function valuesOf(r: Record<string, unknown>): Values {
  const organizers = (r.organizers as { id: string }[] | undefined) ?? [];
  const figure = (f: FigureField) => (typeof r[f] === "number" ? String(r[f]) : "");
  return {
    kind: typeof r.kind === "string" ? r.kind : "meeting",
    date: typeof r.date === "string" ? formatDate(r.date) : "",
    organizerBodyIds: organizers.map((o) => o.id),
    topics: (r.topics as string[] | undefined) ?? [],
    title: typeof r.title === "string" ? r.title : "",
    ...(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, figure(f)])) as Record<FigureField, string>),
  };
}

function blank(): Values {
  return {
    kind: DEFAULT_ACTIVITY_KIND,
    date: formatDate(todayInVietnam()),
    organizerBodyIds: [],
    topics: [],
    title: "",
    ...(Object.fromEntries(FIGURE_FIELDS.map((f) => [f, ""])) as Record<FigureField, string>),
  };
}

/** A new activity at the cadre's area: kind, date, organisers, topics and figures — saved on the phone first. */
export function ActivityCapturePage() {
  const { t } = useTranslation("capture");
  const { t: tc } = useTranslation("console");
  const { t: tp } = useTranslation();
  const search = useSearch({ strict: false, select: (s: { fix?: string; edit?: string }) => s });
  const fixing = useFixEntry(search.fix);
  const { user, reference, save, fix } = useCapture();
  // `?fix=` names an outbox record to fix; `?edit=` a sent activity to edit (from its version).
  const target = useEditTarget(user.id, search.edit);
  const editing = target?.kind === "activity" || target?.kind === "activityEdit" ? target : null;
  const ref = reference.data;
  const [saved, setSaved] = useState(false);
  // A first visit's server-rendered form, filled before the scripts arrived, carries on here.
  const [draft] = useState(takeFirstVisitDraft);
  const [more, moreToggle] = useDisclosure(Boolean(draft && MORE_FIGURES.some((f) => draft[f] !== "")));
  const [upper, upperToggle] = useDisclosure(false);
  const unitId = ref?.unitId ?? "";
  const resolver = useMemo(
    () =>
      contractResolver(
        formSchema<Values, CreateActivityBody>(
          (v) => ({
            orgUnitId: unitId,
            kind: v.kind,
            date: isoFromVn(v.date),
            organizerBodyIds: v.organizerBodyIds,
            topics: v.topics,
            title: blankToUndefined(v.title),
            ...Object.fromEntries(FIGURE_FIELDS.map((f) => [f, numberFrom(v[f])])),
          }),
          CreateActivityBodySchema,
        ),
        tp,
      ),
    [unitId, tp],
  );
  const form = useForm<Values, unknown, CreateActivityBody>({ resolver, defaultValues: draft ?? blank() });
  const { errors, isSubmitting } = form.formState;

  useEffect(() => {
    if (!fixing?.form) return;
    form.reset(fixing.form);
    for (const issue of fixing.error?.issues ?? []) {
      form.setError(issue.path.split(".")[0] as keyof Values, { type: "server", message: issue.message });
    }
  }, [fixing, form]);

  useEffect(() => {
    if (editing?.record) form.reset(valuesOf(editing.record));
  }, [editing, form]);

  // A first visit's draft may name an upper level's body: show those levels once they are known.
  const upperInDraft = Boolean(
    draft && ref?.levels.slice(1).some((l) => l.bodies.some((b) => draft.organizerBodyIds.includes(b.id))),
  );
  const openUpper = upperToggle.open;
  useEffect(() => {
    if (upperInDraft) openUpper();
  }, [upperInDraft, openUpper]);

  const onSubmit = async (body: CreateActivityBody, values: Values) => {
    const summary = `${tc(`activityKinds.${body.kind}`)} · ${formatDate(body.date)} · ${body.attendees} ${tc("figures.attendees").toLowerCase()}`;
    const { orgUnitId: _unit, ...changes } = body; // an edit never moves the activity
    if (fixing?.kind === "activityEdit") {
      // Merged after a conflict: resent over the server's version the cadre saw.
      const ifMatch = serverVersionOf(fixing) ?? fixing.ifMatch;
      await fix(fixing.id, { body: changes, form: values, summary, ifMatch });
    } else if (fixing) await fix(fixing.id, { body, form: values, summary });
    else if (editing?.serverId) {
      const path = `/activities/${editing.serverId}`;
      await save([
        {
          kind: "activityEdit",
          method: "PATCH",
          path,
          readPath: path,
          ifMatch: editing.record?.version,
          body: changes,
          form: values,
          summary,
        },
      ]);
    } else {
      await save([{ kind: "activity", method: "POST", path: "/activities", body, form: values, summary }]);
    }
    setSaved(true);
  };

  return (
    <CaptureLayout
      title={t("hub.activity")}
      saved={saved}
      fixing={fixing}
      onAnother={() => {
        form.reset(blank());
        setSaved(false);
      }}
    >
      {!ref ? (
        <NoReference />
      ) : (
        <form
          noValidate
          onSubmit={(e) => void form.handleSubmit((body) => onSubmit(body, form.getValues()))(e)}
        >
          <Stack gap="md">
            <NativeSelect
              size="md"
              label={t("form.kind")}
              required
              data={ACTIVITY_KINDS.map((k) => ({ value: k, label: tc(`activityKinds.${k}`) }))}
              error={fieldMessage(errors.kind)}
              {...form.register("kind")}
            />
            <CaptureDateField
              label={t("form.date")}
              required
              error={fieldMessage(errors.date)}
              {...form.register("date")}
            />
            <Controller
              control={form.control}
              name="organizerBodyIds"
              render={({ field }) => (
                <OrganizerPicker
                  label={t("form.organizers")}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  error={fieldMessage(errors.organizerBodyIds as never)}
                  levels={upper ? ref.levels : ref.levels.slice(0, 1)}
                  footer={
                    ref.levels.length > 1 && (
                      <Text
                        component="button"
                        type="button"
                        c="brand.8"
                        fw={600}
                        ta="left"
                        bg="none"
                        bd="none"
                        p={0}
                        onClick={upperToggle.toggle}
                      >
                        {upper ? "−" : "+"} {t("form.upperOrganizers")}
                      </Text>
                    )
                  }
                />
              )}
            />
            <Controller
              control={form.control}
              name="topics"
              render={({ field }) => (
                <Stack gap={6}>
                  <Text size="sm" fw={500}>
                    {t("form.topics")}
                  </Text>
                  <Chip.Group multiple value={field.value} onChange={field.onChange}>
                    <Group gap={8}>
                      {ACTIVITY_TOPICS.map((topic) => (
                        <Chip
                          key={topic}
                          value={topic}
                          size="md"
                          maw="100%"
                          styles={{
                            label: { whiteSpace: "normal", height: "auto", minHeight: 36, paddingBlock: 6 },
                          }}
                        >
                          {tc(`activityTopics.${topic}`)}
                        </Chip>
                      ))}
                    </Group>
                  </Chip.Group>
                </Stack>
              )}
            />
            <TextInput
              size="md"
              label={t("form.title")}
              error={fieldMessage(errors.title)}
              {...form.register("title")}
            />
            <Text size="sm" fw={600}>
              {t("form.figures")}
            </Text>
            <FigureInputs fields={MAIN_FIGURES} register={form.register} errors={errors} />
            <Text
              component="button"
              type="button"
              c="brand.8"
              fw={600}
              onClick={moreToggle.toggle}
              ta="left"
              bg="none"
              bd="none"
              p={0}
            >
              {more ? "−" : "+"} {t("form.moreFigures")}
            </Text>
            {more && <FigureInputs fields={MORE_FIGURES} register={form.register} errors={errors} />}
            <SaveButton label={fixing ? t("form.resubmit") : t("form.save")} loading={isSubmitting} />
          </Stack>
        </form>
      )}
    </CaptureLayout>
  );
}
