import "../../locales/register-console";
import { Alert, Button, Group, Loader, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton } from "../../components/export-button";
import { currentYear } from "../../lib/scope";
import { UnitField } from "../../components/unit-field";
import { planListQuery } from "./api";

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
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState("");
  const query = useInfiniteQuery(
    planListQuery({ orgUnitId: unitId ?? undefined, year: year ? Number(year) : undefined }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t("plans.title")}</Title>
        {can(user, "plan.manage") && (
          <Button component={Link} to="/ke-hoach/moi">
            {t("plans.create")}
          </Button>
        )}
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
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
      </Group>
      {query.isPending ? (
        <Loader aria-label={t("common.loading")} />
      ) : query.isError ? (
        <Alert color="red" variant="outline" role="alert">
          {errorText(tp, query.error)}
        </Alert>
      ) : items.length === 0 ? (
        <Text c="dimmed">{t("plans.none")}</Text>
      ) : (
        <>
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" role="status">
              {t("common.count", { n: items.length })}
            </Text>
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
          </Group>
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
        </>
      )}
      {query.hasNextPage && (
        <div>
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </div>
      )}
    </Stack>
  );
}
