import "../../locales/register-console";
import "../../locales/register-hotspots";
import { Button, Modal, NativeSelect } from "@mantine/core";
import { HOTSPOT_STATUSES, type HotspotStatus } from "@toandan/contracts";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { FilterPanel, ListPage, ListSection } from "../../components/list-page";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { hotspotListQuery, type HotspotPage } from "./api";
import { DesignateHotspotForm } from "./designate-hotspot-form";
import { HotspotStatusBadge } from "./status-badge";

type Hotspot = HotspotPage["items"][number];

/** Hotspots of crime and disorder in scope, by status, and "Xác định địa bàn" for the police. */
export function HotspotsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("hotspots");
  const { t: tc } = useTranslation("console");
  usePageTitle(t("hotspots.title"));
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<HotspotStatus | "">("");
  const query = useInfiniteQuery(hotspotListQuery(status || undefined));
  if (!can(user, "hotspot.read")) return <NotFoundContent />;
  const columns: Column<Hotspot>[] = [
    {
      key: "name",
      header: t("hotspots.name"),
      cell: (h) => (
        <AnchorLink to="/dia-ban-trong-diem/$id" params={{ id: h.id }}>
          {h.name}
        </AnchorLink>
      ),
    },
    { key: "unit", header: t("hotspots.unit"), cell: (h) => h.orgUnitName },
    { key: "designatedOn", header: t("hotspots.designatedOn"), cell: (h) => formatDate(h.designatedOn) },
    {
      key: "reasons",
      header: t("hotspots.reasons"),
      cell: (h) => h.reasons.map((r) => t(`hotspots.reasonList.${r}`)).join(", "),
    },
    { key: "status", header: t("hotspots.status"), cell: (h) => <HotspotStatusBadge status={h.status} /> },
  ];
  return (
    <ListPage
      title={t("hotspots.title")}
      actions={
        query.data?.pages[0]?.can.create && (
          <Button onClick={() => setCreating(true)}>{t("hotspots.create")}</Button>
        )
      }
      filters={
        <FilterPanel id="hotspot-filters">
          <NativeSelect
            label={t("hotspots.status")}
            w={{ base: "100%", xs: 240 }}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as HotspotStatus | "")}
            data={[
              { value: "", label: tc("common.all") },
              ...HOTSPOT_STATUSES.map((s) => ({ value: s, label: t(`hotspots.statuses.${s}`) })),
            ]}
          />
        </FilterPanel>
      }
    >
      <ListSection title={t("hotspots.title")} id="hotspot-list" query={query} empty={t("hotspots.none")}>
        {(items) => (
          <DataTable label={t("hotspots.title")} columns={columns} rows={items} rowKey={(h) => h.id} />
        )}
      </ListSection>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("hotspots.create")}
        size="lg"
      >
        <DesignateHotspotForm
          onDone={(h) => {
            setCreating(false);
            void navigate({ to: "/dia-ban-trong-diem/$id", params: { id: h.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}
