import "../../locales/register-console";
import "../../locales/register-committees";
import { Button, Modal, Stack } from "@mantine/core";
import { COMMITTEE_DECISION_KINDS, type SteeringCommitteeDetail } from "@toandan/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { ListPage, ListSection } from "../../components/list-page";
import { UnitField } from "../../components/unit-field";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { committeeListQuery, committeeTotalsQuery, createCommittee, type CommitteePage } from "./api";

type Committee = CommitteePage["items"][number];

/** The steering committees in scope, and "Thành lập, kiện toàn" for those who manage them. */
export function CommitteesPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("committees");
  const { t: tc } = useTranslation("console");
  usePageTitle(t("committees.title"));
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const query = useInfiniteQuery(committeeListQuery());
  const totals = useQuery({ ...committeeTotalsQuery(), enabled: can(user, "committee.read") });
  if (!can(user, "committee.read")) return <NotFoundContent />;
  const columns: Column<Committee>[] = [
    {
      key: "unit",
      header: t("committees.unit"),
      cell: (c) => (
        <AnchorLink to="/ban-chi-dao/$id" params={{ id: c.id }}>
          {c.orgUnitName}
        </AnchorLink>
      ),
    },
    {
      key: "decision",
      header: t("committees.decisionNumber"),
      cell: (c) =>
        `${t(`committees.decisionKinds.${c.decisionKind}`)} · ${c.decisionNumber} · ${formatDate(c.decisionOn)}`,
    },
    {
      key: "members",
      header: t("committees.activeMembers"),
      numeric: true,
      cell: (c) => formatNumber(c.activeMembers),
    },
  ];
  return (
    <ListPage
      title={t("committees.title")}
      intro={
        totals.data &&
        t("committees.totals", {
          date: formatDate(totals.data.on),
          committees: formatNumber(totals.data.committees),
          consolidated: formatNumber(totals.data.consolidated),
          members: formatNumber(totals.data.members),
        })
      }
      actions={
        query.data?.pages[0]?.can.create && (
          <Button onClick={() => setCreating(true)}>{t("committees.create")}</Button>
        )
      }
    >
      <ListSection
        title={t("committees.title")}
        id="committee-list"
        query={query}
        empty={t("committees.none")}
      >
        {(items) => (
          <DataTable label={t("committees.title")} columns={columns} rows={items} rowKey={(c) => c.id} />
        )}
      </ListSection>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("committees.create")}
        size="lg"
      >
        <CreateCommitteeForm
          onDone={(c) => {
            setCreating(false);
            void navigate({ to: "/ban-chi-dao/$id", params: { id: c.id } });
          }}
        />
      </Modal>
    </ListPage>
  );
}

/** The unit, the decision establishing or consolidating the committee; members are added after. */
function CreateCommitteeForm({ onDone }: { onDone: (c: SteeringCommitteeDetail) => void }) {
  const { t } = useTranslation("committees");
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      <UnitField
        label={t("committees.unit")}
        value={unitId}
        onChange={setUnitId}
        required
        kinds={["commune", "province"]}
      />
      <ActionForm
        submitLabel={t("committees.save")}
        fields={[
          { name: "name", label: t("committees.name"), required: true, initial: t("committees.defaultName") },
          {
            name: "decisionKind",
            label: t("committees.decisionKind"),
            kind: "select",
            options: COMMITTEE_DECISION_KINDS.map((k) => ({
              value: k,
              label: t(`committees.decisionKinds.${k}`),
            })),
          },
          {
            name: "decisionNumber",
            label: t("committees.decisionNumber"),
            required: true,
            description: t("committees.decisionNumberHint"),
          },
          { name: "decisionOn", label: t("committees.decisionOn"), kind: "date", required: true },
          { name: "decisionIssuer", label: t("committees.decisionIssuer"), required: true },
        ]}
        extra={(b) => ({ ...b, orgUnitId: unitId ?? "" })}
        onSubmit={createCommittee}
        onDone={(r) => {
          void qc.invalidateQueries({ queryKey: ["committees"] });
          onDone(r as SteeringCommitteeDetail);
        }}
      />
    </Stack>
  );
}
