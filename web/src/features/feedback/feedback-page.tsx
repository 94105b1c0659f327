import "../../locales/register-console";
import { Alert, Button, Checkbox, Loader, Modal, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { FEEDBACK_STATUSES, FEEDBACK_TOPICS, type FeedbackTopic } from "@toandan/contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { DataTable, type Column } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { FilterPanel, ListPage } from "../../components/list-page";
import { PagedList } from "../../components/paged-list";
import { StatusBadge } from "../../components/status-badge";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { useLabels } from "../../lib/citizen-labels";
import { useAcceptanceLabels } from "./acceptance-labels";
import { feedbackListQuery, feedbackQuery, type FeedbackPage } from "./api";
import { AcceptanceForm, ClockBadge, FeedbackClocksView } from "./feedback-clocks";

type Summary = FeedbackPage["items"][number];
type Status = Summary["status"];

/** Feedback and petitions routed to the caller's units and body: filters, the list, the answer form. */
export function FeedbackPage() {
  const user = useCurrentUser();
  const L = useLabels();
  usePageTitle(L.feedbackTitle);
  if (!can(user, "feedback.handle")) return <NotFoundContent />;
  return <Inbox />;
}

function Inbox() {
  const L = useLabels();
  const A = useAcceptanceLabels();
  const [openId, setOpenId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [status, setStatus] = useState<"" | Status>("");
  const [topic, setTopic] = useState<"" | FeedbackTopic>("");
  const [overdue, setOverdue] = useState(false);
  const query = useInfiniteQuery(
    feedbackListQuery({
      status: status || undefined,
      topic: topic || undefined,
      overdue: overdue ? "true" : undefined,
    }),
  );
  const columns: Column<Summary>[] = [
    {
      key: "code",
      header: L.code,
      cell: (f) => (
        <Button
          variant="subtle"
          size="compact-sm"
          ff="monospace"
          aria-label={`${f.code} · ${f.title}`}
          onClick={() => setOpenId(f.id)}
        >
          {f.code}
        </Button>
      ),
    },
    { key: "title", header: L.fbTitle, cell: (f) => <span className="td-break">{f.title}</span> },
    { key: "topic", header: L.fbTopic, cell: (f) => `${L.fbTopics[f.topic]} · ${L.fbKinds[f.kind]}` },
    { key: "received", header: L.received, cell: (f) => formatDate(f.receivedOn) },
    { key: "unit", header: L.unit, cell: (f) => f.orgUnitName },
    {
      key: "acceptance",
      header: A.acceptanceDue,
      cell: (f) => (
        <>
          {formatDate(f.clocks.acceptance.dueOn)} <ClockBadge clock={f.clocks.acceptance} />
        </>
      ),
    },
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
    <ListPage
      title={L.feedbackTitle}
      intro={L.feedbackIntro}
      filters={
        <FilterPanel id="feedback-filters" label={L.fbFilters}>
          <NativeSelect
            label={L.status}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
            data={[
              { value: "", label: L.allStatuses },
              ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: L.statuses[s] })),
            ]}
          />
          <NativeSelect
            label={L.fbTopic}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value as typeof topic)}
            data={[
              { value: "", label: L.allTopics },
              ...FEEDBACK_TOPICS.map((t) => ({ value: t, label: L.fbTopics[t] })),
            ]}
          />
          <Checkbox
            mb={8}
            label={L.overdueOpen}
            checked={overdue}
            onChange={(e) => setOverdue(e.currentTarget.checked)}
          />
        </FilterPanel>
      }
    >
      {done && (
        <Alert color="green" variant="outline" role="status" data-testid="feedback-done">
          {done}
        </Alert>
      )}
      <PagedList query={query} empty={L.fbNone} loadMoreLabel={L.more}>
        {(items) => (
          <DataTable
            label={L.feedbackTitle}
            minWidth={1020}
            columns={columns}
            rows={items}
            rowKey={(f) => f.id}
          />
        )}
      </PagedList>
      {openId && (
        <FeedbackModal
          id={openId}
          onClose={() => setOpenId(null)}
          onSaved={(message) => {
            setDone(message);
            setOpenId(null);
          }}
        />
      )}
    </ListPage>
  );
}

function FeedbackModal({
  id,
  onClose,
  onSaved,
}: {
  id: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const L = useLabels();
  const { t } = useTranslation("console");
  const qc = useQueryClient();
  const q = useQuery(feedbackQuery(id));
  // Nothing is chosen for the officer: the new status is a decision someone makes.
  const [status, setStatus] = useState<"" | Exclude<Status, "received">>("");
  const [statusError, setStatusError] = useState<string | null>(null);
  const [answer, setAnswer] = useState("");
  const m = useMutation({
    mutationFn: (next: Exclude<Status, "received">) =>
      api(`/feedback/${id}/answer`, {
        method: "POST",
        body: { status: next, answer: answer.trim() || undefined },
      }),
    onSuccess: (_r, next) => {
      void qc.invalidateQueries({ queryKey: ["feedback"] });
      onSaved(L.fbSaved(q.data?.code ?? "", L.statuses[next]));
    },
  });
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!status) return setStatusError(L.statusRequired);
    m.mutate(status);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={q.data ? `${q.data.code} · ${q.data.title}` : L.feedbackTitle}
      closeButtonProps={{ "aria-label": t("common.close") }}
      size="lg"
    >
      {q.isError ? (
        <ErrorAlert error={q.error} />
      ) : !q.data ? (
        <Loader size="sm" />
      ) : (
        <Stack>
          <Text size="sm">
            {L.fbTopics[q.data.topic]} · {L.fbKinds[q.data.kind]} · {L.statuses[q.data.status]}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{q.data.content}</Text>
          <FeedbackClocksView item={q.data} />
          {q.data.can.recordAcceptance && <AcceptanceForm item={q.data} onSaved={onSaved} />}
          <Text size="sm">
            {L.identity}:{" "}
            {q.data.identity
              ? [q.data.identity.name, q.data.identity.phone, q.data.identity.address]
                  .filter(Boolean)
                  .join(" · ")
              : q.data.identityRestricted
                ? L.restricted
                : q.data.identityWithdrawnOn
                  ? L.identityWithdrawn(formatDate(q.data.identityWithdrawnOn))
                  : L.anonymous}
          </Text>
          {q.data.answer && <Alert title={L.answer}>{q.data.answer}</Alert>}
          {q.data.can.answer && (
            <form onSubmit={save} noValidate>
              <Stack>
                <NativeSelect
                  label={L.status}
                  withAsterisk
                  value={status}
                  error={statusError}
                  onChange={(e) => {
                    setStatus(e.currentTarget.value as typeof status);
                    setStatusError(null);
                  }}
                  data={[
                    { value: "", label: L.chooseStatus },
                    ...(["in_progress", "answered", "transferred", "rejected"] as const).map((s) => ({
                      value: s,
                      label: L.statuses[s],
                    })),
                  ]}
                />
                <Textarea
                  label={L.answer}
                  value={answer}
                  onChange={(e) => setAnswer(e.currentTarget.value)}
                  autosize
                  minRows={3}
                />
                {m.isError && <ErrorAlert error={m.error} />}
                <div>
                  <Button type="submit" loading={m.isPending}>
                    {L.save}
                  </Button>
                </div>
              </Stack>
            </form>
          )}
        </Stack>
      )}
    </Modal>
  );
}
