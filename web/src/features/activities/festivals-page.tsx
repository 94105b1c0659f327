import "../../locales/register-console";
import "../../locales/register-festivals";
import { Badge, Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { type Festival, type FestivalOverview, todayInVietnam } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { Fact } from "../../components/fact";
import { ListPage } from "../../components/list-page";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { defaultUnitId } from "../../lib/scope";
import { useCurrentUser } from "../../lib/use-session";
import { CreateFestivalForm, EditFestivalForm, HeldFestivalForm } from "./festival-forms";
import { festivalListQuery, festivalOverviewQuery } from "./festivals-api";

const FIRST_YEAR = 2005;

/** The festival day 19/8 of a year in a unit's subtree: the overview by level, then each unit's festival. */
export function FestivalsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("festivals");
  usePageTitle(t("festivals.title"));
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [year, setYear] = useState(thisYear);
  const [dialog, setDialog] = useState<
    { kind: "create" } | { kind: "held"; festival: Festival } | { kind: "edit"; festival: Festival } | null
  >(null);
  const qc = useQueryClient();
  const list = useQuery({ ...festivalListQuery(unitId ?? "", year), enabled: Boolean(unitId) });
  const overview = useQuery({ ...festivalOverviewQuery(unitId ?? "", year), enabled: Boolean(unitId) });
  if (!can(user, "activity.read")) return <NotFoundContent />;
  const years = Array.from({ length: Math.min(8, thisYear - FIRST_YEAR + 2) }, (_, i) => thisYear + 1 - i);
  const done = () => {
    setDialog(null);
    void qc.invalidateQueries({ queryKey: ["festivals"] });
  };
  return (
    <ListPage
      title={t("festivals.title")}
      intro={t("festivals.basis")}
      actions={
        list.data?.can.create && (
          <Button onClick={() => setDialog({ kind: "create" })}>{t("festivals.create")}</Button>
        )
      }
      filters={
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <UnitField value={unitId} onChange={setUnitId} />
          <NativeSelect
            label={t("festivals.year")}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data={years.map((y) => String(y))}
          />
        </SimpleGrid>
      }
    >
      {unitId && (
        <Section title={t("festivals.overview", { year })} id="festival-overview">
          <QueryState query={overview}>{(o) => <Overview overview={o} />}</QueryState>
        </Section>
      )}
      {unitId && (
        <Section title={t("festivals.list")} id="festival-list">
          <QueryState query={list}>
            {(l) =>
              l.items.length === 0 ? (
                <Text c="dimmed">{t("festivals.none")}</Text>
              ) : (
                <Stack gap="sm">
                  {l.items.map((f) => (
                    <FestivalCard
                      key={f.id}
                      festival={f}
                      onHeld={() => setDialog({ kind: "held", festival: f })}
                      onEdit={() => setDialog({ kind: "edit", festival: f })}
                    />
                  ))}
                </Stack>
              )
            }
          </QueryState>
        </Section>
      )}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === "held"
            ? t("festivals.recordHeld")
            : dialog?.kind === "edit"
              ? t("festivals.edit")
              : t("festivals.create")
        }
        size="lg"
      >
        {dialog?.kind === "create" && <CreateFestivalForm unitId={unitId} year={year} onDone={done} />}
        {dialog?.kind === "held" && <HeldFestivalForm festival={dialog.festival} onDone={done} />}
        {dialog?.kind === "edit" && <EditFestivalForm festival={dialog.festival} onDone={done} />}
      </Modal>
    </ListPage>
  );
}

function Overview({ overview }: { overview: FestivalOverview }) {
  const { t } = useTranslation("festivals");
  const { t: tc } = useTranslation("console");
  const o = overview.totals;
  type Row = FestivalOverview["byLevel"][number];
  const columns: Column<Row>[] = [
    { key: "level", header: t("festivals.level"), cell: (r) => tc(`festivalLevels.${r.level}`) },
    { key: "planned", header: t("festivals.planned"), numeric: true, cell: (r) => formatNumber(r.planned) },
    { key: "held", header: t("festivals.held"), numeric: true, cell: (r) => formatNumber(r.held) },
    {
      key: "attendees",
      header: t("festivals.attendees"),
      numeric: true,
      cell: (r) => formatNumber(r.attendees),
    },
    { key: "awards", header: t("festivals.awards"), numeric: true, cell: (r) => formatNumber(r.awards) },
  ];
  const levels = overview.byLevel.filter((r) => r.planned > 0);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" component="dl" m={0}>
        <Fact label={t("festivals.planned")}>{formatNumber(o.planned)}</Fact>
        <Fact label={t("festivals.held")}>{formatNumber(o.held)}</Fact>
        <Fact label={t("festivals.attendees")}>{formatNumber(o.attendees)}</Fact>
        <Fact label={t("festivals.gifts")}>{formatNumber(o.gifts)}</Fact>
        <Fact label={t("festivals.giftValue")}>{formatNumber(o.giftValue)}</Fact>
        <Fact label={t("festivals.awards")}>{formatNumber(o.awards)}</Fact>
      </SimpleGrid>
      {levels.length > 0 && (
        <DataTable label={t("festivals.byLevel")} columns={columns} rows={levels} rowKey={(r) => r.level} />
      )}
    </Stack>
  );
}

function FestivalCard({
  festival: f,
  onHeld,
  onEdit,
}: {
  festival: Festival;
  onHeld: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation("festivals");
  const { t: tc } = useTranslation("console");
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Text fw={600} className="td-break">
            {f.orgUnitName}
          </Text>
          <Group gap={4}>
            <Badge variant="light">{tc(`festivalLevels.${f.level}`)}</Badge>
            {f.showcase && <Badge variant="outline">{t("festivals.showcase")}</Badge>}
            <Badge color={f.heldOn ? "green" : "gray"} variant="light">
              {f.heldOn ? t("festivals.held") : t("festivals.notHeld")}
            </Badge>
          </Group>
        </Group>
        <Text size="sm">
          {f.heldOn
            ? t("festivals.heldStatus", { date: formatDate(f.heldOn) })
            : f.planDate && t("festivals.plannedStatus", { date: formatDate(f.planDate) })}
        </Text>
        {f.venues.length > 0 && (
          <Text size="sm" className="td-break">
            {t("festivals.venues")}: {f.venues.join("; ")}
          </Text>
        )}
        <Text size="sm" c="dimmed" className="td-break">
          {t("festivals.organizers")}: {f.organizers.map((o) => o.name).join(", ")}
        </Text>
        {f.ceremonyContent && (
          <Text size="sm" className="td-break" style={{ whiteSpace: "pre-wrap" }}>
            <b>{t("festivals.ceremony")}:</b> {f.ceremonyContent}
          </Text>
        )}
        {f.festivalContent && (
          <Text size="sm" className="td-break" style={{ whiteSpace: "pre-wrap" }}>
            <b>{t("festivals.festival")}:</b> {f.festivalContent}
          </Text>
        )}
        {f.heldOn && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="dl" m={0}>
            <Fact label={t("festivals.attendees")}>{formatNumber(f.attendees)}</Fact>
            <Fact label={t("festivals.gifts")}>{formatNumber(f.gifts)}</Fact>
            <Fact label={t("festivals.giftValue")}>{formatNumber(f.giftValue)}</Fact>
            <Fact label={t("festivals.awards")}>{formatNumber(f.awards)}</Fact>
          </SimpleGrid>
        )}
        <Group gap="xs" wrap="wrap">
          {f.activityId && (
            <AnchorLink to="/hoat-dong/$id" params={{ id: f.activityId }}>
              {t("festivals.linkedActivity")}
            </AnchorLink>
          )}
          {f.can.edit && (
            <>
              <Button size="xs" onClick={onHeld}>
                {t("festivals.recordHeld")}
              </Button>
              <Button size="xs" variant="default" onClick={onEdit}>
                {t("festivals.edit")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
