import "../../locales/register-console";
import { Alert, Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import {
  CreateReportBodySchema,
  REPORT_TEMPLATES,
  type CreateReportBody,
  type CurrentUser,
  type Report,
  todayInVietnam,
} from "@toandan/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { TFunction } from "i18next";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { can, canAt } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { DateField } from "../../components/date-field";
import { blankToUndefined, formSchema, isoFromVn, numberFrom } from "../../lib/form-values";
import { currentYear } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { linesOf, planChoicesQuery } from "./api";
import { CutOffField, HeaderFields, type FormValues } from "./create-report-fields";
import { MapIndicatorField } from "./map-indicator-field";

/** The fields that show their own error (a server issue of the body lands on one of them). */
const FIELDS = [
  "orgUnitId",
  "year",
  "half",
  "periodFrom",
  "periodTo",
  "cutOff",
  "issuingBody",
  "parentBody",
  "number",
  "symbol",
  "place",
  "issuedOn",
  "subject",
  "recipients",
  "signerTitle",
  "signerName",
  "mapIndicator",
] as const;

function toBody(v: FormValues): unknown {
  const planReview = v.template === "plan_review";
  return {
    orgUnitId: v.orgUnitId,
    template: v.template,
    year: numberFrom(v.year),
    half: v.template === "six_month" ? numberFrom(v.half) : undefined,
    periodFrom: planReview ? isoFromVn(v.periodFrom) : undefined,
    periodTo: planReview ? isoFromVn(v.periodTo) : undefined,
    planId: planReview ? blankToUndefined(v.planId) : undefined,
    cutOff: blankToUndefined(isoFromVn(v.cutOff)),
    issuingBody: v.issuingBody,
    parentBody: blankToUndefined(v.parentBody),
    number: blankToUndefined(v.number),
    symbol: v.symbol,
    place: v.place,
    issuedOn: isoFromVn(v.issuedOn),
    subject: blankToUndefined(v.subject),
    recipients: linesOf(v.recipients),
    signerTitle: v.signerTitle,
    signerName: v.signerName,
    mapIndicator: blankToUndefined(v.mapIndicator),
  };
}

/** The user's first unit where they compose reports, with the issuing body's name in the official style. */
function defaults(user: CurrentUser, t: TFunction<"reports">): FormValues {
  const role = user.roles.find((r) => canAt(user, "report.manage", [r.orgUnitId])) ?? user.roles[0];
  // A residential area's Front work is done by its Ban Công tác Mặt trận, not a Front committee.
  const issuingBody =
    role?.body === "front" && role.role === "residential_area_cadre"
      ? t("compose.areaFrontBody", { unit: role.orgUnitName })
      : role?.body === "front"
        ? t("compose.frontBody", { unit: role.orgUnitName })
        : role?.body === "police"
          ? t("compose.policeBody", { unit: role.orgUnitName })
          : "";
  const month = Number(todayInVietnam().slice(5, 7));
  return {
    template: "six_month",
    orgUnitId: role?.orgUnitId ?? "",
    year: String(currentYear()),
    half: month <= 6 ? "1" : "2",
    planId: "",
    periodFrom: "",
    periodTo: "",
    cutOff: "",
    issuingBody,
    parentBody: "",
    number: "",
    symbol: role?.body === "police" ? "BC-CA" : role?.body === "front" ? "BC-MTTQ" : "",
    place: "",
    issuedOn: formatDate(todayInVietnam()),
    subject: "",
    recipients: "",
    signerTitle: "",
    signerName: "",
    mapIndicator: "",
  };
}

export function CreateReportPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("reports");
  usePageTitle(t("compose.title"));
  if (!can(user, "report.manage")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <AnchorLink to="/bao-cao" size="sm">
        {t("compose.back")}
      </AnchorLink>
      <Title order={1}>{t("compose.title")}</Title>
      <Text>{t("compose.intro")}</Text>
      <CreateReportForm />
    </Stack>
  );
}

function CreateReportForm() {
  const { t } = useTranslation("reports");
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const resolver = useMemo(
    () =>
      contractResolver(formSchema<FormValues, CreateReportBody>(toBody, CreateReportBodySchema), tp, {
        half: { custom: t("compose.halfRequired") },
        periodTo: { custom: t("compose.periodOrder") },
      }),
    [t, tp],
  );
  const form = useForm<FormValues, unknown, CreateReportBody>({ resolver, defaultValues: defaults(user, t) });
  const { errors } = form.formState;
  const template = useWatch({ control: form.control, name: "template" });
  const planId = useWatch({ control: form.control, name: "planId" });
  const plans = useInfiniteQuery({
    ...planChoicesQuery,
    enabled: template === "plan_review" && can(user, "plan.read"),
  });
  const planItems = plans.data?.pages.flatMap((p) => p.items) ?? [];

  const mutation = useMutation({
    mutationFn: (body: CreateReportBody) => api<Report>("/reports", { method: "POST", body }),
    onSuccess: async (report) => {
      await queryClient.invalidateQueries({ queryKey: ["reports"] });
      queryClient.setQueryData(["report", report.id], report);
      await navigate({ to: "/bao-cao/$id", params: { id: report.id } });
    },
    onError: (e) => applyApiIssues(e, FIELDS, form.setError),
  });
  const hasErrors = Object.keys(errors).length > 0;

  const pickPlan = (id: string) => {
    form.setValue("planId", id);
    const plan = planItems.find((p) => p.id === id);
    if (!plan) return;
    const lastYear = Math.min(plan.periodTo, currentYear());
    form.setValue("periodFrom", `01/01/${plan.periodFrom}`);
    form.setValue("periodTo", `31/12/${lastYear}`);
    form.setValue("year", String(lastYear));
    if (!form.getValues("subject")) {
      form.setValue("subject", t("compose.planSubject", { number: plan.number }));
    }
  };

  return (
    <form onSubmit={(e) => void form.handleSubmit((v) => mutation.mutate(v))(e)} noValidate>
      <Stack gap="md">
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        {hasErrors && (
          <Alert color="red" variant="outline" role="alert">
            {tp("errors.validation_failed")}
          </Alert>
        )}
        <Fieldset legend={t("compose.what")}>
          <Stack gap="sm">
            <NativeSelect
              label={t("compose.template")}
              required
              data={REPORT_TEMPLATES.map((k) => ({ value: k, label: t(`reports.templates.${k}`) }))}
              {...form.register("template")}
            />
            <Controller
              control={form.control}
              name="orgUnitId"
              render={({ field }) => (
                <UnitField
                  label={t("compose.unit")}
                  required
                  kinds={["country", "province", "commune"]}
                  value={field.value || null}
                  onChange={(id) => field.onChange(id ?? "")}
                  error={fieldMessage(errors.orgUnitId)}
                />
              )}
            />
            <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
              <TextInput
                label={t("compose.year")}
                required
                inputMode="numeric"
                miw={120}
                error={fieldMessage(errors.year)}
                {...form.register("year")}
              />
              {template === "six_month" && (
                <NativeSelect
                  label={t("compose.half")}
                  required
                  miw={200}
                  data={(["1", "2"] as const).map((h) => ({ value: h, label: t(`compose.halves.${h}`) }))}
                  error={fieldMessage(errors.half)}
                  {...form.register("half")}
                />
              )}
            </Group>
            {template === "plan_review" && (
              <>
                <NativeSelect
                  label={t("compose.plan")}
                  description={t("compose.planHint")}
                  data={[
                    { value: "", label: t("compose.planNone") },
                    ...planItems.map((p) => ({ value: p.id, label: `${p.number} — ${p.title}` })),
                  ]}
                  value={planId}
                  onChange={(e) => pickPlan(e.currentTarget.value)}
                />
                <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
                  <DateField
                    label={t("compose.periodFrom")}
                    required
                    miw={160}
                    error={fieldMessage(errors.periodFrom)}
                    {...form.register("periodFrom")}
                  />
                  <DateField
                    label={t("compose.periodTo")}
                    required
                    miw={160}
                    error={fieldMessage(errors.periodTo)}
                    {...form.register("periodTo")}
                  />
                </Group>
              </>
            )}
            <CutOffField form={form} />
            <MapIndicatorField error={fieldMessage(errors.mapIndicator)} {...form.register("mapIndicator")} />
          </Stack>
        </Fieldset>
        <HeaderFields form={form} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t("compose.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
