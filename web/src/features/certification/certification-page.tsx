import "../../locales/register-console";
import { Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import {
  CERTIFICATION_HISTORY_YEARS,
  CERTIFICATION_STATUSES,
  type CertificationCycle,
} from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { usePageTitle } from "../../components/use-page-title";
import { formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { currentYear, defaultUnitId } from "../../lib/scope";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { cyclesQuery, overviewQuery } from "./api";
import { CriteriaAdminLink } from "./criteria-page";
import { EventsSection } from "./events-section";
import { HistorySection } from "./history-section";
import { RegisterForm } from "./register-form";
import { CycleStatusBadge, DeadlineText } from "./status";

export function CertificationPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("certification");
  usePageTitle(t("title"));
  if (!can(user, "certification.read")) return <NotFoundContent />;
  return <Certification />;
}

/** From next year back to the first year with recorded results (the overview reads them). */
const YEARS = Array.from(
  { length: currentYear() + 2 - CERTIFICATION_HISTORY_YEARS.from },
  (_, i) => currentYear() + 1 - i,
);
/** The yearly cycles (Circular 124/2021) start with 2022; earlier years are recorded results only. */
const FIRST_CYCLE_YEAR = 2022;

function CycleCard({ cycle }: { cycle: CertificationCycle }) {
  const { t } = useTranslation("certification");
  return (
    <Paper withBorder p="sm" component="li">
      <Group gap="xs" wrap="wrap">
        <AnchorLink to="/chung-nhan/$id" params={{ id: cycle.id }} fw={700} className="td-break">
          {cycle.orgUnitName} — {cycle.year}
        </AnchorLink>
        <CycleStatusBadge status={cycle.status} />
        <Text size="sm" c="dimmed">
          {t(`unitType.${cycle.unitType}`)}
        </Text>
      </Group>
      <DeadlineText cycle={cycle} />
    </Paper>
  );
}

function CycleList({ items, empty }: { items: CertificationCycle[]; empty: string }) {
  if (items.length === 0) return <Text c="dimmed">{empty}</Text>;
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
      {items.map((c) => (
        <CycleCard key={c.id} cycle={c} />
      ))}
    </Stack>
  );
}

function Certification() {
  const { t } = useTranslation("certification");
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [year, setYear] = useState(currentYear());
  const withCycles = year >= FIRST_CYCLE_YEAR;
  const cycles = useQuery({ ...cyclesQuery({ orgUnitId: unitId ?? undefined, year }), enabled: withCycles });
  const overview = useQuery({ ...overviewQuery(unitId ?? "", year), enabled: Boolean(unitId) });
  const o = overview.data;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("title")}</Title>
        <Text c="dimmed" mt="xs">
          {t("intro")}
        </Text>
        <CriteriaAdminLink />
      </div>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UnitField label={t("unit")} value={unitId} onChange={setUnitId} allowFormer />
          <NativeSelect
            label={t("year")}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={YEARS.map(String)}
          />
        </SimpleGrid>
      </Paper>

      {o && (
        <Section title={t("overview", { year })} id="overview">
          <Stack gap="md">
            <Group gap="md" wrap="wrap" aria-label={t("byStatus")}>
              {CERTIFICATION_STATUSES.map((s) => (
                <Text key={s} size="sm">
                  {t(`status.${s}`)}: <strong>{formatNumber(o.byStatus[s] ?? 0)}</strong>
                </Text>
              ))}
            </Group>
            <div>
              <Title order={3} size="h4" mb="xs">
                {t("overdue")} ({formatNumber(o.overdue.length)})
              </Title>
              <CycleList items={o.overdue} empty={t("noneOverdue")} />
            </div>
            <div>
              <Title order={3} size="h4" mb="xs">
                {t("notRegistered")} ({formatNumber(o.notRegistered.length)})
              </Title>
              {o.notRegistered.length === 0 ? (
                <Text c="dimmed">{t("noneNotRegistered")}</Text>
              ) : (
                <Stack component="ul" gap={4} pl="md" m={0}>
                  {o.notRegistered.map((u) => (
                    <li key={u.orgUnitId}>
                      {u.name}{" "}
                      <Text span size="sm" c="dimmed">
                        ({t(`unitType.${u.unitType}`)})
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
            </div>
          </Stack>
        </Section>
      )}

      <Section title={t("cycles")} id="cycles">
        {!withCycles ? (
          <Text c="dimmed">{t("noCyclesBefore", { year: FIRST_CYCLE_YEAR })}</Text>
        ) : cycles.isPending ? (
          <Text c="dimmed">{t("loading")}</Text>
        ) : (
          <CycleList items={cycles.data?.items ?? []} empty={t("noCycles")} />
        )}
      </Section>

      {withCycles && cycles.data?.can.create && (
        <Section title={t("register")} id="register">
          <RegisterForm year={year} initialUnitId={unitId} />
        </Section>
      )}

      <EventsSection unitId={unitId} />

      <HistorySection unitId={unitId} />
    </Stack>
  );
}
