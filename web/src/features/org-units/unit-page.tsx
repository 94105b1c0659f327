import "../../locales/register-console";
import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import type { OrgUnitDetail } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useParams, useSearch } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { canAt } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { unitDetailQuery } from "./api";
import { CreateUnitForm } from "./create-unit-form";
import { ImportUnitsForm } from "./import-units-form";
import { kindLabel, typeLabel, validityText } from "./labels";
import { UnitChanges } from "./unit-changes";
import { UnitChildren } from "./unit-children";
import { LineageList } from "./unit-lineage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function UnitPage() {
  const { id } = useParams({ from: "/console/don-vi/$id" });
  const { at } = useSearch({ from: "/console/don-vi/$id" });
  const { t } = useTranslation("console");
  const valid = UUID.test(id);
  const query = useQuery({ ...unitDetailQuery(id, at), enabled: valid });
  usePageTitle(query.data?.fullName ?? t("units.title"));

  if (!valid || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))) {
    return <NotFoundContent />;
  }
  if (query.isError) {
    return (
      <Stack>
        <Title order={1}>{t("units.title")}</Title>
        <ErrorAlert error={query.error} />
        <div>
          <Button variant="default" onClick={() => void query.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      </Stack>
    );
  }
  if (!query.data) return <Loader aria-label={t("common.loading")} />;
  return <UnitView unit={query.data} at={at} />;
}

function UnitView({ unit, at }: { unit: OrgUnitDetail; at?: string }) {
  const { t } = useTranslation("console");
  const user = useCurrentUser();
  const lineIds = [unit.id, ...unit.ancestors.map((a) => a.id)];
  const isOpenCommune = unit.kind === "commune" && unit.validTo === null;
  const canCreate = isOpenCommune && canAt(user, "org_unit.create", lineIds);
  const canImport = isOpenCommune && canAt(user, "org_unit.import", lineIds);
  const type = typeLabel(t, unit.type);

  return (
    <Stack gap="lg">
      <UnitBreadcrumbs unit={unit} at={at} />
      <Stack gap={6}>
        <Title order={1} className="td-break">
          {unit.fullName}
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" radius="sm">
            {kindLabel(t, unit.kind)}
          </Badge>
          {type && (
            <Badge variant="outline" color="brand.8" radius="sm">
              {type}
            </Badge>
          )}
        </Group>
      </Stack>
      {unit.validTo && (
        <Alert variant="outline" color="gray.8" role="note">
          {t("unit.historicNote", { date: formatDate(unit.validTo) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        <Fact label={t("unit.code")}>{unit.code ?? "—"}</Fact>
        <Fact label={t("unit.type")}>{type ?? kindLabel(t, unit.kind)}</Fact>
        <Fact label={t("unit.validity")}>{validityText(t, unit)}</Fact>
        <Fact label={t("unit.childCount")}>{formatNumber(unit.childCount)}</Fact>
      </SimpleGrid>

      <Section title={t("unit.bodies")} id="bodies">
        {unit.bodies.length === 0 ? (
          <Text c="dimmed">{t("unit.noBodies")}</Text>
        ) : (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
            {unit.bodies.map((b) => (
              <li key={b.id}>
                <Text className="td-break">{b.name}</Text>
              </li>
            ))}
          </Stack>
        )}
      </Section>

      {unit.validTo && unit.successors.length > 0 && (
        <Section title={t("unit.successors")} id="successors">
          <LineageList links={unit.successors} />
        </Section>
      )}
      {!unit.validTo && unit.predecessors.length > 0 && (
        <Section title={t("unit.predecessors")} id="predecessors">
          <LineageList links={unit.predecessors} />
        </Section>
      )}
      {unit.changes.length > 0 && (
        <Section title={t("unit.changes")} id="changes">
          <UnitChanges changes={unit.changes} />
        </Section>
      )}

      <Section title={t("unit.children")} id="children">
        <UnitChildren parentId={unit.id} at={at} />
      </Section>

      {canCreate && (
        <Section title={t("createUnit.title")} id="create-unit">
          <CreateUnitForm parentId={unit.id} />
        </Section>
      )}
      {canImport && (
        <Section title={t("importUnits.title")} id="import-units">
          <ImportUnitsForm parentId={unit.id} />
        </Section>
      )}
    </Stack>
  );
}

function UnitBreadcrumbs({ unit, at }: { unit: OrgUnitDetail; at?: string }) {
  const { t } = useTranslation("console");
  const user = useCurrentUser();
  // Ancestors above the user's own units are shown, but not linked: their pages would be 404.
  const roleUnits = new Set(user.roles.map((r) => r.orgUnitId));
  const firstInScope = unit.ancestors.findIndex((a) => roleUnits.has(a.id));
  return (
    <nav aria-label={t("unit.breadcrumb")}>
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: "wrap", rowGap: 4 }}>
        {unit.ancestors.map((a, i) =>
          firstInScope !== -1 && i >= firstInScope ? (
            <AnchorLink key={a.id} to="/don-vi/$id" params={{ id: a.id }} search={at ? { at } : {}} size="sm">
              {a.fullName}
            </AnchorLink>
          ) : (
            <Text key={a.id} size="sm" c="dimmed">
              {a.fullName}
            </Text>
          ),
        )}
        <Text size="sm" fw={600} aria-current="page">
          {unit.fullName}
        </Text>
      </Breadcrumbs>
    </nav>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={600} className="td-break">
        {children}
      </Text>
    </Paper>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`${id}-title`}>
      <Title order={2} size="h3" id={`${id}-title`} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
