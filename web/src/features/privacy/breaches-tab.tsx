import { Alert, Anchor, Button, Modal, Stack, Text } from "@mantine/core";
import { BREACH_STATUS_LABELS, DATA_CATEGORY_LABELS, permissionsOf, type Breach } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sessionQuery } from "../../api/session";
import { ActionForm } from "../../components/action-form";
import { DataTable, type Column } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { QueryState } from "../../components/query-state";
import { formatDateTime, formatNumber } from "../../lib/format";
import { breachesQuery, breachNoticeUrl, recordBreach, recordBreachNotice, vnInstant } from "./api";

const categoriesOf = (v: unknown) => (v === "both" ? ["basic", "sensitive"] : v ? [v] : []);

export function BreachesTab() {
  const { t, i18n } = useTranslation("privacy");
  const lang = i18n.language === "en" ? "en" : "vi";
  const q = useQuery(breachesQuery());
  const qc = useQueryClient();
  const session = useQuery(sessionQuery);
  const unitId = session.data?.user.roles.find((r) =>
    permissionsOf([r.role]).has("privacy.manage"),
  )?.orgUnitId;
  const [open, setOpen] = useState(false);
  const [notifying, setNotifying] = useState<Breach | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ["privacy"] });
  const columns: Column<Breach>[] = [
    {
      key: "detected",
      header: t("breaches.detected"),
      cell: (b) => formatDateTime(b.detectedAt),
      nowrap: true,
    },
    {
      key: "nature",
      header: t("breaches.nature"),
      cell: (b) => <span className="td-break">{b.nature}</span>,
    },
    {
      key: "categories",
      header: t("breaches.categories"),
      cell: (b) => b.categories.map((c) => DATA_CATEGORY_LABELS[c][lang]).join(", "),
    },
    {
      key: "people",
      header: t("breaches.people"),
      numeric: true,
      cell: (b) => formatNumber(b.peopleAffected),
    },
    { key: "due", header: t("breaches.noticeDue"), cell: (b) => formatDateTime(b.noticeDueAt), nowrap: true },
    {
      key: "status",
      header: t("breaches.status"),
      cell: (b) => (
        <Stack gap={4}>
          <Text size="sm" fw={600} c={b.overdue ? "red.9" : b.status === "open" ? "blue.9" : "teal.9"}>
            {b.overdue ? t("breaches.overdue") : BREACH_STATUS_LABELS[b.status][lang]}
          </Text>
          {b.notifiedAt && <span>{t("breaches.notified", { at: formatDateTime(b.notifiedAt) })}</span>}
        </Stack>
      ),
    },
    {
      key: "actions",
      header: "",
      cell: (b) => (
        <Stack gap="xs" align="flex-start">
          <Anchor href={breachNoticeUrl(b.id)} size="sm">
            {t("breaches.notice")}
          </Anchor>
          {b.can.notify && (
            <Button size="compact-sm" variant="light" onClick={() => setNotifying(b)}>
              {t("breaches.notify")}
            </Button>
          )}
        </Stack>
      ),
    },
  ];
  return (
    <QueryState query={q}>
      {(page) => (
        <Stack gap="sm">
          <Alert color="blue" variant="light">
            {t("breaches.runbook")}
          </Alert>
          {page.can.create && unitId && (
            <div>
              <Button onClick={() => setOpen(true)}>{t("breaches.new")}</Button>
            </div>
          )}
          {page.items.length === 0 ? (
            <EmptyState>{t("breaches.empty")}</EmptyState>
          ) : (
            <DataTable
              label={t("breaches.label")}
              columns={columns}
              rows={page.items}
              rowKey={(b) => b.id}
              minWidth={960}
            />
          )}
          <Modal opened={open} onClose={() => setOpen(false)} title={t("breaches.new")} size="lg">
            <ActionForm
              submitLabel={t("breaches.submit")}
              fields={[
                { name: "detectedAt", label: t("breaches.detectedAt"), kind: "date", required: true },
                { name: "detectedTime", label: t("breaches.detectedTime"), required: true, initial: "" },
                { name: "nature", label: t("breaches.nature"), kind: "textarea", required: true },
                {
                  name: "categories",
                  label: t("breaches.categories"),
                  kind: "select",
                  options: [
                    { value: "basic", label: DATA_CATEGORY_LABELS.basic[lang] },
                    { value: "sensitive", label: DATA_CATEGORY_LABELS.sensitive[lang] },
                    { value: "both", label: t("breaches.both") },
                  ],
                },
                { name: "dataDescription", label: t("breaches.dataDescription"), required: true },
                { name: "peopleAffected", label: t("breaches.people"), kind: "number", required: true },
                { name: "consequences", label: t("breaches.consequences"), kind: "textarea" },
                { name: "actionsTaken", label: t("breaches.actionsTaken"), kind: "textarea", required: true },
                { name: "place", label: t("breaches.place") },
                { name: "contactName", label: t("breaches.contactName"), required: true },
                { name: "contactPhone", label: t("breaches.contactPhone") },
              ]}
              extra={({ detectedTime, categories, ...b }) => ({
                ...b,
                orgUnitId: unitId,
                detectedAt: vnInstant(b.detectedAt, detectedTime),
                categories: categoriesOf(categories),
              })}
              onSubmit={recordBreach}
              onDone={() => {
                setOpen(false);
                refresh();
              }}
            />
          </Modal>
          <Modal opened={notifying !== null} onClose={() => setNotifying(null)} title={t("breaches.notify")}>
            {notifying && (
              <ActionForm
                submitLabel={t("breaches.notify")}
                fields={[
                  { name: "notifiedAt", label: t("breaches.notifiedAt"), kind: "date", required: true },
                  { name: "notifiedTime", label: t("breaches.notifiedTime"), required: true, initial: "" },
                  { name: "reference", label: t("breaches.reference"), required: true },
                  { name: "lateReason", label: t("breaches.lateReason"), kind: "textarea" },
                ]}
                extra={({ notifiedTime, ...b }) => ({
                  ...b,
                  notifiedAt: vnInstant(b.notifiedAt, notifiedTime),
                })}
                onSubmit={(body) => recordBreachNotice(notifying.id, body)}
                onDone={() => {
                  setNotifying(null);
                  refresh();
                }}
              />
            )}
          </Modal>
        </Stack>
      )}
    </QueryState>
  );
}
