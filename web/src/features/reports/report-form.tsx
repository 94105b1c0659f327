import { Button, Group, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { UpdateReportBodySchema, type Report, type UpdateReportBody } from "@toandan/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { indicatorName, indicatorsQuery } from "../../api/indicators";
import { ErrorAlert } from "../../components/error-alert";
import { formatDate } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { Fact } from "../../components/fact";
import { formSchema } from "../../lib/form-values";
import { Section } from "../../components/section";
import { linesOf } from "./api";
import { MapIndicatorField } from "./map-indicator-field";
import { useReportUpdated } from "./report-dialogs";

type FormValues = {
  number: string;
  subject: string;
  recipients: string;
  signerTitle: string;
  signerName: string;
  sections: { key: string; title: string; text: string }[];
  /** An indicator code, or empty for no map. */
  mapIndicator: string;
};

const valuesOf = (r: Report): FormValues => ({
  number: r.number ?? "",
  subject: r.subject,
  recipients: r.recipients.join("\n"),
  signerTitle: r.signerTitle,
  signerName: r.signerName,
  sections: r.sections.map((s) => ({ ...s })),
  mapIndicator: r.mapIndicator ?? "",
});

const toBody = (v: FormValues): unknown => ({
  number: v.number,
  subject: v.subject,
  recipients: linesOf(v.recipients),
  signerTitle: v.signerTitle,
  signerName: v.signerName,
  sections: v.sections,
  mapIndicator: v.mapIndicator || null,
});

/** Header facts set at creation (not editable): issuing body, symbol, place, date. */
export function FixedFacts({ report }: { report: Report }) {
  const { t } = useTranslation("reports");
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" component="dl" m={0}>
      <Fact label={t("compose.issuingBody")}>
        {report.issuingBody}
        {report.parentBody ? ` (${report.parentBody})` : ""}
      </Fact>
      <Fact label={t("compose.symbol")}>{report.symbol}</Fact>
      <Fact label={t("compose.place")}>{report.place}</Fact>
      <Fact label={t("compose.issuedOn")}>{formatDate(report.issuedOn)}</Fact>
    </SimpleGrid>
  );
}

/** The report as it stands, for those who may not edit it (or once it is sent). */
export function ReportText({ report }: { report: Report }) {
  const { t, i18n } = useTranslation("reports");
  const indicators = useQuery(indicatorsQuery).data?.items;
  const { t: tc } = useTranslation("console");
  return (
    <>
      <Section title={t("report.header")} id="header">
        <Stack gap="sm">
          <FixedFacts report={report} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
            <Fact label={t("compose.number")}>{report.number || tc("common.none")}</Fact>
            <Fact label={t("compose.subject")}>{report.subject}</Fact>
            <Fact label={t("compose.signerTitle")}>{report.signerTitle}</Fact>
            <Fact label={t("compose.signerName")}>{report.signerName}</Fact>
            <Fact label={t("compose.recipients")}>{report.recipients.join("; ") || tc("common.none")}</Fact>
            {report.mapLevel && (
              <Fact label={t("compose.map")}>
                {report.mapIndicator
                  ? indicatorName(indicators, report.mapIndicator, i18n.language)
                  : t("compose.mapOff")}
              </Fact>
            )}
          </SimpleGrid>
        </Stack>
      </Section>
      <Section title={t("report.sections")} id="sections">
        <Stack gap="md">
          {report.sections.map((s) => (
            <div key={s.key}>
              <Title order={3} size="h5" className="td-break">
                {s.title}
              </Title>
              <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
                {s.text || tc("common.none")}
              </Text>
            </div>
          ))}
        </Stack>
      </Section>
    </>
  );
}

/**
 * The editable header and narrative of a draft or returned report. "Send" saves unsaved changes
 * first, so nothing typed is lost.
 */
export function ReportEditForm({ report }: { report: Report }) {
  const { t } = useTranslation("reports");
  const { t: tp } = useTranslation();
  const updated = useReportUpdated();
  const [saved, setSaved] = useState(false);
  const resolver = useMemo(
    () => contractResolver(formSchema<FormValues, UpdateReportBody>(toBody, UpdateReportBodySchema), tp),
    [tp],
  );
  const form = useForm<FormValues, unknown, UpdateReportBody>({ resolver, defaultValues: valuesOf(report) });
  const { errors, isDirty } = form.formState;
  const fields = [
    "number",
    "subject",
    "signerTitle",
    "signerName",
    "mapIndicator",
    ...report.sections.map((_, i) => `sections.${i}.text` as const),
  ] as const;
  const placeIssues = (e: unknown) => applyApiIssues(e, fields, form.setError);
  const save = useMutation({
    mutationFn: (body: UpdateReportBody) => api<Report>(`/reports/${report.id}`, { method: "PATCH", body }),
    onSuccess: async (r) => {
      await updated(r);
      form.reset(valuesOf(r));
      setSaved(true);
    },
    onError: (e) => placeIssues(e),
  });
  const submit = useMutation({
    mutationFn: async (body: UpdateReportBody | null) => {
      if (body) await api<Report>(`/reports/${report.id}`, { method: "PATCH", body });
      return api<Report>(`/reports/${report.id}/submit`, { method: "POST" });
    },
    onSuccess: updated,
    onError: (e) => placeIssues(e),
  });
  const onSend = () => {
    setSaved(false);
    if (!isDirty) {
      submit.mutate(null);
      return;
    }
    void form.handleSubmit((body) => submit.mutate(body))();
  };
  const failure = save.error ?? submit.error;
  return (
    <form
      onSubmit={(e) => {
        setSaved(false);
        void form.handleSubmit((body) => save.mutate(body))(e);
      }}
      noValidate
    >
      <Stack gap="lg">
        <Section title={t("report.header")} id="header">
          <Stack gap="sm">
            <FixedFacts report={report} />
            <Text size="sm" c="dimmed">
              {t("report.readOnlyFacts")}
            </Text>
            <TextInput
              label={t("compose.number")}
              maw={200}
              autoComplete="off"
              error={fieldMessage(errors.number)}
              {...form.register("number")}
            />
            <Textarea
              label={t("compose.subject")}
              autosize
              minRows={2}
              error={fieldMessage(errors.subject)}
              {...form.register("subject")}
            />
            <Textarea
              label={t("compose.recipients")}
              description={t("compose.recipientsHint")}
              autosize
              minRows={3}
              {...form.register("recipients")}
            />
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <TextInput
                label={t("compose.signerTitle")}
                required
                miw={240}
                error={fieldMessage(errors.signerTitle)}
                {...form.register("signerTitle")}
              />
              <TextInput
                label={t("compose.signerName")}
                required
                miw={240}
                autoComplete="off"
                error={fieldMessage(errors.signerName)}
                {...form.register("signerName")}
              />
            </Group>
            <MapIndicatorField
              level={report.mapLevel}
              error={fieldMessage(errors.mapIndicator)}
              {...form.register("mapIndicator")}
            />
          </Stack>
        </Section>
        <Section title={t("report.sections")} id="sections">
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t("report.sectionsHint")}
            </Text>
            {report.sections.map((s, i) => (
              <Textarea
                key={s.key}
                label={s.title}
                autosize
                minRows={3}
                maxRows={20}
                error={fieldMessage(errors.sections?.[i]?.text)}
                {...form.register(`sections.${i}.text`)}
              />
            ))}
          </Stack>
        </Section>
        {failure && <ErrorAlert error={failure} />}
        <Group gap="sm" wrap="wrap">
          <Button type="submit" variant="default" loading={save.isPending}>
            {t("report.save")}
          </Button>
          <Button loading={submit.isPending} onClick={onSend}>
            {t("report.submit")}
          </Button>
          <Text size="sm" c="dimmed" role="status">
            {saved && !isDirty ? t("report.saved") : isDirty ? t("report.submitHint") : ""}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
