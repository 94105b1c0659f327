import "../../locales/register-console";
import "../../locales/register-commendations";
import { Button, Modal, NativeSelect, Stack } from "@mantine/core";
import { COMMENDATION_STATUSES, EVIDENCE_KINDS, NOMINEE_KINDS, type Commendation } from "@toandan/contracts";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { FilterPanel, ListPage, ListSection } from "../../components/list-page";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { commendationListQuery, nominate, type CommendationStatus } from "./api";

/** Nominations for commendation in scope, by status, and "Đề nghị khen thưởng". */
export function CommendationsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("commendations");
  const { t: tc } = useTranslation("console");
  usePageTitle(t("commendations.title"));
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<CommendationStatus | "">("");
  const query = useInfiniteQuery(commendationListQuery(status || undefined));
  if (!can(user, "commendation.read")) return <NotFoundContent />;
  const columns: Column<Commendation>[] = [
    {
      key: "nominee",
      header: t("commendations.nominee"),
      cell: (c) => (
        <AnchorLink to="/khen-thuong/$id" params={{ id: c.id }}>
          {c.nomineeName}
        </AnchorLink>
      ),
    },
    { key: "unit", header: t("commendations.unit"), cell: (c) => c.orgUnitName },
    { key: "nominatedOn", header: t("commendations.nominatedOn"), cell: (c) => formatDate(c.nominatedOn) },
    {
      key: "status",
      header: t("commendations.status"),
      cell: (c) => t(`commendations.statuses.${c.status}`),
    },
    { key: "published", header: t("commendations.published"), cell: (c) => (c.published ? "✓" : "") },
  ];
  return (
    <ListPage
      title={t("commendations.title")}
      actions={
        query.data?.pages[0]?.can.create && (
          <Button onClick={() => setCreating(true)}>{t("commendations.create")}</Button>
        )
      }
      filters={
        <FilterPanel id="commendation-filters">
          <NativeSelect
            label={t("commendations.status")}
            w={{ base: "100%", xs: 240 }}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as CommendationStatus | "")}
            data={[
              { value: "", label: tc("common.all") },
              ...COMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`commendations.statuses.${s}`) })),
            ]}
          />
        </FilterPanel>
      }
    >
      <ListSection
        title={t("commendations.title")}
        id="commendation-list"
        query={query}
        empty={t("commendations.none")}
      >
        {(items) => (
          <DataTable label={t("commendations.title")} columns={columns} rows={items} rowKey={(c) => c.id} />
        )}
      </ListSection>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("commendations.create")}
        size="lg"
      >
        <NominateForm
          onDone={(c) => {
            setCreating(false);
            void navigate({ to: "/khen-thuong/$id", params: { id: c.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}

/** A person or collective of a unit, the achievements, and a record of the system as grounds. */
function NominateForm({ onDone }: { onDone: (c: Commendation) => void }) {
  const { t } = useTranslation("commendations");
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <UnitField label={t("commendations.unit")} value={unitId} onChange={setUnitId} required />
      <ActionForm
        submitLabel={t("commendations.save")}
        fields={[
          {
            name: "nomineeKind",
            label: t("commendations.nomineeKind"),
            kind: "select",
            options: NOMINEE_KINDS.map((k) => ({ value: k, label: t(`commendations.nomineeKinds.${k}`) })),
          },
          { name: "nomineeName", label: t("commendations.nominee"), required: true },
          { name: "achievements", label: t("commendations.achievements"), kind: "textarea", required: true },
          { name: "nominatedOn", label: t("commendations.nominatedOn"), kind: "date", required: true },
          {
            name: "evidenceKind",
            label: t("commendations.evidence"),
            kind: "select",
            options: [
              { value: "", label: "—" },
              ...EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`commendations.evidenceKinds.${k}`) })),
            ],
          },
          { name: "evidenceId", label: t("commendations.evidenceId") },
        ]}
        extra={({ evidenceKind, evidenceId, ...b }) => ({
          ...b,
          orgUnitId: unitId ?? "",
          evidence: evidenceKind && evidenceId ? [{ kind: evidenceKind, id: evidenceId }] : [],
        })}
        onSubmit={nominate}
        onDone={(r) => {
          void qc.invalidateQueries({ queryKey: ["commendations"] });
          onDone(r as Commendation);
        }}
      />
    </Stack>
  );
}
