import "../../locales/register-console";
import { NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { todayInVietnam } from "@toandan/contracts";
import { useSearch } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { formatDate, parseVnDate } from "../../lib/format";
import { CaptureLayout, NoReference, SaveButton } from "./capture-layout";
import { CaptureDateField, CheckboxPicker, FigureInput } from "./form-parts";
import { serverVersionOf } from "./outbox/outbox";
import { useCapture, useEditTarget, useFixEntry } from "./use-capture";

type Values = { teamId: string; date: string; memberIds: string[]; incidents: string; notes: string };

/** A sent duty log's answer (kept on the phone, like an activity's) as the form's values. */
function valuesOf(r: Record<string, unknown>): Values {
  return {
    teamId: typeof r.groupId === "string" ? r.groupId : "",
    date: typeof r.date === "string" ? formatDate(r.date) : "",
    memberIds: Array.isArray(r.memberIds) ? (r.memberIds as string[]) : [],
    incidents: typeof r.incidents === "number" ? String(r.incidents) : "0",
    notes: typeof r.notes === "string" ? r.notes : "",
  };
}

/** A team's patrol or duty: the date, who was on duty, how many incidents were noted. */
export function DutyCapturePage() {
  const { t } = useTranslation("capture");
  const search = useSearch({ strict: false, select: (s: { fix?: string; edit?: string }) => s });
  const fixing = useFixEntry(search.fix);
  const { user, reference, save, fix } = useCapture();
  // `?edit=` names a sent duty log: the edit starts from the version the phone kept.
  const target = useEditTarget(user.id, search.edit);
  const editing = target?.kind === "dutyLog" || target?.kind === "dutyLogEdit" ? target : null;
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

  useEffect(() => {
    if (fixing?.form) form.reset(fixing.form);
  }, [fixing, form]);

  useEffect(() => {
    if (editing?.record) form.reset(valuesOf(editing.record));
  }, [editing, form]);

  const onSubmit = async (v: Values) => {
    const date = parseVnDate(v.date)!;
    const incidents = Number(v.incidents.trim() || "0");
    const summary = `${team?.name ?? ""} · ${v.date} · ${v.memberIds.length} ${t("form.onDuty").toLowerCase()}`;
    const form = { ...v, teamId };
    if (fixing?.kind === "dutyLogEdit") {
      // Merged after a conflict: resent over the server's version the cadre saw.
      const body = { date, memberIds: v.memberIds, incidents, notes: v.notes.trim() };
      const ifMatch = serverVersionOf(fixing) ?? fixing.ifMatch;
      await fix(fixing.id, { body, form, summary, ifMatch });
    } else if (editing?.serverId) {
      const groupId = typeof editing.record?.groupId === "string" ? editing.record.groupId : teamId;
      // The team stays the log's own; an emptied note is cleared on the server too.
      const path = `/groups/${groupId}/duty-logs/${editing.serverId}`;
      await save([
        {
          kind: "dutyLogEdit",
          method: "PATCH",
          path,
          readPath: `/groups/${groupId}/duty-logs?limit=500`,
          ifMatch: editing.record?.version,
          body: { date, memberIds: v.memberIds, incidents, notes: v.notes.trim() },
          form,
          summary,
        },
      ]);
    } else {
      const body = {
        date,
        memberIds: v.memberIds,
        incidents,
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      };
      if (fixing) {
        await fix(fixing.id, { body, form, summary });
      } else {
        await save([
          { kind: "dutyLog", method: "POST", path: `/groups/${teamId}/duty-logs`, body, form, summary },
        ]);
      }
    }
    setSaved(true);
  };

  return (
    <CaptureLayout
      title={t("hub.duty")}
      saved={saved}
      fixing={fixing}
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
              disabled={Boolean(editing)}
              data={ref.teams.map((x) => ({ value: x.id, label: x.name }))}
              {...form.register("teamId", { onChange: () => form.setValue("memberIds", []) })}
            />
            <CaptureDateField
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
                <CheckboxPicker
                  label={t("form.onDuty")}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.memberIds?.message}
                  groups={[
                    {
                      key: teamId,
                      options: (team?.members ?? []).map((m) => ({
                        value: m.id,
                        label: m.role ? `${m.fullName} (${m.role})` : m.fullName,
                      })),
                    },
                  ]}
                />
              )}
            />
            <FigureInput
              label={t("form.incidents")}
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
            <SaveButton label={fixing ? t("form.resubmit") : t("form.save")} loading={isSubmitting} />
          </Stack>
        </form>
      )}
    </CaptureLayout>
  );
}
