import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from "@mantine/core";
import {
  DISCIPLINE_EVENT_KINDS,
  DISCIPLINE_LEVELS,
  DISQUALIFYING_EVENT_KINDS,
  EVENT_SEVERITIES,
  type DisciplineLevel,
  RecordDisqualifyingEventBodySchema,
  type DisqualifyingEventKind,
  type EventSeverity,
} from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "../../components/status-badge";
import { formatDate } from "../../lib/format";
import { DateField } from "../../components/date-field";
import { isoFromVn } from "../../lib/form-values";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { eventsQuery } from "./api";
import { useCertWrite, WriteError } from "./form-kit";
import { CERTIFIED_KINDS } from "./register-form";

const isDiscipline = (k: DisqualifyingEventKind) => (DISCIPLINE_EVENT_KINDS as readonly string[]).includes(k);
/** A form of discipline in the reader's language (the list and its sources live in contracts). */
export const levelLabel = (code: DisciplineLevel, language: string) => {
  const l = DISCIPLINE_LEVELS.find((x) => x.code === code);
  return l ? (language.startsWith("en") ? l.labelEn : l.labelVi) : code;
};

/** The register of disqualifying events under a unit, with a form for those who record them. */
export function EventsSection({ unitId }: { unitId: string | null }) {
  const { t, i18n } = useTranslation("certification");
  const query = useQuery(eventsQuery(unitId ?? undefined));
  const items = query.data?.items ?? [];
  return (
    <Section title={t("events")} id="events">
      <Stack gap="sm">
        {items.length === 0 ? (
          <Text c="dimmed">{query.isPending ? t("loading") : t("noEvents")}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((e) => (
              <Paper key={e.id} withBorder p="sm" component="li">
                <Group gap="xs" wrap="wrap">
                  <Text fw={700}>{t(`eventKinds.${e.kind}`)}</Text>
                  <StatusBadge
                    label={e.disqualifies ? t("disqualifies") : t("excused")}
                    tone={e.disqualifies ? { color: "red.9" } : { color: "gray.8", variant: "outline" }}
                  />
                </Group>
                <Text size="sm">
                  {formatDate(e.occurredOn)} · {e.orgUnitName} · {t(`severities.${e.severity}`)}
                  {e.forceMajeure ? ` · ${t("forceMajeure")}` : ""}
                  {e.reportedPromptly ? ` · ${t("reportedPromptlyShort")}` : ""}
                  {e.disciplineLevel ? ` · ${levelLabel(e.disciplineLevel, i18n.language)}` : ""}
                </Text>
                {e.basis && (
                  <Text size="sm" c="dimmed">
                    {t("basis", { basis: e.basis })}
                  </Text>
                )}
                <Text size="sm" c="dimmed" className="td-break">
                  {e.description}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
        {query.data?.can.create && <RecordEventForm initialUnitId={unitId} />}
      </Stack>
    </Section>
  );
}

function RecordEventForm({ initialUnitId }: { initialUnitId: string | null }) {
  const { t, i18n } = useTranslation("certification");
  const [unitId, setUnitId] = useState<string | null>(initialUnitId);
  const [kind, setKind] = useState<DisqualifyingEventKind>("serious_crime");
  const [severity, setSeverity] = useState<EventSeverity>("serious");
  const [occurredOn, setOccurredOn] = useState("");
  const [forceMajeure, setForceMajeure] = useState(false);
  const [reportedPromptly, setReportedPromptly] = useState(false);
  const [disciplineLevel, setDisciplineLevel] = useState<DisciplineLevel | "">("");
  const [description, setDescription] = useState("");
  const { submit, issues, mutation } = useCertWrite(
    "/certification/disqualifying-events",
    RecordDisqualifyingEventBodySchema,
    () => setDescription(""),
  );
  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      noValidate
      aria-labelledby="record-event-title"
      onSubmit={(e) => {
        e.preventDefault();
        submit({
          orgUnitId: unitId ?? "",
          kind,
          severity,
          occurredOn: isoFromVn(occurredOn),
          forceMajeure,
          reportedPromptly,
          ...(isDiscipline(kind) && disciplineLevel ? { disciplineLevel } : {}),
          description,
        });
      }}
    >
      <Stack gap="sm">
        <Text fw={700} id="record-event-title">
          {t("recordEvent")}
        </Text>
        <WriteError error={mutation.error} issues={issues} />
        <UnitField
          label={t("eventUnit")}
          value={unitId}
          onChange={setUnitId}
          required
          kinds={CERTIFIED_KINDS}
          error={issues.orgUnitId}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t("eventKind")}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as DisqualifyingEventKind)}
            data={DISQUALIFYING_EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKinds.${k}`) }))}
          />
          <NativeSelect
            label={t("severity")}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value as EventSeverity)}
            data={EVENT_SEVERITIES.map((k) => ({ value: k, label: t(`severities.${k}`) }))}
          />
          <DateField
            label={t("occurredOn")}
            required
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.currentTarget.value)}
            error={issues.occurredOn}
          />
        </SimpleGrid>
        {isDiscipline(kind) && (
          <NativeSelect
            label={t("disciplineLevel")}
            description={t("disciplineLevelHint")}
            required
            value={disciplineLevel}
            onChange={(e) => setDisciplineLevel(e.currentTarget.value as DisciplineLevel)}
            error={issues.disciplineLevel}
            data={[
              { value: "", label: t("choose") },
              ...DISCIPLINE_LEVELS.map((l) => ({
                value: l.code,
                label: i18n.language.startsWith("en") ? l.labelEn : l.labelVi,
              })),
            ]}
          />
        )}
        <Text size="sm" c="dimmed">
          {t("forceMajeureRule")}
        </Text>
        <Checkbox
          label={t("forceMajeure")}
          checked={forceMajeure}
          onChange={(e) => setForceMajeure(e.currentTarget.checked)}
        />
        <Checkbox
          label={t("reportedPromptly")}
          checked={reportedPromptly}
          onChange={(e) => setReportedPromptly(e.currentTarget.checked)}
        />
        <Textarea
          label={t("description")}
          required
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={issues.description}
          autosize
          minRows={2}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t("recordEvent")}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
