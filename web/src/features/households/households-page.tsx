import "../../locales/register-console";
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { LIMITS, type Household } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { ExportCsvButton, ExportXlsxLink } from "../../components/export-button";
import { currentYear, defaultUnitId } from "../../lib/scope";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { householdListQuery } from "./api";
import { CoveragePanel } from "./coverage-panel";
import { CreateHouseholdForm } from "./create-household-form";
import { ImportHouseholdsForm } from "./import-households-form";

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
  const { t: tp } = useTranslation();
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
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const manage = can(user, "household.manage");
  const ownArea = user.roles.find((r) => r.orgUnitKind === "residential_area")?.orgUnitId ?? null;
  const signedText = (h: Household) =>
    h.lastSignedYear === null
      ? t("households.neverSigned")
      : t("households.lastSigned", { year: h.lastSignedYear });

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t("households.title")}</Title>
        {manage && <Button onClick={() => setCreating(true)}>{t("households.create")}</Button>}
      </Group>
      <Paper withBorder p="md" component="section" aria-labelledby="household-filters-title">
        <Title order={2} size="h4" id="household-filters-title" mb="sm">
          {t("households.filters")}
        </Title>
        <Stack gap="sm">
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
        </Stack>
      </Paper>

      <Section title={t("households.list")} id="household-list">
        {query.isPending ? (
          <Loader aria-label={t("common.loading")} />
        ) : query.isError ? (
          <Alert color="red" variant="outline" role="alert">
            {errorText(tp, query.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t("households.none")}</Text>
        ) : (
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Text size="sm" c="dimmed" role="status">
                {t("common.count", { n: formatNumber(items.length) })}
              </Text>
              <ExportCsvButton
                name="ho-gia-dinh"
                header={[
                  t("households.code"),
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
            </Group>
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
              {items.map((h) => (
                <Paper key={h.id} withBorder p="sm" component="li">
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
                      <Badge variant="filled" color="teal.9" radius="sm" style={{ textTransform: "none" }}>
                        {t("households.signedBadge", { year })}
                      </Badge>
                    ) : (
                      <Badge variant="outline" color="gray.8" radius="sm" style={{ textTransform: "none" }}>
                        {t("households.notSignedBadge", { year })}
                      </Badge>
                    )}
                    {h.movedOutOn && (
                      <Badge variant="outline" color="gray.7" radius="sm" style={{ textTransform: "none" }}>
                        {t("households.movedOut", { date: formatDate(h.movedOutOn) })}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" className="td-break">
                    {h.address} · {h.orgUnitName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("households.cardMeta", { members: formatNumber(h.members), signed: signedText(h) })}
                  </Text>
                </Paper>
              ))}
            </Stack>
          </Stack>
        )}
        {query.hasNextPage && (
          <Button
            mt="sm"
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        )}
      </Section>

      {unitId && (
        <Section title={t("coverage.title", { year })} id="coverage">
          <CoveragePanel unitId={unitId} year={year} />
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
    </Stack>
  );
}
