import "../../locales/register-console";
import "../../locales/register-privacy";
import { SimpleGrid, Stack, Tabs } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Fact } from "../../components/fact";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime, formatNumber } from "../../lib/format";
import { overviewQuery } from "./api";
import { BreachesTab } from "./breaches-tab";
import { ConsentTab, RegisterTab } from "./register-tab";
import { RequestsTab } from "./requests-tab";
import { RestrictionsTab } from "./restrictions-tab";

/**
 * The data-protection officer's page: the open clocks (requests due in 72 hours, breach notices
 * due 72 hours after detection), then requests, breaches, the register and the consent texts.
 */
export function PrivacyPage() {
  const { t } = useTranslation("privacy");
  usePageTitle(t("title"));
  const overview = useQuery(overviewQuery());
  return (
    <Stack gap="lg">
      <PageHeader title={t("title")} intro={t("intro")} />
      <QueryState query={overview}>
        {(o) => (
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} component="dl" m={0}>
            <Fact label={t("clocks.openRequests")}>{formatNumber(o.openRequests)}</Fact>
            <Fact label={t("clocks.overdueRequests")}>
              <span style={o.overdueRequests ? { color: "var(--mantine-color-red-9)" } : undefined}>
                {formatNumber(o.overdueRequests)}
              </span>
            </Fact>
            <Fact label={t("clocks.openBreaches")}>{formatNumber(o.openBreaches)}</Fact>
            <Fact label={t("clocks.overdueBreaches")}>
              <span style={o.overdueBreaches ? { color: "var(--mantine-color-red-9)" } : undefined}>
                {formatNumber(o.overdueBreaches)}
              </span>
            </Fact>
            <Fact label={t("clocks.nextDue")}>
              {o.nextDueAt ? formatDateTime(o.nextDueAt) : t("clocks.none")}
            </Fact>
            <Fact label={t("clocks.restricted")}>{formatNumber(o.restrictedRecords)}</Fact>
          </SimpleGrid>
        )}
      </QueryState>
      <Tabs defaultValue="requests" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="requests">{t("tabs.requests")}</Tabs.Tab>
          <Tabs.Tab value="breaches">{t("tabs.breaches")}</Tabs.Tab>
          {overview.data?.can.restrictions && (
            <Tabs.Tab value="restrictions">{t("tabs.restrictions")}</Tabs.Tab>
          )}
          <Tabs.Tab value="register">{t("tabs.register")}</Tabs.Tab>
          <Tabs.Tab value="consent">{t("tabs.consent")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="requests" pt="md">
          <RequestsTab />
        </Tabs.Panel>
        <Tabs.Panel value="breaches" pt="md">
          <BreachesTab />
        </Tabs.Panel>
        {overview.data?.can.restrictions && (
          <Tabs.Panel value="restrictions" pt="md">
            <RestrictionsTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="register" pt="md">
          <RegisterTab />
        </Tabs.Panel>
        <Tabs.Panel value="consent" pt="md">
          <ConsentTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
