import "../../locales/register-console";
import { Alert, Badge, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { type Commitment, type HouseholdDetail } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ScrollRegion } from "../../components/scroll-region";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { Fact } from "../../components/fact";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { householdQuery } from "./api";
import { CommitmentForm } from "./commitment-form";
import { SafeFamilyList } from "./safe-family-list";
import { ScanCell } from "./scan-cell";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function HouseholdPage() {
  const { id } = useParams({ from: "/console/ho-gia-dinh/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  const valid = UUID.test(id) && can(user, "household.read");
  const query = useQuery({ ...householdQuery(id), enabled: valid });
  usePageTitle(query.data ? t("household.heading", { name: query.data.headName }) : t("households.title"));
  if (!valid || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/ho-gia-dinh" size="sm">
        {t("households.back")}
      </AnchorLink>
      <QueryState query={query}>{(h) => <HouseholdView household={h} />}</QueryState>
    </Stack>
  );
}

function HouseholdView({ household: h }: { household: HouseholdDetail }) {
  const { t } = useTranslation("console");
  const { t: ts } = useTranslation("safeFamilies");
  const user = useCurrentUser();
  const [recorded, setRecorded] = useState<number | null>(null);
  const commitments = [...h.commitments].sort((a, b) => b.year - a.year);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} className="td-break">
          {t("household.heading", { name: h.headName })}
        </Title>
        <Group gap="xs">
          {h.movedOutOn && (
            <Badge variant="outline" color="gray.7" radius="sm" style={{ textTransform: "none" }}>
              {t("households.movedOut", { date: formatDate(h.movedOutOn) })}
            </Badge>
          )}
        </Group>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="dl" m={0}>
        <Fact label={t("households.address")}>{h.address}</Fact>
        <Fact label={t("households.area")}>{h.orgUnitName}</Fact>
        <Fact label={t("households.codeLabel")}>{h.code ?? t("common.none")}</Fact>
        <Fact label={t("households.members")}>{formatNumber(h.members)}</Fact>
        <Fact label={t("households.memberOrgs")}>
          {h.memberOrgs.map((k) => t(`bodies.${k}`)).join(", ") || t("common.none")}
        </Fact>
      </SimpleGrid>
      {recorded !== null && (
        <Alert color="green" variant="outline" role="status">
          {t("household.recorded", { year: recorded })}
        </Alert>
      )}
      <Section title={t("household.commitments")} id="commitments">
        {commitments.length === 0 ? (
          <Text c="dimmed">{t("household.noCommitments")}</Text>
        ) : (
          <ScrollRegion label={t("household.commitments")}>
            <Table striped miw={420} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("household.year")}</Table.Th>
                  <Table.Th scope="col">{t("household.signedOn")}</Table.Th>
                  <Table.Th scope="col">{t("household.formVersion")}</Table.Th>
                  <Table.Th scope="col">{t("household.hasScan")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {commitments.map((c: Commitment) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.year}</Table.Td>
                    <Table.Td>{formatDate(c.signedOn)}</Table.Td>
                    <Table.Td className="td-break">{c.formVersion}</Table.Td>
                    <Table.Td>
                      <ScanCell householdId={h.id} commitment={c} canManage={can(user, "household.manage")} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
        )}
      </Section>
      <Section title={ts("safeFamilies.title")} id="safe-families">
        <SafeFamilyList items={h.safeFamilies} canManage={can(user, "household.manage")} />
      </Section>
      {can(user, "household.manage") && !h.movedOutOn && (
        <Section title={t("household.record")} id="record-commitment">
          <CommitmentForm household={h} onDone={setRecorded} />
        </Section>
      )}
    </Stack>
  );
}
