import "../../locales/register-console";
import { Alert, Button, Loader, Modal, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import type { FeedbackDetailSchema, FeedbackPageSchema } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { DataTable, type Column } from "../../components/data-table";
import { EmptyState } from "../../components/empty-state";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { StatusBadge } from "../../components/status-badge";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { useLabels } from "../../lib/citizen-labels";

type Page = z.infer<typeof FeedbackPageSchema>;
type Detail = z.infer<typeof FeedbackDetailSchema>;

/** Feedback and petitions routed to the caller's units and body, with the answer form. */
export function FeedbackPage() {
  const user = useCurrentUser();
  const L = useLabels();
  usePageTitle(L.feedbackTitle);
  const [openId, setOpenId] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ["feedback", "list"],
    queryFn: ({ signal }) => api<Page>("/feedback", { query: { limit: 200 }, signal }),
    enabled: can(user, "feedback.handle"),
  });
  if (!can(user, "feedback.handle")) return <NotFoundContent />;
  const columns: Column<Page["items"][number]>[] = [
    {
      key: "code",
      header: L.code,
      cell: (f) => (
        <Button variant="subtle" size="compact-sm" ff="monospace" onClick={() => setOpenId(f.id)}>
          {f.code}
        </Button>
      ),
    },
    { key: "received", header: L.received, cell: (f) => formatDate(f.receivedOn) },
    { key: "unit", header: L.unit, cell: (f) => f.orgUnitName },
    { key: "status", header: L.status, cell: (f) => L.statuses[f.status] },
    {
      key: "due",
      header: L.due,
      cell: (f) => (
        <>
          {formatDate(f.dueOn)}{" "}
          {f.daysLeft !== null && (
            <StatusBadge
              label={L.daysLeft(f.daysLeft)}
              tone={{ color: f.overdue ? "#a4161a" : f.daysLeft <= 2 ? "#8a3b00" : "#1b5e20" }}
            />
          )}
        </>
      ),
    },
  ];
  return (
    <Stack gap="lg">
      <PageHeader title={L.feedbackTitle} />
      {q.isError && <ErrorAlert error={q.error} />}
      {q.isPending && <Loader size="sm" />}
      {q.data && q.data.items.length === 0 && <EmptyState>{L.none}</EmptyState>}
      {q.data && q.data.items.length > 0 && (
        <DataTable
          label={L.feedbackTitle}
          minWidth={700}
          columns={columns}
          rows={q.data.items}
          rowKey={(f) => f.id}
        />
      )}
      {openId && <FeedbackModal id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}

function FeedbackModal({ id, onClose }: { id: string; onClose: () => void }) {
  const L = useLabels();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ["feedback", "one", id],
    queryFn: ({ signal }) => api<Detail>(`/feedback/${id}`, { signal }),
  });
  const [status, setStatus] = useState("answered");
  const [answer, setAnswer] = useState("");
  const m = useMutation({
    mutationFn: () =>
      api(`/feedback/${id}/answer`, { method: "POST", body: { status, answer: answer.trim() || undefined } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["feedback"] });
      onClose();
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={q.data ? `${q.data.code} · ${q.data.title}` : L.feedbackTitle}
      size="lg"
    >
      {!q.data ? (
        <Loader size="sm" />
      ) : (
        <Stack>
          <Text style={{ whiteSpace: "pre-wrap" }}>{q.data.content}</Text>
          <Text size="sm">
            {L.identity}:{" "}
            {q.data.identity
              ? [q.data.identity.name, q.data.identity.phone, q.data.identity.address]
                  .filter(Boolean)
                  .join(" · ")
              : L.anonymous}
          </Text>
          {q.data.answer && <Alert title={L.answer}>{q.data.answer}</Alert>}
          {q.data.can.answer && (
            <>
              <NativeSelect
                label={L.status}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value)}
                data={(["in_progress", "answered", "transferred", "rejected"] as const).map((s) => ({
                  value: s,
                  label: L.statuses[s],
                }))}
              />
              <Textarea
                label={L.answer}
                value={answer}
                onChange={(e) => setAnswer(e.currentTarget.value)}
                autosize
                minRows={3}
              />
              {m.isError && <ErrorAlert error={m.error} />}
              <Button onClick={() => m.mutate()} loading={m.isPending}>
                {L.save}
              </Button>
            </>
          )}
        </Stack>
      )}
    </Modal>
  );
}
