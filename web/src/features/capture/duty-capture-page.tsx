import "../../locales/register-console";
import { Checkbox, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { todayInVietnam } from "@toandan/contracts";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/date-field";
import { formatDate, parseVnDate } from "../../lib/format";
import { CaptureLayout, NoReference, SaveButton } from "./capture-layout";
import { useCapture } from "./use-capture";

type Values = { teamId: string; date: string; memberIds: string[]; incidents: string; notes: string };

/** A team's patrol or duty: the date, who was on duty, how many incidents were noted. */
export function DutyCapturePage() {
  const { t } = useTranslation("capture");
  const { reference, save } = useCapture();
  const ref = reference.data;
  const [saved, setSaved] = useState(false);
  const blank = (): Values => ({
    teamId: "",
    date: formatDate(todayInVietnam()),
    memberIds: [],
    incidents: "0",
    notes: "",
  });
  const form = useForm<Values>({ defaultValues: blank() });
  const { errors, isSubmitting } = form.formState;
  const required = t("form.required");
  const teamId = form.watch("teamId") || ref?.teams[0]?.id || "";
  const team = ref?.teams.find((x) => x.id === teamId);

  const onSubmit = async (v: Values) => {
    const date = parseVnDate(v.date)!;
    const incidents = Number(v.incidents.trim() || "0");
    await save([
      {
        kind: "dutyLog",
        method: "POST",
        path: `/groups/${teamId}/duty-logs`,
        body: {
          date,
          memberIds: v.memberIds,
          incidents,
          ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
        },
        form: { ...v, teamId },
        summary: `${team?.name ?? ""} · ${v.date} · ${v.memberIds.length} ${t("form.onDuty").toLowerCase()}`,
      },
    ]);
    setSaved(true);
  };

  return (
    <CaptureLayout
      title={t("hub.duty")}
      saved={saved}
      onAnother={() => {
        form.reset(blank());
        setSaved(false);
      }}
    >
      {!ref ? (
        <NoReference />
      ) : ref.teams.length === 0 ? (
        <Text c="dimmed">{t("form.noTeams")}</Text>
      ) : (
        <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
          <Stack gap="md">
            <NativeSelect
              size="md"
              label={t("form.team")}
              required
              data={ref.teams.map((x) => ({ value: x.id, label: x.name }))}
              {...form.register("teamId", { onChange: () => form.setValue("memberIds", []) })}
            />
            <DateField
              size="md"
              label={t("form.dutyDate")}
              required
              error={errors.date?.message}
              {...form.register("date", { validate: (x) => parseVnDate(x) !== null || required })}
            />
            <Controller
              control={form.control}
              name="memberIds"
              rules={{ validate: (ids) => ids.length > 0 || required }}
              render={({ field }) => (
                <Checkbox.Group
                  label={t("form.onDuty")}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.memberIds?.message}
                >
                  <Stack gap={10} mt={6}>
                    {(team?.members ?? []).map((m) => (
                      <Checkbox
                        key={m.id}
                        size="md"
                        value={m.id}
                        label={m.role ? `${m.fullName} (${m.role})` : m.fullName}
                      />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            />
            <TextInput
              size="md"
              label={t("form.incidents")}
              inputMode="numeric"
              autoComplete="off"
              error={errors.incidents?.message}
              {...form.register("incidents", { validate: (x) => /^\d{0,6}$/.test(x.trim()) || required })}
            />
            <Textarea
              size="md"
              label={t("form.dutyNotes")}
              autosize
              minRows={2}
              {...form.register("notes")}
            />
            <SaveButton label={t("form.save")} loading={isSubmitting} />
          </Stack>
        </form>
      )}
    </CaptureLayout>
  );
}
