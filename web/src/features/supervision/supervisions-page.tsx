import "../../locales/register-console";
import "../../locales/register-supervision";
import { Button, Modal, NativeSelect, Paper, Stack, Text } from "@mantine/core";
import { SUPERVISION_STATUSES, type SupervisionStatus } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { FilterPanel, ListPage, ListSection } from "../../components/list-page";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { currentYear } from "../../lib/scope";
import { useCurrentUser } from "../../lib/use-session";
import { supervisionListQuery } from "./api";
import { CreateSupervisionForm } from "./create-supervision-form";
import { SupervisionStatusBadge } from "./status-badge";

const YEARS = Array.from({ length: 10 }, (_, i) => currentYear() + 1 - i);

/** The supervisions in scope (and those addressed to the caller's body), with filters. */
export function SupervisionsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("supervision");
  usePageTitle(t("supervision.title"));
  if (!can(user, "supervision.read")) return <NotFoundContent />;
  return <Supervisions />;
}

function Supervisions() {
  const { t } = useTranslation("supervision");
  const { t: tc } = useTranslation("console");
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [year, setYear] = useState("");
  const [status, setStatus] = useState("");
  const [creating, setCreating] = useState(false);
  const query = useInfiniteQuery(
    supervisionListQuery({
      orgUnitId: unitId ?? undefined,
      year: year ? Number(year) : undefined,
      status: (status || undefined) as SupervisionStatus | undefined,
    }),
  );
  return (
    <ListPage
      title={t("supervision.title")}
      actions={
        query.data?.pages[0]?.can.create && (
          <Button onClick={() => setCreating(true)}>{t("supervision.create")}</Button>
        )
      }
      filters={
        <FilterPanel id="supervision-filters">
          <div style={{ flex: "1 1 260px", maxWidth: 480 }}>
            <UnitField label={t("supervision.unit")} value={unitId} onChange={setUnitId} />
          </div>
          <NativeSelect
            label={t("supervision.year")}
            w={{ base: "100%", xs: 180 }}
            value={year}
            onChange={(e) => setYear(e.currentTarget.value)}
            data={[{ value: "", label: t("supervision.anyYear") }, ...YEARS.map((y) => String(y))]}
          />
          <NativeSelect
            label={t("supervision.status")}
            w={{ base: "100%", xs: 220 }}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: "", label: t("supervision.anyStatus") },
              ...SUPERVISION_STATUSES.map((s) => ({ value: s, label: t(`supervision.statuses.${s}`) })),
            ]}
          />
        </FilterPanel>
      }
    >
      <ListSection
        title={t("supervision.list")}
        id="supervision-list"
        query={query}
        empty={t("supervision.none")}
      >
        {(items) => (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: "none" }}
            aria-label={t("supervision.list")}
          >
            {items.map((s) => (
              <Paper key={s.id} withBorder p="sm" component="li">
                <Stack gap={4}>
                  <AnchorLink to="/giam-sat/$id" params={{ id: s.id }} fw={700} className="td-break">
                    {s.title}
                  </AnchorLink>
                  <div>
                    <SupervisionStatusBadge status={s.status} />
                  </div>
                  <Text size="sm" className="td-break">
                    {s.orgUnitName} · {t(`supervision.forms.${s.form}`)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t("supervision.period", { from: formatDate(s.periodFrom), to: formatDate(s.periodTo) })}
                    {" · "}
                    {t("supervision.counts", {
                      recommendations: formatNumber(s.recommendations),
                      unanswered: formatNumber(s.unanswered),
                    })}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </ListSection>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("supervision.create")}
        size="lg"
      >
        <CreateSupervisionForm
          onDone={(s) => {
            setCreating(false);
            void navigate({ to: "/giam-sat/$id", params: { id: s.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}
