import "../../locales/register-console";
import { Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import {
  GROUP_STATUSES,
  type Group as TeamOrModel,
  type GroupCategory,
  type GroupStatus,
  type GroupTotals,
  type GroupType,
  type OrgUnit,
} from "@toandan/contracts";
import { useInfiniteQuery, useQuery, type UseQueryResult } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { FilterPanel, ListPage, ListSection } from "../../components/list-page";
import { ListToolbar, PagedList } from "../../components/paged-list";
import { ScrollRegion } from "../../components/scroll-region";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber, parseVnDate } from "../../lib/format";
import { DateField } from "../../components/date-field";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton, ExportXlsxLink } from "../../components/export-button";
import { QueryState } from "../../components/query-state";
import { defaultUnitId } from "../../lib/scope";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { groupListQuery, groupTotalsQuery, groupTypesQuery, staleGroupsQuery, typeName } from "./api";
import { CreateGroupForm } from "./create-group-form";
import { GroupStatusBadge } from "./status-badge";

export function GroupsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("groups.title"));
  if (!can(user, "group.read")) return <NotFoundContent />;
  return <Groups />;
}

function Groups() {
  const { t, i18n } = useTranslation("console");
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [category, setCategory] = useState<GroupCategory | "">("");
  const [typeCode, setTypeCode] = useState("");
  const [status, setStatus] = useState<GroupStatus | "">("");
  const [creating, setCreating] = useState(false);
  const types = useQuery(groupTypesQuery).data?.items ?? [];
  const listFilters = {
    orgUnitId: unitId ?? undefined,
    category: category || undefined,
    typeCode: typeCode || undefined,
    status: status || undefined,
  };
  const query = useInfiniteQuery(groupListQuery(listFilters));
  const nameOf = (g: Pick<TeamOrModel, "typeCode" | "typeName">) =>
    typeName(types, g.typeCode, g.typeName, i18n.language);
  const shownTypes = types.filter((x) => !category || x.category === category);

  return (
    <ListPage
      title={t("groups.title")}
      actions={
        query.data?.pages[0]?.can.create &&
        types.length > 0 && <Button onClick={() => setCreating(true)}>{t("groups.create")}</Button>
      }
      filters={
        <FilterPanel id="group-filters" title={t("groups.filters")}>
          <UnitField value={unitId} onChange={setUnitId} onUnit={setUnit} allowFormer />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NativeSelect
              label={t("groups.category")}
              value={category}
              onChange={(e) => {
                setCategory(e.currentTarget.value as GroupCategory | "");
                setTypeCode("");
              }}
              data={[
                { value: "", label: t("common.all") },
                { value: "team", label: t("groupCategories.team") },
                { value: "model", label: t("groupCategories.model") },
              ]}
            />
            <NativeSelect
              label={t("groups.type")}
              value={typeCode}
              onChange={(e) => setTypeCode(e.currentTarget.value)}
              data={[
                { value: "", label: t("common.all") },
                ...shownTypes.map((x) => ({
                  value: x.code,
                  label: nameOf({ typeCode: x.code, typeName: x.nameVi }),
                })),
              ]}
            />
            <NativeSelect
              label={t("groups.status")}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value as GroupStatus | "")}
              data={[
                { value: "", label: t("common.all") },
                ...GROUP_STATUSES.map((s) => ({ value: s, label: t(`groupStatuses.${s}`) })),
              ]}
            />
          </SimpleGrid>
        </FilterPanel>
      }
    >
      <ListSection
        title={t("groups.list")}
        id="group-list"
        query={query}
        empty={t("groups.none")}
        toolbar={(items) => (
          <ListToolbar count={t("common.count", { n: formatNumber(items.length) })}>
            <ExportCsvButton
              name="to-mo-hinh"
              header={[
                t("groups.name"),
                t("groups.category"),
                t("groups.type"),
                t("groups.unit"),
                t("groups.foundedOn"),
                t("groups.status"),
              ]}
              rows={() =>
                items.map((g) => [
                  g.name,
                  t(`groupCategories.${g.category}`),
                  nameOf(g),
                  g.orgUnitName,
                  formatDate(g.foundedOn),
                  t(`groupStatuses.${g.status}`),
                ])
              }
            />
            <ExportXlsxLink path="/groups" query={listFilters} />
          </ListToolbar>
        )}
      >
        {(items) => (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((g) => (
              <Paper key={g.id} withBorder p="sm" component="li">
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    <AnchorLink to="/to-mo-hinh/$id" params={{ id: g.id }} fw={700} className="td-break">
                      {g.name}
                    </AnchorLink>
                    <GroupStatusBadge status={g.status} />
                  </Group>
                  <Text size="sm" className="td-break">
                    {t(`groupCategories.${g.category}`)} · {nameOf(g)}
                  </Text>
                  <Text size="sm" c="dimmed" className="td-break">
                    {t("groups.meta", { unit: g.orgUnitName, date: formatDate(g.foundedOn) })}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </ListSection>

      {unitId && (
        <Section title={t("groups.totals")} id="group-totals">
          <Totals
            key={`${unitId}|${unit?.validTo ?? ""}`}
            unitId={unitId}
            types={types}
            formerUntil={unit?.id === unitId ? (unit.validTo ?? undefined) : undefined}
          />
        </Section>
      )}

      <Section title={t("groups.staleTitle")} id="stale-groups">
        <StaleGroups unitId={unitId ?? undefined} nameOf={nameOf} />
      </Section>

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("groups.create")}
        size="lg"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <CreateGroupForm
          types={types}
          onCancel={() => setCreating(false)}
          onCreated={(g) => {
            setCreating(false);
            void navigate({ to: "/to-mo-hinh/$id", params: { id: g.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}

/** A former unit's totals are asked on a date it existed (typed; by default its last day). */
function Totals({
  unitId,
  types,
  formerUntil,
}: {
  unitId: string;
  types: GroupType[];
  formerUntil?: string;
}) {
  const { t } = useTranslation("console");
  const [text, setText] = useState(formatDate(formerUntil));
  const at = formerUntil ? (parseVnDate(text) ?? formerUntil) : undefined;
  const query = useQuery(groupTotalsQuery(unitId, at));
  return (
    <Stack gap="sm">
      {formerUntil && (
        <DateField
          label={t("groups.totalsOn")}
          w={{ base: "100%", xs: 200 }}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
      )}
      <TotalsTable query={query} types={types} />
    </Stack>
  );
}

function TotalsTable({ query, types }: { query: UseQueryResult<GroupTotals>; types: GroupType[] }) {
  const { t, i18n } = useTranslation("console");
  return (
    <QueryState query={query}>
      {(data) => {
        const rows = data.items.map((x) => [
          t(`groupCategories.${x.category}`),
          typeName(types, x.typeCode, x.typeName, i18n.language),
          formatNumber(x.groups),
          formatNumber(x.members),
        ]);
        return (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed">
                {t("groups.totalsAt", { date: formatDate(data.at) })}
              </Text>
              <ExportCsvButton
                name="tong-hop-to-mo-hinh"
                header={[t("groups.category"), t("groups.type"), t("groups.count"), t("groups.members")]}
                rows={() => [
                  ...rows,
                  [t("groups.total"), "", formatNumber(data.total.groups), formatNumber(data.total.members)],
                ]}
              />
            </Group>
            <ScrollRegion label={t("groups.totals")}>
              <Table striped miw={520} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("groups.type")}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("groups.count")}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t("groups.members")}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((x, i) => (
                    <Table.Tr key={x.typeCode}>
                      <Table.Th scope="row" fw={500} className="td-break">
                        {rows[i]?.[1]} ({rows[i]?.[0]})
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(x.groups)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(x.members)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={700}>
                    <Table.Th scope="row">{t("groups.total")}</Table.Th>
                    <Table.Td ta="right">{formatNumber(data.total.groups)}</Table.Td>
                    <Table.Td ta="right">{formatNumber(data.total.members)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Stack>
        );
      }}
    </QueryState>
  );
}

function StaleGroups({
  unitId,
  nameOf,
}: {
  unitId?: string;
  nameOf: (g: Pick<TeamOrModel, "typeCode" | "typeName">) => string;
}) {
  const { t } = useTranslation("console");
  const query = useInfiniteQuery(staleGroupsQuery(unitId));
  const never = t("groups.never");
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("groups.staleIntro")}
      </Text>
      <PagedList
        query={query}
        empty={t("groups.staleNone")}
        toolbar={(items) => (
          <div>
            <ExportCsvButton
              name="mo-hinh-khong-hoat-dong"
              header={[
                t("groups.name"),
                t("groups.type"),
                t("groups.unit"),
                t("groups.lastEvaluated"),
                t("groups.lastActivity"),
              ]}
              rows={() =>
                items.map((g) => [
                  g.name,
                  nameOf(g),
                  g.orgUnitName,
                  formatDate(g.lastEvaluatedOn) || never,
                  formatDate(g.lastActivityOn) || never,
                ])
              }
            />
          </div>
        )}
      >
        {(items) => (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((g) => (
              <Paper key={g.id} withBorder p="sm" component="li">
                <AnchorLink to="/to-mo-hinh/$id" params={{ id: g.id }} fw={600} className="td-break">
                  {g.name}
                </AnchorLink>
                <Text size="sm" className="td-break">
                  {nameOf(g)} · {g.orgUnitName}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("groups.staleMeta", {
                    evaluated: formatDate(g.lastEvaluatedOn) || never,
                    activity: formatDate(g.lastActivityOn) || never,
                  })}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </PagedList>
    </Stack>
  );
}
