import "../../locales/register-intake";
import { Badge, Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import type { RemoteCommune } from "@toandan/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { ActionForm } from "../../components/action-form";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { DataTable, type Column } from "../../components/data-table";
import { FilterPanel } from "../../components/list-page";
import { PageHeader } from "../../components/page-header";
import { PagedList } from "../../components/paged-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { remoteCommunesQuery, setRemoteCommune } from "./intake-api";

/**
 * The remote communes of the caller's provinces (JC 01/2017 Art. 8.5: urgent tips get 48 hours),
 * each with its classifying decision. Province administrators set and unset; every change is audited.
 */
export function RemoteCommunesPage() {
  const { t } = useTranslation("intake");
  const user = useCurrentUser();
  usePageTitle(t("remote.title"));
  const [status, setStatus] = useState<"remote" | "all">("remote");
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<RemoteCommune | null>(null);
  const [removing, setRemoving] = useState<RemoteCommune | null>(null);
  const qc = useQueryClient();
  const query = useInfiniteQuery(remoteCommunesQuery({ status, q: q.trim() || undefined }));
  const unset = useMutation({
    mutationFn: (c: RemoteCommune) => setRemoteCommune(c.orgUnitId, { remote: false }),
    onSuccess: () => {
      setRemoving(null);
      void qc.invalidateQueries({ queryKey: ["remote-communes"] });
    },
  });
  if (!can(user, "remote_commune.manage")) return <NotFoundContent />;
  const columns: Column<RemoteCommune>[] = [
    {
      key: "name",
      header: t("remote.commune"),
      cell: (c) => (
        <>
          {c.name}
          <Text size="xs" c="dimmed">
            {c.provinceName}
          </Text>
        </>
      ),
    },
    {
      key: "remote",
      header: t("remote.remote"),
      cell: (c) => (
        <Badge color={c.remote ? "teal" : "gray"} tt="none">
          {c.remote ? t("remote.yes") : t("remote.no")}
        </Badge>
      ),
    },
    {
      key: "basis",
      header: t("remote.basisCol"),
      cell: (c) =>
        c.remote ? (
          <>
            {c.basisNumber} ({formatDate(c.basisDate)})<Text size="xs">{c.basisText}</Text>
          </>
        ) : (
          "—"
        ),
    },
    {
      key: "actions",
      header: "",
      cell: (c) =>
        c.can.set && (
          <Group gap="xs" wrap="wrap">
            <Button size="xs" variant="light" onClick={() => setEditing(c)}>
              {c.remote ? t("remote.edit") : t("remote.set")}
            </Button>
            {c.remote && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(c)}>
                {t("remote.unset")}
              </Button>
            )}
          </Group>
        ),
    },
  ];
  return (
    <Stack gap="md">
      <PageHeader title={t("remote.title")} intro={t("remote.intro")} />
      <Text size="sm" c="dimmed">
        {t("remote.basis")}
      </Text>
      <FilterPanel id="remote-filters">
        <NativeSelect
          label={t("remote.status")}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as "remote" | "all")}
          data={[
            { value: "remote", label: t("remote.onlyRemote") },
            { value: "all", label: t("remote.all") },
          ]}
        />
        <TextInput label={t("remote.search")} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      </FilterPanel>
      <PagedList query={query} empty={t("remote.none")}>
        {(items) => (
          <DataTable
            label={t("remote.title")}
            minWidth={640}
            columns={columns}
            rows={items}
            rowKey={(c) => c.orgUnitId}
          />
        )}
      </PagedList>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t("remote.setTitle", { name: editing.name }) : ""}
      >
        {editing && (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              {t("remote.basis")}
            </Text>
            <ActionForm
              submitLabel={t("remote.save")}
              fields={[
                {
                  name: "basisNumber",
                  label: t("remote.basisNumber"),
                  required: true,
                  initial: editing.basisNumber ?? "",
                },
                {
                  name: "basisDate",
                  label: t("remote.basisDate"),
                  kind: "date",
                  required: true,
                  initial: editing.basisDate ? formatDate(editing.basisDate) : "",
                },
                {
                  name: "basisText",
                  label: t("remote.basisText"),
                  description: t("remote.basisTextHint"),
                  kind: "textarea",
                  required: true,
                  initial: editing.basisText ?? "",
                },
                { name: "note", label: t("remote.note"), initial: editing.note ?? "" },
              ]}
              extra={(b) => ({ ...b, remote: true })}
              onSubmit={(b) => setRemoteCommune(editing.orgUnitId, b)}
              onDone={() => {
                setEditing(null);
                void qc.invalidateQueries({ queryKey: ["remote-communes"] });
              }}
            />
          </Stack>
        )}
      </Modal>
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t("remote.unset")}
        confirmLabel={t("remote.unset")}
        onConfirm={() => removing && unset.mutate(removing)}
        pending={unset.isPending}
        error={unset.error}
        danger
      >
        {removing ? t("remote.unsetConfirm", { name: removing.name }) : ""}
      </ConfirmDialog>
    </Stack>
  );
}
