import "../../locales/register-console";
import { Button, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { FilterPanel, ListPage } from "../../components/list-page";
import { ListToolbar, PagedList } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton } from "../../components/export-button";
import { currentYear } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { planListQuery } from "./api";
import { ImplementedPlansSection } from "./implemented-plans";

export function PlansPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("plans.title"));
  if (!can(user, "plan.read")) return <NotFoundContent />;
  return <Plans />;
}

const YEARS = Array.from({ length: 12 }, (_, i) => currentYear() + 2 - i);

function Plans() {
  const { t } = useTranslation("console");
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState("");
  const query = useInfiniteQuery(
    planListQuery({ orgUnitId: unitId ?? undefined, year: year ? Number(year) : undefined }),
  );

  return (
    <ListPage
      title={t("plans.title")}
      actions={
        query.data?.pages[0]?.can.create && (
          <Button component={Link} to="/ke-hoach/moi">
            {t("plans.create")}
          </Button>
        )
      }
      filters={
        <FilterPanel id="plan-filters">
          <div style={{ flex: "1 1 260px", maxWidth: 480 }}>
            <UnitField value={unitId} onChange={setUnitId} />
          </div>
          <NativeSelect
            label={t("plans.year")}
            w={{ base: "100%", xs: 180 }}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={[{ value: "", label: t("plans.anyYear") }, ...YEARS.map((y) => String(y))]}
          />
        </FilterPanel>
      }
    >
      <PagedList
        query={query}
        empty={t("plans.none")}
        toolbar={(items) => (
          <ListToolbar count={t("common.count", { n: items.length })}>
            <ExportCsvButton
              name="ke-hoach"
              header={[
                t("plans.number"),
                t("plans.titleField"),
                t("plans.issuedOn"),
                t("plans.unit"),
                t("plans.period"),
              ]}
              rows={() =>
                items.map((p) => [
                  p.number,
                  p.title,
                  formatDate(p.issuedOn),
                  p.orgUnitName,
                  `${p.periodFrom}–${p.periodTo}`,
                ])
              }
            />
          </ListToolbar>
        )}
      >
        {(items) => (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-label={t("plans.list")}
          >
            {items.map((p) => (
              <Paper key={p.id} withBorder p="sm" component="li">
                <Stack gap={4}>
                  <AnchorLink to="/ke-hoach/$id" params={{ id: p.id }} fw={700} className="td-break">
                    {p.number}
                  </AnchorLink>
                  <Text className="td-break">{p.title}</Text>
                  <Text size="sm" c="dimmed" className="td-break">
                    {t("plans.meta", {
                      unit: p.orgUnitName,
                      date: formatDate(p.issuedOn),
                      from: p.periodFrom,
                      to: p.periodTo,
                    })}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </PagedList>
      <ImplementedPlansSection year={year ? Number(year) : undefined} />
    </ListPage>
  );
}
