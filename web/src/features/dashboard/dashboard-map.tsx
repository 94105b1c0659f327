import { Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { TIPS_PER_10K, type MapArea, type MapLayerCode, type MapValues } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { lazy, Suspense, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { indicatorName, indicatorsQuery } from "../../api/indicators";
import { AnchorLink } from "../../components/anchor-link";
import { ErrorAlert } from "../../components/error-alert";
import { formatNumber, formatPercent } from "../../lib/format";
import { mapValuesQuery } from "./map-api";
import type { MapDatum } from "./map-chart";
import { classOf, mapClasses, NO_DATA_COLOUR, type MapClass, type ValueUnit } from "./map-classes";
import { PopulationPanel } from "./population-panel";

// ECharts and topojson-client load only when a map is shown (their own chunk).
const MapChart = lazy(() => import("./map-chart"));

const words = (t: ReturnType<typeof useTranslation<"reports">>["t"]): Words => ({
  suppressed: t("dashboard.map.suppressed"),
  noData: t("dashboard.status.no_data"),
  noPopulation: t("dashboard.map.noPopulationShort"),
});

type Search = { nam?: number; lop?: string };

type Words = { suppressed: string; noData: string; noPopulation: string };

function valueText(a: MapArea, unit: ValueUnit, w: Words): string {
  if (a.suppressed) return w.suppressed;
  // Per 10,000 people: a commune with no population recorded has no rate.
  if (a.population === null) return w.noPopulation;
  if (a.value === null) return w.noData;
  return unit === "rate" ? formatPercent(a.value) : formatNumber(a.value);
}

/**
 * The dashboard's map: the children of the unit coloured by the picked indicator (provinces of the
 * country, communes of a province; a commune's own outline with its residential areas listed), a
 * legend, the same figures as a table, and the boundaries' attribution.
 */
export function DashboardMap({ unitId, year, search }: { unitId: string; year: number; search: Search }) {
  const { t, i18n } = useTranslation("reports");
  const navigate = useNavigate();
  const phone = useMediaQuery("(max-width: 48em)");
  const query = useQuery(mapValuesQuery(unitId, year, search.lop));
  const registry = useQuery(indicatorsQuery).data?.items;
  const m = query.data;
  const perPeople = m?.indicator === TIPS_PER_10K;
  // A rate per 10,000 people is continuous (one decimal), like hours.
  const unit: ValueUnit = perPeople
    ? "hours"
    : (registry?.find((i) => i.code === m?.indicator)?.unit ?? "count");
  const outline = (m?.boundaries?.focus ?? null) !== null;
  const classes = useMemo(
    () =>
      m && !outline
        ? mapClasses(
            m.areas.map((a) => (a.suppressed ? null : a.value)),
            unit,
          )
        : [],
    [m, outline, unit],
  );
  // Drilling down keeps the year and, once picked, the indicator.
  const yearSearch = search.nam === undefined ? {} : { nam: search.nam };
  const data = useMemo<MapDatum[]>(() => {
    if (!m?.boundaries) return [];
    if (outline) {
      return [{ code: m.boundaries.focus!, name: m.orgUnitName, colour: "#c7e9b4", text: m.orgUnitName }];
    }
    return m.areas
      .filter((a) => a.code !== null)
      .map((a) => ({
        code: a.code!,
        name: a.name,
        colour: a.suppressed ? NO_DATA_COLOUR : (classOf(classes, a.value)?.colour ?? NO_DATA_COLOUR),
        text: valueText(a, unit, words(t)),
        drillTo: a.orgUnitId,
      }));
  }, [m, outline, classes, unit, t]);

  const name = (code: MapLayerCode) =>
    code === TIPS_PER_10K ? t("dashboard.map.tipsPer10k") : indicatorName(registry, code, i18n.language);
  const setIndicator = (lop: string) =>
    void navigate({ to: ".", search: (prev: Search) => ({ ...prev, lop }), replace: true });

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dashboard-map">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h3" id="dashboard-map">
            {outline ? t("dashboard.map.outlineTitle") : t("dashboard.map.title")}
          </Title>
          {m && (
            <NativeSelect
              label={t("dashboard.map.indicator")}
              w={{ base: "100%", sm: 360 }}
              value={m.indicator}
              onChange={(e) => setIndicator(e.currentTarget.value)}
              data={m.indicators.map((c) => ({ value: c, label: name(c) }))}
            />
          )}
        </Group>
        {query.isPending && <Loader size="sm" aria-label={t("dashboard.map.title")} />}
        {query.isError && <ErrorAlert error={query.error} />}
        {m && (
          <SimpleGrid cols={{ base: 1, md: m.boundaries ? 2 : 1 }} spacing="md">
            {m.boundaries && (
              <Stack gap={4}>
                <Suspense fallback={<Loader size="sm" aria-label={t("dashboard.map.title")} />}>
                  <MapChart
                    boundaries={m.boundaries}
                    data={data}
                    height={phone ? 340 : 460}
                    label={t(outline ? "dashboard.map.outlineLabel" : "dashboard.map.label", {
                      unit: m.orgUnitName,
                      indicator: name(m.indicator),
                    })}
                    onOpen={(d) =>
                      void navigate({
                        to: "/bang-dieu-khien/$unitId",
                        params: { unitId: d.drillTo! },
                        search: { ...yearSearch, ...(search.lop ? { lop: search.lop } : {}) },
                      })
                    }
                  />
                </Suspense>
                {!outline && (
                  <Legend
                    classes={classes}
                    hasGaps={m.areas.some((a) => a.value === null && a.population !== null)}
                    withoutPopulation={m.withoutPopulation ?? 0}
                  />
                )}
                <Text size="xs" c="dimmed" data-testid="map-attribution">
                  {m.attribution}
                </Text>
              </Stack>
            )}
            <Stack gap="md">
              <MapTable
                map={m}
                unit={unit}
                linkSearch={{ ...yearSearch, ...(search.lop ? { lop: search.lop } : {}) }}
                indicatorName={name(m.indicator)}
              />
              {m.orgUnitKind === "commune" && m.boundaries !== null && (
                <PopulationPanel unitId={m.orgUnitId} />
              )}
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function Legend({
  classes,
  hasGaps,
  withoutPopulation,
}: {
  classes: MapClass[];
  hasGaps: boolean;
  withoutPopulation: number;
}) {
  const { t } = useTranslation("reports");
  const items = [
    ...classes.map((c) => ({ colour: c.colour, label: c.label })),
    ...(hasGaps ? [{ colour: NO_DATA_COLOUR, label: t("dashboard.map.noData") }] : []),
    ...(withoutPopulation > 0
      ? [
          {
            colour: NO_DATA_COLOUR,
            label: t("dashboard.map.noPopulation", { n: formatNumber(withoutPopulation) }),
          },
        ]
      : []),
  ];
  return (
    <ul
      aria-label={t("dashboard.map.legend")}
      data-testid="map-legend"
      style={{ display: "flex", flexWrap: "wrap", gap: "4px 12px", listStyle: "none", margin: 0, padding: 0 }}
    >
      {items.map((c) => (
        <li key={c.label} style={{ display: "flex", alignItems: "center", gap: 6, fontSize: 13 }}>
          <span
            aria-hidden
            style={{
              width: 18,
              height: 12,
              background: c.colour,
              border: "1px solid #666",
              display: "inline-block",
            }}
          />
          {c.label}
        </li>
      ))}
    </ul>
  );
}

function MapTable({
  map,
  unit,
  linkSearch,
  indicatorName: label,
}: {
  map: MapValues;
  unit: ValueUnit;
  linkSearch: Search;
  indicatorName: string;
}) {
  const { t } = useTranslation("reports");
  const perPeople = map.indicator === TIPS_PER_10K;
  if (map.areas.length === 0) return <Text>{t("dashboard.none")}</Text>;
  const caption =
    (map.boundaries?.focus ?? null) !== null
      ? t("dashboard.map.localUnits")
      : t("dashboard.map.tableCaption");
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label={caption}
      style={{ maxHeight: 520, overflow: "auto" }}
      data-testid="map-table"
    >
      <Table striped stickyHeader>
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("dashboard.unit")}</Table.Th>
            {perPeople && <Table.Th ta="right">{t("dashboard.population.population")}</Table.Th>}
            <Table.Th ta="right">{label}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.areas.map((a) => (
            <Table.Tr key={a.orgUnitId}>
              <Table.Td className="td-break">
                <AnchorLink
                  to="/bang-dieu-khien/$unitId"
                  params={{ unitId: a.orgUnitId }}
                  search={linkSearch}
                >
                  {a.name}
                </AnchorLink>
              </Table.Td>
              {perPeople && <Table.Td ta="right">{a.population ? formatNumber(a.population) : "—"}</Table.Td>}
              <Table.Td ta="right">{valueText(a, unit, words(t))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
