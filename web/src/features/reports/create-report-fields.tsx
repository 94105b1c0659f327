import { Fieldset, Group, Stack, Textarea, TextInput } from "@mantine/core";
import type { CreateReportBody } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useWatch, type useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/date-field";
import { formatDate } from "../../lib/format";
import { isoFromVn } from "../../lib/form-values";
import { fieldMessage } from "../../lib/forms";
import { defaultCutOff, nextNumberQuery, periodEndOf } from "./api";

export type FormValues = {
  template: string;
  orgUnitId: string;
  year: string;
  half: string;
  planId: string;
  periodFrom: string;
  periodTo: string;
  /** dd/mm/yyyy; empty: the period's end, or today when the period has not ended. */
  cutOff: string;
  issuingBody: string;
  parentBody: string;
  number: string;
  symbol: string;
  place: string;
  issuedOn: string;
  subject: string;
  recipients: string;
  signerTitle: string;
  signerName: string;
  /** An indicator code, or empty for no map. */
  mapIndicator: string;
};

type Form = ReturnType<typeof useForm<FormValues, unknown, CreateReportBody>>;

/** "Số liệu tính đến ngày": empty for the default, which the hint names for the chosen period. */
export function CutOffField({ form }: { form: Form }) {
  const { t } = useTranslation("reports");
  const [template, year, half, periodTo] = useWatch({
    control: form.control,
    name: ["template", "year", "half", "periodTo"],
  });
  const iso = isoFromVn(periodTo);
  const end = periodEndOf(template, Number(year), half, typeof iso === "string" ? iso : undefined);
  return (
    <DateField
      label={t("compose.cutOff")}
      description={
        end ? t("compose.cutOffDefault", { date: formatDate(defaultCutOff(end)) }) : t("compose.cutOffHint")
      }
      miw={160}
      error={fieldMessage(form.formState.errors.cutOff)}
      {...form.register("cutOff")}
    />
  );
}

/**
 * The number field, filled with the next number of the issuing body's sequence for the year of
 * issue (until the user types their own).
 */
function NumberField({ form }: { form: Form }) {
  const { t } = useTranslation("reports");
  const [orgUnitId, issuingBody, issuedOn] = useWatch({
    control: form.control,
    name: ["orgUnitId", "issuingBody", "issuedOn"],
  });
  const issued = isoFromVn(issuedOn);
  const year = typeof issued === "string" ? Number(issued.slice(0, 4)) : NaN;
  const next = useQuery(nextNumberQuery(orgUnitId, issuingBody, year)).data?.number;
  const touched = form.formState.dirtyFields.number;
  useEffect(() => {
    if (next && !touched) form.setValue("number", next);
  }, [next, touched, form]);
  return (
    <TextInput
      label={t("compose.number")}
      description={t("compose.numberHint")}
      miw={100}
      inputMode="numeric"
      autoComplete="off"
      error={fieldMessage(form.formState.errors.number)}
      {...form.register("number")}
    />
  );
}

export function HeaderFields({ form }: { form: Form }) {
  const { t } = useTranslation("reports");
  const { errors } = form.formState;
  return (
    <Fieldset legend={t("compose.header")}>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <TextInput
            label={t("compose.issuingBody")}
            required
            miw={240}
            error={fieldMessage(errors.issuingBody)}
            {...form.register("issuingBody")}
          />
          <TextInput
            label={t("compose.parentBody")}
            miw={240}
            error={fieldMessage(errors.parentBody)}
            {...form.register("parentBody")}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <NumberField form={form} />
          <TextInput
            label={t("compose.symbol")}
            description={t("compose.symbolHint")}
            required
            miw={160}
            autoComplete="off"
            error={fieldMessage(errors.symbol)}
            {...form.register("symbol")}
          />
          <TextInput
            label={t("compose.place")}
            description={t("compose.placeHint")}
            required
            miw={160}
            error={fieldMessage(errors.place)}
            {...form.register("place")}
          />
          <DateField
            label={t("compose.issuedOn")}
            required
            miw={160}
            error={fieldMessage(errors.issuedOn)}
            {...form.register("issuedOn")}
          />
        </Group>
        <Textarea
          label={t("compose.subject")}
          description={t("compose.subjectHint")}
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
          error={fieldMessage(errors.recipients)}
          {...form.register("recipients")}
        />
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <TextInput
            label={t("compose.signerTitle")}
            description={t("compose.signerTitleHint")}
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
      </Stack>
    </Fieldset>
  );
}
