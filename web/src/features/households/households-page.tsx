import "../../locales/register-console";
import { Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { LIMITS, type Household } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { FilterPanel, ListPage, ListSection } from "../../components/list-page";
import { ListToolbar } from "../../components/paged-list";
import { StatusBadge } from "../../components/status-badge";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton, ExportXlsxLink } from "../../components/export-button";
import { currentYear, defaultUnitId } from "../../lib/scope";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { householdListQuery } from "./api";
import { CoveragePanel, CoverageSummary } from "./coverage-panel";
import { CreateHouseholdForm } from "./create-household-form";
import { ImportHouseholdsForm } from "./import-households-form";
import { SafeFamilyReview } from "./safe-family-review";

export function HouseholdsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("households.title"));
  if (!can(user, "household.read")) return <NotFoundContent />;
  return <Households />;
}

const YEARS = Array.from({ length: 8 }, (_, i) => currentYear() + 1 - i);

function Households() {
  const { t } = useTranslation("console");
  const { t: ts } = useTranslation("safeFamilies");
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(defaultUnitId(user));
  const [text, setText] = useState("");
  const [q] = useDebouncedValue(text.trim().slice(0, LIMITS.searchMax), 300);
  const [year, setYear] = useState(currentYear());
  const [signed, setSigned] = useState<"" | "true" | "false">("");
  const [creating, setCreating] = useState(false);
  const listFilters = {
    orgUnitId: unitId ?? undefined,
    q: q || undefined,
    signedYear: signed ? year : undefined,
    signed: signed || undefined,
  };
  const query = useInfiniteQuery(householdListQuery(listFilters));
  const manage = can(user, "household.manage");
  const ownArea = user.roles.find((r) => r.orgUnitKind === "residential_area")?.orgUnitId ?? null;

  return (
    <ListPage
      title={t("households.title")}
      actions={manage && <Button onClick={() => setCreating(true)}>{t("households.create")}</Button>}
      filters={
        <FilterPanel id="household-filters" title={t("households.filters")}>
          <UnitField value={unitId} onChange={setUnitId} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              type="search"
              label={t("households.search")}
              placeholder={t("households.searchPlaceholder")}
              value={text}
              maxLength={LIMITS.searchMax}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <NativeSelect
              label={t("households.year")}
              value={String(year)}
              onChange={(e) => setYear(Number(e.currentTarget.value))}
              data={YEARS.map((y) => String(y))}
            />
            <NativeSelect
              label={t("households.signedFilter")}
              value={signed}
              onChange={(e) => setSigned(e.currentTarget.value as "" | "true" | "false")}
              data={[
                { value: "", label: t("common.all") },
                { value: "true", label: t("households.signedYes", { year }) },
                { value: "false", label: t("households.signedNo", { year }) },
              ]}
            />
          </SimpleGrid>
        </FilterPanel>
      }
    >
      {unitId && <CoverageSummary unitId={unitId} year={year} detailsId="coverage" />}
      <ListSection
        title={t("households.list")}
        id="household-list"
        query={query}
        empty={t("households.none")}
        toolbar={(items) => (
          <ListToolbar count={t("common.count", { n: formatNumber(items.length) })}>
            <ExportCsvButton
              name="ho-gia-dinh"
              header={[
                t("households.codeLabel"),
                t("households.headName"),
                t("households.address"),
                t("households.members"),
                t("households.memberOrgs"),
                t("households.area"),
                t("households.lastSignedYear"),
                t("households.movedOutOn"),
              ]}
              rows={() =>
                items.map((h) => [
                  h.code ?? "",
                  h.headName,
                  h.address,
                  formatNumber(h.members),
                  h.memberOrgs.map((k) => t(`bodies.${k}`)).join("; "),
                  h.orgUnitName,
                  h.lastSignedYear ?? "",
                  formatDate(h.movedOutOn),
                ])
              }
            />
            <ExportXlsxLink path="/households" query={listFilters} />
          </ListToolbar>
        )}
      >
        {(items) => (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {items.map((h) => (
              <HouseholdCard key={h.id} household={h} year={year} />
            ))}
          </Stack>
        )}
      </ListSection>

      {unitId && (
        <Section title={t("coverage.title", { year })} id="coverage">
          <CoveragePanel unitId={unitId} year={year} />
        </Section>
      )}

      {unitId && (
        <Section title={ts("safeFamilies.reviewTitle", { year })} id="safe-family-review">
          <SafeFamilyReview unitId={unitId} year={year} canManage={manage} />
        </Section>
      )}

      {manage && (
        <Section title={t("importHouseholds.title")} id="import-households">
          <ImportHouseholdsForm initialUnitId={ownArea} />
        </Section>
      )}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("households.create")}
        size="lg"
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <CreateHouseholdForm
          unitId={ownArea}
          onCancel={() => setCreating(false)}
          onCreated={(h) => {
            setCreating(false);
            void navigate({ to: "/ho-gia-dinh/$id", params: { id: h.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}

/** A household: its head, code, whether it signed the commitment of `year`, its address. */
function HouseholdCard({ household: h, year }: { household: Household; year: number }) {
  const { t } = useTranslation("console");
  const signedText =
    h.lastSignedYear === null
      ? t("households.neverSigned")
      : t("households.lastSigned", { year: h.lastSignedYear });
  return (
    <Paper withBorder p="sm" component="li">
      <Group gap="xs" wrap="wrap">
        <AnchorLink to="/ho-gia-dinh/$id" params={{ id: h.id }} fw={700} className="td-break">
          {h.headName}
        </AnchorLink>
        {h.code && (
          <Text size="sm" c="dimmed">
            {t("households.codeShort", { code: h.code })}
          </Text>
        )}
        {h.lastSignedYear !== null && h.lastSignedYear >= year ? (
          <StatusBadge label={t("households.signedBadge", { year })} tone={{ color: "teal.9" }} />
        ) : (
          <StatusBadge
            label={t("households.notSignedBadge", { year })}
            tone={{ color: "gray.8", variant: "outline" }}
          />
        )}
        {h.movedOutOn && (
          <StatusBadge
            label={t("households.movedOut", { date: formatDate(h.movedOutOn) })}
            tone={{ color: "gray.7", variant: "outline" }}
          />
        )}
      </Group>
      <Text size="sm" className="td-break">
        {h.address} · {h.orgUnitName}
      </Text>
      <Text size="sm" c="dimmed">
        {t("households.cardMeta", { members: formatNumber(h.members), signed: signedText })}
      </Text>
    </Paper>
  );
}
