import { Button, Modal, Stack, Text } from "@mantine/core";
import {
  SUBJECT_REQUEST_CHANNEL_LABELS,
  SUBJECT_REQUEST_CHANNELS,
  SUBJECT_REQUEST_KIND_LABELS,
  SUBJECT_REQUEST_KINDS,
  SUBJECT_REQUEST_STATUS_LABELS,
  permissionsOf,
  type SubjectRequest,
} from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable, type Column } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { QueryState } from "../../components/query-state";
import { sessionQuery } from "../../api/session";
import { formatDateTime } from "../../lib/format";
import { createRequest, requestsQuery } from "./api";

/** The requester's details as the contract nests them (`subject.fullName`…), from the form's flat fields. */
export function nestSubject(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const subject: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith("subject.")) subject[k.slice(8)] = k === "subject.birthYear" ? Number(v) : v;
    else out[k] = v;
  }
  return { ...out, subject };
}

export function RequestsTab() {
  const { t, i18n } = useTranslation("privacy");
  const lang = i18n.language === "en" ? "en" : "vi";
  const q = useQuery(requestsQuery());
  const qc = useQueryClient();
  const navigate = useNavigate();
  const session = useQuery(sessionQuery);
  const [open, setOpen] = useState(false);
  // The unit of the grant that manages requests (the officer's province or the country).
  const unitId = session.data?.user.roles.find((r) =>
    permissionsOf([r.role]).has("privacy.manage"),
  )?.orgUnitId;
  const columns: Column<SubjectRequest>[] = [
    {
      key: "kind",
      header: t("requests.kind"),
      cell: (r) => (
        <AnchorLink to="/du-lieu-ca-nhan/yeu-cau/$id" params={{ id: r.id }}>
          {SUBJECT_REQUEST_KIND_LABELS[r.kind][lang]}
        </AnchorLink>
      ),
    },
    {
      key: "channel",
      header: t("requests.channel"),
      cell: (r) => SUBJECT_REQUEST_CHANNEL_LABELS[r.channel][lang],
    },
    {
      key: "received",
      header: t("requests.received"),
      cell: (r) => formatDateTime(r.receivedAt),
      nowrap: true,
    },
    { key: "due", header: t("requests.due"), cell: (r) => formatDateTime(r.dueAt), nowrap: true },
    {
      key: "status",
      header: t("requests.status"),
      cell: (r) => (
        <Text
          size="sm"
          fw={600}
          c={r.overdue || r.answeredLate ? "red.9" : r.status === "answered" ? "teal.9" : "blue.9"}
        >
          {r.overdue
            ? t("requests.overdue")
            : r.answeredLate
              ? t("requests.late")
              : SUBJECT_REQUEST_STATUS_LABELS[r.status][lang]}
        </Text>
      ),
    },
    { key: "unit", header: t("requests.unit"), cell: (r) => r.orgUnitName },
  ];
  return (
    <QueryState query={q}>
      {(page) => (
        <Stack gap="sm">
          {page.can.create && unitId && (
            <div>
              <Button onClick={() => setOpen(true)}>{t("requests.new")}</Button>
            </div>
          )}
          {page.items.length === 0 ? (
            <EmptyState>{t("requests.empty")}</EmptyState>
          ) : (
            <DataTable
              label={t("requests.label")}
              columns={columns}
              rows={page.items}
              rowKey={(r) => r.id}
              minWidth={760}
            />
          )}
          <Modal opened={open} onClose={() => setOpen(false)} title={t("requests.new")} size="lg">
            <ActionForm
              submitLabel={t("requests.submit")}
              fields={[
                {
                  name: "kind",
                  label: t("requests.kind"),
                  kind: "select",
                  options: SUBJECT_REQUEST_KINDS.map((k) => ({
                    value: k,
                    label: SUBJECT_REQUEST_KIND_LABELS[k][lang],
                  })),
                },
                {
                  name: "channel",
                  label: t("requests.channel"),
                  kind: "select",
                  options: SUBJECT_REQUEST_CHANNELS.map((k) => ({
                    value: k,
                    label: SUBJECT_REQUEST_CHANNEL_LABELS[k][lang],
                  })),
                },
                { name: "subject.fullName", label: t("requests.fullName"), required: true },
                { name: "subject.birthYear", label: t("requests.birthYear"), kind: "number" },
                { name: "subject.phone", label: t("requests.phone") },
                { name: "subject.email", label: t("requests.email") },
                {
                  name: "subject.identityNumber",
                  label: t("requests.identityNumber"),
                  description: t("requests.identityNumberHelp"),
                },
                { name: "subject.address", label: t("requests.address") },
                { name: "identityCheckedBy", label: t("requests.identityCheckedBy"), required: true },
                { name: "details", label: t("requests.details"), kind: "textarea" },
              ]}
              extra={(body) => nestSubject({ ...body, orgUnitId: unitId })}
              onSubmit={createRequest}
              onDone={(r) => {
                setOpen(false);
                void qc.invalidateQueries({ queryKey: ["privacy"] });
                void navigate({
                  to: "/du-lieu-ca-nhan/yeu-cau/$id",
                  params: { id: (r as { id: string }).id },
                });
              }}
            />
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}
