import { Button, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { FEEDBACK_NOTICE_CHANNELS, todayInVietnam, type FeedbackClocks } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { api, isApiError } from "../../api/client";
import { DateField } from "../../components/date-field";
import { ErrorAlert } from "../../components/error-alert";
import { StatusBadge } from "../../components/status-badge";
import { formatDate, parseVnDate } from "../../lib/format";
import { issuesByField } from "../../lib/forms";
import { useAcceptanceLabels } from "./acceptance-labels";
import type { FeedbackDetail } from "./api";

type Clock = FeedbackClocks["acceptance"];

/** A clock's state in a few words, coloured: late red, ≤ 2 left orange, else green. */
export function ClockBadge({ clock }: { clock: Clock }) {
  const A = useAcceptanceLabels();
  if (clock.doneOn) {
    return (
      <StatusBadge
        label={A.doneOn(formatDate(clock.doneOn), clock.overdue)}
        tone={{ color: clock.overdue ? "#a4161a" : "#1b5e20" }}
      />
    );
  }
  const n = clock.daysLeft ?? 0;
  return (
    <StatusBadge
      label={clock.unit === "days" ? A.leftDays(n) : A.leftWorking(n)}
      tone={{ color: n < 0 ? "#a4161a" : n <= 2 ? "#8a3b00" : "#1b5e20" }}
    />
  );
}

function ClockLine({ title, clock }: { title: string; clock: Clock }) {
  const A = useAcceptanceLabels();
  const length = clock.unit === "days" ? A.days(clock.length) : A.workingDays(clock.length);
  return (
    <div>
      <Text size="sm" fw={600}>
        {title}: {length}, {A.dueOn(formatDate(clock.dueOn))}
        {clock.provisional ? ` (${A.provisional})` : ""} <ClockBadge clock={clock} />
      </Text>
      <Text size="xs" c="dimmed">
        {clock.basis}
      </Text>
    </div>
  );
}

/** Both legal clocks of an item with their "Căn cứ: …" lines, and the notice once recorded. */
export function FeedbackClocksView({ item }: { item: FeedbackDetail }) {
  const A = useAcceptanceLabels();
  const n = item.acceptanceNotice;
  return (
    <Stack gap={6} aria-label={A.clocks} role="group">
      <ClockLine title={A.acceptanceClock} clock={item.clocks.acceptance} />
      {item.clocks.handling && <ClockLine title={A.handlingClock} clock={item.clocks.handling} />}
      {n && (
        <Text size="sm">
          {A.notice}: {A.decisions[n.decision]} · {formatDate(n.noticedOn)} · {A.channels[n.channel]}
          {n.reason ? ` · ${n.reason}` : ""}
        </Text>
      )}
    </Stack>
  );
}

type Fields = "decision" | "reason" | "noticedOn" | "channel";

/** Records the acceptance notice given to the sender (Law on Citizen Reception 2013 Art. 28). */
export function AcceptanceForm({
  item,
  onSaved,
}: {
  item: FeedbackDetail;
  onSaved: (message: string) => void;
}) {
  const A = useAcceptanceLabels();
  const qc = useQueryClient();
  const [decision, setDecision] = useState<"" | "accepted" | "not_accepted">("");
  const [reason, setReason] = useState("");
  const [noticedOn, setNoticedOn] = useState(formatDate(todayInVietnam()));
  const [channel, setChannel] = useState<(typeof FEEDBACK_NOTICE_CHANNELS)[number]>("in_writing");
  const [issues, setIssues] = useState<Partial<Record<Fields, string>>>({});
  const m = useMutation({
    mutationFn: (body: object) => api(`/feedback/${item.id}/acceptance`, { method: "POST", body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["feedback"] });
      onSaved(A.saved(item.code));
    },
    onError: (e) => {
      if (isApiError(e)) {
        setIssues(issuesByField<Fields>(e.issues ?? [], ["decision", "reason", "noticedOn", "channel"]));
      }
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const iso = parseVnDate(noticedOn);
    if (!decision) return setIssues({ decision: A.decisionRequired });
    if (!iso) return setIssues({ noticedOn: A.dateInvalid });
    setIssues({});
    m.mutate({ decision, noticedOn: iso, channel, ...(reason.trim() ? { reason: reason.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={A.record}>
      <Stack gap="sm">
        <Text fw={600}>{A.record}</Text>
        <NativeSelect
          label={A.decision}
          withAsterisk
          value={decision}
          error={issues.decision}
          onChange={(e) => setDecision(e.currentTarget.value as typeof decision)}
          data={[
            { value: "", label: A.chooseDecision },
            { value: "accepted", label: A.decisions.accepted },
            { value: "not_accepted", label: A.decisions.not_accepted },
          ]}
        />
        {decision === "not_accepted" && (
          <Textarea
            label={A.reason}
            withAsterisk
            value={reason}
            error={issues.reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
        )}
        <DateField
          label={A.noticedOn}
          withAsterisk
          value={noticedOn}
          error={issues.noticedOn}
          onChange={(e) => setNoticedOn(e.currentTarget.value)}
          w={160}
        />
        <NativeSelect
          label={A.channel}
          value={channel}
          error={issues.channel}
          onChange={(e) => setChannel(e.currentTarget.value as typeof channel)}
          data={FEEDBACK_NOTICE_CHANNELS.map((c) => ({ value: c, label: A.channels[c] }))}
        />
        {m.isError && !Object.keys(issues).length && <ErrorAlert error={m.error} />}
        <div>
          <Button type="submit" variant="light" loading={m.isPending}>
            {A.save}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
