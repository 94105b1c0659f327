import "../../locales/register-console";
import { NativeSelect, SegmentedControl, Select, Stack, Text, TextInput } from "@mantine/core";
import { todayInVietnam } from "@toandan/contracts";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/date-field";
import { formatDate, parseVnDate } from "../../lib/format";
import { CaptureLayout, NoReference, SaveButton } from "./capture-layout";
import { useCapture } from "./use-capture";

type Values = { teamId: string; fullName: string; role: string; date: string; memberId: string };

/** A member joins or leaves one of the area's teams or models. */
export function RosterCapturePage() {
  const { t } = useTranslation("capture");
  const { reference, save } = useCapture();
  const ref = reference.data;
  const [mode, setMode] = useState<"join" | "leave">("join");
  const [saved, setSaved] = useState(false);
  const blank = (): Values => ({
    teamId: ref?.teams[0]?.id ?? "",
    fullName: "",
    role: "",
    date: formatDate(todayInVietnam()),
    memberId: "",
  });
  const form = useForm<Values>({ defaultValues: blank() });
  const { errors, isSubmitting } = form.formState;
  const required = t("form.required");
  // The reference data may arrive after the form opened: the first team until one is chosen.
  const teamId = form.watch("teamId") || ref?.teams[0]?.id || "";
  const team = ref?.teams.find((x) => x.id === teamId);

  const onSubmit = async (values: Values) => {
    const v = { ...values, teamId };
    const date = parseVnDate(v.date)!;
    const teamName = team?.name ?? "";
    if (mode === "join") {
      const fullName = v.fullName.trim();
      await save([
        {
          kind: "memberJoin",
          method: "POST",
          path: `/groups/${v.teamId}/members`,
          body: { fullName, joinedOn: date, ...(v.role.trim() ? { role: v.role.trim() } : {}) },
          summary: `${fullName} → ${teamName} · ${v.date}`,
        },
      ]);
    } else {
      const member = team?.members.find((m) => m.id === v.memberId);
      await save([
        {
          kind: "memberLeave",
          method: "POST",
          path: `/groups/${v.teamId}/members/${v.memberId}/leave`,
          body: { leftOn: date },
          summary: `${member?.fullName ?? ""} ← ${teamName} · ${v.date}`,
        },
      ]);
    }
    setSaved(true);
  };

  return (
    <CaptureLayout
      title={t("hub.roster")}
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
              {...form.register("teamId")}
            />
            <SegmentedControl
              size="md"
              fullWidth
              value={mode}
              onChange={(m) => setMode(m)}
              data={[
                { value: "join", label: t("form.join") },
                { value: "leave", label: t("form.leave") },
              ]}
            />
            {mode === "join" ? (
              <>
                <TextInput
                  size="md"
                  label={t("form.fullName")}
                  required
                  error={errors.fullName?.message}
                  {...form.register("fullName", {
                    validate: (x) => mode !== "join" || x.trim() !== "" || required,
                  })}
                />
                <TextInput size="md" label={t("form.role")} {...form.register("role")} />
              </>
            ) : (
              <Select
                size="md"
                label={t("form.member")}
                required
                searchable
                data={(team?.members ?? []).map((m) => ({ value: m.id, label: m.fullName }))}
                value={form.watch("memberId") || null}
                onChange={(id) => form.setValue("memberId", id ?? "", { shouldValidate: true })}
                error={errors.memberId?.message}
              />
            )}
            <input
              type="hidden"
              {...form.register("memberId", { validate: (x) => mode !== "leave" || x !== "" || required })}
            />
            <DateField
              size="md"
              label={mode === "join" ? t("form.joinedOn") : t("form.leftOn")}
              required
              error={errors.date?.message}
              {...form.register("date", { validate: (x) => parseVnDate(x) !== null || required })}
            />
            <SaveButton label={t("form.save")} loading={isSubmitting} />
          </Stack>
        </form>
      )}
    </CaptureLayout>
  );
}
