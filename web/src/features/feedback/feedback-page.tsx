import "../../locales/register-console";
import {
  Alert,
  Badge,
  Button,
  Loader,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import type { FeedbackDetailSchema, FeedbackPageSchema } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { useLabels } from "../tips/labels";

type Page = z.infer<typeof FeedbackPageSchema>;
type Detail = z.infer<typeof FeedbackDetailSchema>;

/** Feedback and petitions routed to the caller's units and body, with the answer form. */
export function FeedbackPage() {
  const user = useCurrentUser();
  const L = useLabels();
  const { t } = useTranslation();
  usePageTitle(L.feedbackTitle);
  const [openId, setOpenId] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ["feedback", "list"],
    queryFn: ({ signal }) => api<Page>("/feedback", { query: { limit: 200 }, signal }),
    enabled: can(user, "feedback.handle"),
  });
  if (!can(user, "feedback.handle")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <Title order={1}>{L.feedbackTitle}</Title>
      {q.isError && <Alert color="red">{errorText(t, q.error)}</Alert>}
      {q.isPending && <Loader size="sm" />}
      {q.data && q.data.items.length === 0 && <Text>{L.none}</Text>}
      {q.data && q.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.code}</Table.Th>
                <Table.Th>{L.received}</Table.Th>
                <Table.Th>{L.unit}</Table.Th>
                <Table.Th>{L.status}</Table.Th>
                <Table.Th>{L.due}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" ff="monospace" onClick={() => setOpenId(f.id)}>
                      {f.code}
                    </Button>
                  </Table.Td>
                  <Table.Td>{formatDate(f.receivedOn)}</Table.Td>
                  <Table.Td>{f.orgUnitName}</Table.Td>
                  <Table.Td>{L.statuses[f.status]}</Table.Td>
                  <Table.Td>
                    {formatDate(f.dueOn)}{" "}
                    {f.daysLeft !== null && (
                      <Badge
                        color={f.overdue ? "#a4161a" : f.daysLeft <= 2 ? "#8a3b00" : "#1b5e20"}
                        tt="none"
                      >
                        {L.daysLeft(f.daysLeft)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {openId && <FeedbackModal id={openId} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}

function FeedbackModal({ id, onClose }: { id: string; onClose: () => void }) {
  const L = useLabels();
  const { t } = useTranslation();
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
          {(q.data.status === "received" || q.data.status === "in_progress") && (
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
              {m.isError && <Alert color="red">{errorText(t, m.error)}</Alert>}
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
