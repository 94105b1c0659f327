import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import {
  CLOCK_BASIS,
  TIP_NO_CASE_GROUND_LABELS,
  TIP_NOTICE_CHANNEL_LABELS,
  TIP_NOTICE_CHANNELS,
  TIP_NOTICE_KIND_LABELS,
  TIP_NOTICE_RECIPIENT_LABELS,
  TIP_NOTICE_RECIPIENTS,
  TIP_SUSPENSION_GROUND_LABELS,
  type TipDetail,
  type TipGround,
} from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { errorText } from "../../components/error-text";
import { formatDateTime } from "../../lib/format";
import { tipActions } from "./api";
import { useProcedureLabels } from "./procedure-labels";

type NoticeKind = TipDetail["notices"][number]["kind"];
type Recipient = TipDetail["notices"][number]["recipient"];
type Channel = TipDetail["notices"][number]["channel"];

/** The Code's label of a ground with its clause: "Hành vi không cấu thành tội phạm (khoản 2 Điều 157)". */
export function groundLabel(ground: TipGround, lang: "vi" | "en"): string {
  const g =
    ground in TIP_NO_CASE_GROUND_LABELS
      ? TIP_NO_CASE_GROUND_LABELS[ground as keyof typeof TIP_NO_CASE_GROUND_LABELS]
      : TIP_SUSPENSION_GROUND_LABELS[ground as keyof typeof TIP_SUSPENSION_GROUND_LABELS];
  return `${g[lang]} (${g.clause} BLTTHS 2015)`;
}

/**
 * The procedure around a tip: each legal clock with its due time and basis ("Căn cứ: …"), the
 * ground of the decision, the notices sent, and the agency's resumption and notice actions, as
 * the server's abilities allow.
 */
export function ProcedurePanel({ tip }: { tip: TipDetail }) {
  const P = useProcedureLabels();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [asking, setAsking] = useState<null | {
    title: string;
    question: string;
    run: () => Promise<unknown>;
    done: string;
  }>(null);
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [kind, setKind] = useState<"" | NoticeKind>("");
  const [recipient, setRecipient] = useState<"" | Recipient>("");
  const [channel, setChannel] = useState<"" | Channel>("");
  const [docNo, setDocNo] = useState("");
  const [sentAt, setSentAt] = useState("");
  const m = useMutation({
    mutationFn: (step: NonNullable<typeof asking>) => step.run(),
    onSuccess: (_r, step) => {
      setAsking(null);
      setDone(step.done);
      void qc.invalidateQueries({ queryKey: ["tips"] });
    },
  });
  const kinds: NoticeKind[] = [
    ...(tip.suspendedAt ? (["suspension"] as const) : []),
    ...(tip.resumedAt ? (["resumption"] as const) : []),
    ...(tip.status === "case_opened" || tip.status === "no_case" ? (["outcome"] as const) : []),
  ];
  const askNotice = (e: FormEvent) => {
    e.preventDefault();
    if (!kind || !recipient || !channel) return setFormError(P.noticeRequired);
    setFormError(null);
    m.reset();
    // A typed "yyyy-MM-ddTHH:mm" is Vietnam time (UTC+7, no daylight saving).
    const at = sentAt ? `${sentAt}:00+07:00` : undefined;
    setAsking({
      title: P.recordNotice,
      question: P.noticeConfirm(
        TIP_NOTICE_KIND_LABELS[kind][P.lang],
        TIP_NOTICE_RECIPIENT_LABELS[recipient][P.lang],
      ),
      done: P.noticeRecorded,
      run: () =>
        tipActions.notice(tip.id, {
          kind,
          recipient,
          channel,
          documentNumber: docNo.trim() || undefined,
          sentAt: channel === "in_app" ? undefined : at,
        }),
    });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tip-procedure">
      <Stack gap="xs">
        <Title order={2} size="h3" id="tip-procedure">
          {P.clocksTitle}
        </Title>
        {!tip.can.investigationAgency && (
          <Alert color="blue" variant="light">
            {P.communeRole} {P.communeRoleBasis}
          </Alert>
        )}
        <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
          {tip.clocks.map((c) => (
            <li key={c.kind}>
              <Text size="sm">
                <strong>{P.clock[c.kind]}</strong> — {P.due}: {formatDateTime(c.dueAt)}
              </Text>
              <Text size="sm" c="dimmed">
                {P.basis}: {CLOCK_BASIS[c.kind][P.lang]}
              </Text>
            </li>
          ))}
        </ul>
        {tip.outcomeGround && (
          <Text size="sm">
            {P.groundOfDecision}: {groundLabel(tip.outcomeGround, P.lang)}
          </Text>
        )}
        {tip.suspendedAt && (
          <Text size="sm">
            {P.suspendedAt}: {formatDateTime(tip.suspendedAt)}
            {tip.resumedAt ? ` · ${P.resumedAt}: ${formatDateTime(tip.resumedAt)}` : ""}
          </Text>
        )}
        {done && (
          <Alert color="green" variant="outline" role="status">
            {done}
          </Alert>
        )}
        {tip.can.resume && (
          <Group>
            <Button
              variant="default"
              onClick={() => {
                m.reset();
                setAsking({
                  title: P.resume,
                  question: P.resumeConfirm(tip.code),
                  run: () => tipActions.resume(tip.id),
                  done: P.resumed,
                });
              }}
            >
              {P.resume}
            </Button>
          </Group>
        )}
        {(tip.notices.length > 0 || tip.can.recordNotice) && (
          <>
            <Title order={3} size="h4">
              {P.notices}
            </Title>
            {tip.notices.length === 0 && <Text size="sm">{P.noNotices}</Text>}
            <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
              {tip.notices.map((n, i) => (
                <li key={i}>
                  <Text size="sm">
                    {TIP_NOTICE_KIND_LABELS[n.kind][P.lang]} →{" "}
                    {TIP_NOTICE_RECIPIENT_LABELS[n.recipient][P.lang]} ·{" "}
                    {TIP_NOTICE_CHANNEL_LABELS[n.channel][P.lang]} · {formatDateTime(n.sentAt)}
                    {n.documentNumber ? ` · ${n.documentNumber}` : ""}
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
        {tip.can.recordNotice && kinds.length > 0 && (
          <form onSubmit={askNotice} noValidate>
            <Group grow align="flex-start">
              <NativeSelect
                label={P.noticeKind}
                withAsterisk
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as typeof kind)}
                data={[
                  { value: "", label: P.chooseKind },
                  ...kinds.map((k) => ({ value: k, label: TIP_NOTICE_KIND_LABELS[k][P.lang] })),
                ]}
              />
              <NativeSelect
                label={P.recipient}
                withAsterisk
                value={recipient}
                onChange={(e) => setRecipient(e.currentTarget.value as typeof recipient)}
                data={[
                  { value: "", label: P.chooseRecipient },
                  ...TIP_NOTICE_RECIPIENTS.map((r) => ({
                    value: r,
                    label: TIP_NOTICE_RECIPIENT_LABELS[r][P.lang],
                  })),
                ]}
              />
              <NativeSelect
                label={P.channel}
                withAsterisk
                value={channel}
                onChange={(e) => setChannel(e.currentTarget.value as typeof channel)}
                data={[
                  { value: "", label: P.chooseChannel },
                  ...TIP_NOTICE_CHANNELS.filter((c) => recipient !== "procuracy" || c !== "in_app").map(
                    (c) => ({
                      value: c,
                      label: TIP_NOTICE_CHANNEL_LABELS[c][P.lang],
                    }),
                  ),
                ]}
              />
            </Group>
            <Group grow align="flex-start">
              <TextInput
                label={P.documentNumber}
                value={docNo}
                maxLength={60}
                onChange={(e) => setDocNo(e.currentTarget.value)}
              />
              <TextInput
                type="datetime-local"
                label={P.sentAt}
                value={sentAt}
                disabled={channel === "in_app"}
                onChange={(e) => setSentAt(e.currentTarget.value)}
              />
            </Group>
            <Text size="xs" c="dimmed" mt={4}>
              {P.inAppHint}
            </Text>
            {formError && (
              <Text c="red" size="sm" role="alert">
                {formError}
              </Text>
            )}
            <Button mt="sm" type="submit">
              {P.recordNotice}
            </Button>
          </form>
        )}
      </Stack>
      <ConfirmDialog
        opened={asking !== null}
        onClose={() => setAsking(null)}
        title={asking?.title ?? ""}
        confirmLabel={asking?.title ?? ""}
        onConfirm={() => asking && m.mutate(asking)}
        pending={m.isPending}
        error={asking ? m.error : null}
      >
        {asking?.question}
      </ConfirmDialog>
      {m.isError && !asking && (
        <Alert color="red" role="alert" mt="xs">
          {errorText(t, m.error)}
        </Alert>
      )}
    </Paper>
  );
}
