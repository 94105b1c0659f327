import "../../locales/register-intake";
import { Text } from "@mantine/core";
import type { TipDetail } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";

/** How the tip reached the police and, for one recorded by staff, its intake record (CPC Art. 146). */
export function IntakeRecord({ tip }: { tip: TipDetail }) {
  const { t } = useTranslation("intake");
  const r = tip.intake;
  const [date, time] = r ? r.receivedAt.split("T") : [];
  return (
    <>
      <Text mt="xs">
        <Text span fw={600}>
          {t("intake.channel")}:
        </Text>{" "}
        {t(`intake.channels.${tip.channel}`)}
      </Text>
      {r && (
        <>
          <Text size="sm">
            {t("intake.receivedDate")}: {formatDate(date)} {time}
            {r.receivedPlace ? ` · ${t("intake.receivedPlace")}: ${r.receivedPlace}` : ""}
          </Text>
          <Text size="sm">
            {t("intake.receiverName")}: {r.receiverName}
            {r.receiverPosition ? ` (${r.receiverPosition})` : ""}
            {r.passedOnByName
              ? ` · ${t("intake.passedOnByName")}: ${r.passedOnByName}${r.passedOnByOrganisation ? ` (${r.passedOnByOrganisation})` : ""}`
              : ""}
          </Text>
          <Text size="sm">
            {r.anonymous ? t("intake.anonymous") : t("intake.named")}
            {r.confidentialityRequested
              ? ` · ${t("intake.confidentiality")} (${t("intake.confidentialityBasis")})`
              : ""}
            {r.signedRecordN ? ` · ${t("intake.signedRecord").split(" (")[0]}: ${r.signedRecordN}` : ""}
          </Text>
          <Text size="xs" c="dimmed">
            {t("intake.basis")}
          </Text>
        </>
      )}
    </>
  );
}
