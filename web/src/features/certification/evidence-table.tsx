import { Table, Text } from "@mantine/core";
import type { CertificationEvidence, EvidenceVerdict } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../../components/scroll-region";
import { StatusBadge } from "../../components/status-badge";
import { formatDate, formatNumber, formatPercent } from "../../lib/format";

const COLOR: Record<EvidenceVerdict, string> = { met: "teal.9", not_met: "red.9", unknown: "gray.8" };
const RATES = new Set(["registrationRate", "childRecognisedRate"]);
const DATES = new Set(["registeredOn", "registrationDeadline"]);

export function VerdictBadge({ verdict }: { verdict: EvidenceVerdict }) {
  const { t } = useTranslation("certification");
  return (
    <StatusBadge
      label={t(`verdicts.${verdict}`)}
      tone={{ color: COLOR[verdict], variant: verdict === "unknown" ? "outline" : "filled" }}
    />
  );
}

/** Each criterion with what the records say, the system's view and the unit's own answer. */
export function EvidenceTable({ evidence }: { evidence: CertificationEvidence }) {
  const { t } = useTranslation("certification");
  const value = (key: string, v: number | string | boolean | null) => {
    if (v === null) return "—";
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if (typeof v === "number") return RATES.has(key) ? formatPercent(v) : formatNumber(v);
    if (DATES.has(key)) return formatDate(v);
    if (key === "teamRating") return t(`ratings.${v}` as "ratings.good", { defaultValue: v });
    return v;
  };
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {t("evidenceIntro")}
      </Text>
      <Text size="sm" mb="sm">
        {t("criteriaVersionLine", { version: evidence.criteriaVersion })}
        {evidence.provinceCriteriaVersion &&
          ` ${t(
            evidence.provinceCriteriaVersion.pinned ? "provinceVersionPinned" : "provinceVersionInForce",
            {
              date: formatDate(evidence.provinceCriteriaVersion.effectiveFrom),
              basis: evidence.provinceCriteriaVersion.basis,
            },
          )}`}
      </Text>
      <ScrollRegion label={t("evidence")}>
        <Table striped withTableBorder miw={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("criterion")}</Table.Th>
              <Table.Th scope="col">{t("facts")}</Table.Th>
              <Table.Th scope="col">{t("verdict")}</Table.Th>
              <Table.Th scope="col">{t("selfAssessed")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evidence.criteria.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>
                  <Text size="sm" fw={700}>
                    {c.article}
                  </Text>
                  <Text size="sm">{c.titleVi}</Text>
                  <Text size="xs" c="dimmed" mt={4}>
                    {t("basis", { basis: c.basis })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {c.facts.map((f) => (
                    <Text key={f.key} size="sm">
                      {t(`factNames.${f.key}` as "factNames.crimes", { defaultValue: f.key })}:{" "}
                      {value(f.key, f.value)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <VerdictBadge verdict={c.verdict} />
                </Table.Td>
                <Table.Td>
                  {c.selfAssessed === null ? "—" : c.selfAssessed ? t("met") : t("verdicts.not_met")}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      <Text mt="sm" fw={700}>
        {t("overall", { verdict: t(`verdicts.${evidence.overall}`) })}
      </Text>
    </>
  );
}
