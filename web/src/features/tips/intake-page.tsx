import "../../locales/register-intake";
import { Alert, Button, FileInput, Group, Loader, Paper, Stack, Text, Title } from "@mantine/core";
import {
  TIP_CATEGORIES,
  TIP_CATEGORY_LABELS,
  todayInVietnam,
  type RecordTipIntakeResult,
  type TipIntakeOptions,
} from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../components/anchor-link";
import { ActionForm } from "../../components/action-form";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatTime } from "../../lib/format";
import { useCurrentUser } from "../../lib/use-session";
import { intakeOptionsQuery, recordTipIntake } from "./intake-api";

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve((r.result as string).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(new Error("read"));
    r.readAsDataURL(file);
  });
}

/**
 * "Tiếp nhận tin báo": police and Front/association cadres record a crime report received in
 * person, by phone, by letter or passed on (CPC 2015 Art. 145–146). What the form offers (units,
 * channels) comes from the server; after saving, the receipt code and secret are shown to print.
 */
export function TipIntakePage() {
  const { t } = useTranslation("intake");
  usePageTitle(t("intake.title"));
  const options = useQuery(intakeOptionsQuery);
  const [result, setResult] = useState<RecordTipIntakeResult | null>(null);
  const [formKey, setFormKey] = useState(0);
  return (
    <Stack gap="md" maw={720}>
      <PageHeader title={t("intake.title")} intro={t("intake.intro")} />
      <Text size="sm" c="dimmed">
        {t("intake.basis")}
      </Text>
      {options.isError && <ErrorAlert error={options.error} />}
      {options.isPending && <Loader size="sm" />}
      {options.data && !options.data.can.record && <Alert color="gray">{t("intake.notAllowed")}</Alert>}
      {options.data?.can.record &&
        (result ? (
          <ReceiptSlip
            result={result}
            police={options.data.channels.length > 1}
            onAnother={() => {
              setResult(null);
              setFormKey((k) => k + 1);
            }}
          />
        ) : (
          <IntakeForm key={formKey} options={options.data} onDone={setResult} />
        ))}
    </Stack>
  );
}

function IntakeForm({
  options,
  onDone,
}: {
  options: TipIntakeOptions;
  onDone: (r: RecordTipIntakeResult) => void;
}) {
  const { t, i18n } = useTranslation("intake");
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const qc = useQueryClient();
  const user = useCurrentUser();
  const [file, setFile] = useState<File | null>(null);
  const cadreOnly = options.channels.length === 1 && options.channels[0] === "cadre";
  const yesNo = [
    { value: "no", label: t("intake.no") },
    { value: "yes", label: t("intake.yes") },
  ];
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {cadreOnly && <Text size="sm">{t("intake.cadreIntro")}</Text>}
        <FileInput
          label={t("intake.signedRecord")}
          accept="image/jpeg,image/png,image/webp,application/pdf"
          value={file}
          onChange={setFile}
          clearable
        />
        <ActionForm
          submitLabel={t("intake.save")}
          fields={[
            {
              name: "channel",
              label: t("intake.channel"),
              kind: "select",
              required: true,
              options: options.channels.map((c) => ({ value: c, label: t(`intake.channels.${c}`) })),
            },
            {
              name: "orgUnitId",
              label: t("intake.unit"),
              kind: "select",
              required: true,
              options: options.units.map((u) => ({ value: u.id, label: u.name })),
            },
            { name: "receivedDate", label: t("intake.receivedDate"), kind: "date", required: true },
            {
              name: "receivedAt",
              label: t("intake.receivedTime"),
              required: true,
              initial: formatTime(new Date()),
            },
            { name: "receivedPlace", label: t("intake.receivedPlace") },
            {
              name: "receiverName",
              label: t("intake.receiverName"),
              required: true,
              initial: user.displayName,
            },
            { name: "receiverPosition", label: t("intake.receiverPosition") },
            ...(cadreOnly
              ? []
              : [
                  { name: "passedOnByName", label: t("intake.passedOnByName") },
                  { name: "passedOnByOrganisation", label: t("intake.passedOnByOrganisation") },
                ]),
            {
              name: "identity",
              label: t("intake.identity"),
              kind: "select",
              required: true,
              options: [
                { value: "named", label: t("intake.named") },
                { value: "anonymous", label: t("intake.anonymous") },
              ],
            },
            { name: "reporterName", label: t("intake.reporterName") },
            { name: "reporterBirthYear", label: t("intake.reporterBirthYear"), kind: "number" },
            { name: "reporterAddress", label: t("intake.reporterAddress") },
            { name: "reporterIdentityNumber", label: t("intake.reporterIdentityNumber") },
            { name: "reporterPhone", label: t("intake.reporterPhone") },
            {
              name: "confidentialityRequested",
              label: t("intake.confidentiality"),
              description: t("intake.confidentialityBasis"),
              kind: "select",
              options: yesNo,
            },
            {
              name: "category",
              label: t("intake.category"),
              kind: "select",
              required: true,
              options: TIP_CATEGORIES.map((c) => ({ value: c, label: TIP_CATEGORY_LABELS[c][lang] })),
            },
            { name: "description", label: t("intake.description"), kind: "textarea", required: true },
            { name: "place", label: t("intake.place") },
            { name: "occurredOn", label: t("intake.occurredOn"), kind: "date", initial: "" },
            { name: "occurredTime", label: t("intake.occurredTime") },
          ]}
          extra={({ receivedDate, receivedAt, identity, confidentialityRequested, ...b }) => ({
            ...b,
            // The date typed dd/mm/yyyy (already ISO here) and the time "9:05" → "2026-12-03T09:05".
            receivedAt: `${typeof receivedDate === "string" ? receivedDate : todayInVietnam()}T${
              typeof receivedAt === "string" ? receivedAt.replace(/^(\d):/, "0$1:") : ""
            }`,
            anonymous: identity === "anonymous",
            confidentialityRequested: confidentialityRequested === "yes",
          })}
          onSubmit={async (body) =>
            recordTipIntake(
              file
                ? { ...body, signedRecord: { filename: file.name, contentBase64: await toBase64(file) } }
                : body,
            )
          }
          onDone={(r) => {
            void qc.invalidateQueries({ queryKey: ["tips"] });
            onDone(r as RecordTipIntakeResult);
          }}
        />
      </Stack>
    </Paper>
  );
}

/** The printed slip: the receipt code and the secret (shown once), as a web tip's receipt. */
function ReceiptSlip({
  result,
  police,
  onAnother,
}: {
  result: RecordTipIntakeResult;
  police: boolean;
  onAnother: () => void;
}) {
  const { t } = useTranslation("intake");
  return (
    <Paper withBorder p="md" aria-labelledby="receipt-title">
      <Stack gap="sm">
        <Alert color="green" title={t("intake.saved")} />
        <Title order={2} size="h3" id="receipt-title">
          {t("intake.receiptTitle")}
        </Title>
        <Text size="sm">{t("intake.receiptIntro")}</Text>
        <div>
          <Text size="sm" c="dimmed">
            {t("intake.receiptCode")}
          </Text>
          <Text ff="monospace" fw={700} fz={28} data-testid="receipt-code">
            {result.code}
          </Text>
        </div>
        <div>
          <Text size="sm" c="dimmed">
            {t("intake.receiptSecret")}
          </Text>
          <Text ff="monospace" fw={700} fz={20} style={{ wordBreak: "break-all" }}>
            {result.secret}
          </Text>
        </div>
        <Text size="sm">
          {t("intake.receivedOn")}: {formatDate(result.receivedOn)} · {t("intake.routedTo")}:{" "}
          {result.routedTo}
        </Text>
        <Text size="xs" c="dimmed">
          {t("intake.basis")}
        </Text>
        <Group className="no-print">
          <Button onClick={() => window.print()}>{t("intake.print")}</Button>
          <Button variant="default" onClick={onAnother}>
            {t("intake.another")}
          </Button>
          {police && <AnchorLink to="/tin-bao">{t("intake.openInbox")}</AnchorLink>}
        </Group>
      </Stack>
    </Paper>
  );
}
