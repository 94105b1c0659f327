import "../../locales/register-console";
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { TIP_CATEGORY_LABELS, TIP_OUTCOMES, TIP_STATUS_LABELS, type TipDetail } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../../components/error-text";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { tipActions, tipQuery } from "./api";
import { ClockBadges } from "./clock-badges";
import { useLabels } from "../../lib/citizen-labels";

const route = getRouteApi("/console/tin-bao/$id");

/** One tip for the police of its unit: content, dialogue, triage, outcome (others get 404). */
export function TipPage() {
  const { id } = route.useParams();
  const L = useLabels();
  const q = useQuery(tipQuery(id));
  usePageTitle(q.data ? `${L.tipsTitle} ${q.data.code}` : L.tipsTitle);
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader />;
  return <Tip tip={q.data} />;
}

function useAct(id: string) {
  const qc = useQueryClient();
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (fn: () => Promise<unknown>) => fn(),
    onSuccess: () => {
      setError(null);
      void qc.invalidateQueries({ queryKey: ["tips"] });
      void qc.invalidateQueries({ queryKey: ["tips", "one", id] });
    },
    onError: (e) => setError(errorText(t, e)),
  });
  return { run: (fn: () => Promise<unknown>) => m.mutate(fn), pending: m.isPending, error };
}

function Tip({ tip }: { tip: TipDetail }) {
  const L = useLabels();
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const act = useAct(tip.id);
  const [message, setMessage] = useState("");
  const [urgency, setUrgency] = useState<"urgent" | "normal">(tip.urgency ?? "urgent");
  const [dup, setDup] = useState(tip.duplicateOfCode ?? "");
  const [outcome, setOutcome] = useState<(typeof TIP_OUTCOMES)[number]>("transferred");
  const [solved, setSolved] = useState<number | string>(tip.casesSolved);
  const [arrests, setArrests] = useState<number | string>(tip.arrests);
  const [handled, setHandled] = useState<number | string>(tip.peopleHandled);
  const [note, setNote] = useState("");
  const open = tip.can.triage || tip.can.recordOutcome;
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (message.trim()) act.run(() => tipActions.message(tip.id, message.trim()).then(() => setMessage("")));
  };
  return (
    <Stack gap="lg">
      <Title order={1}>
        {L.tipsTitle} <span style={{ fontFamily: "monospace" }}>{tip.code}</span>
      </Title>
      <Text>
        {TIP_CATEGORY_LABELS[tip.category][lang]} · {tip.orgUnitName} · {TIP_STATUS_LABELS[tip.status][lang]}
      </Text>
      <ClockBadges clocks={tip.clocks} />
      {act.error && (
        <Alert color="red" role="alert">
          {act.error}
        </Alert>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="tip-content">
        <Title order={2} size="h3" id="tip-content">
          {L.content}
        </Title>
        <Text style={{ whiteSpace: "pre-wrap" }}>{tip.description}</Text>
        {tip.place && (
          <Text mt="xs">
            {L.place}: {tip.place}
          </Text>
        )}
        {(tip.occurredOn || tip.occurredTime) && (
          <Text>
            {L.when}: {formatDate(tip.occurredOn)} {tip.occurredTime}
          </Text>
        )}
        <Text mt="xs" fw={600}>
          {L.contact}
        </Text>
        <Text>
          {tip.contact
            ? [tip.contact.name, tip.contact.phone, tip.contact.email].filter(Boolean).join(" · ")
            : L.noContact}
        </Text>
        {tip.attachments.length > 0 && (
          <Group mt="xs">
            <Text fw={600}>{L.attachments}:</Text>
            {tip.attachments.map((a) => (
              <Anchor
                key={a.n}
                href={`/api/v1/tips/${tip.id}/attachments/${a.n}`}
                target="_blank"
                rel="noreferrer"
              >
                {a.n}. {a.mediaType} ({Math.ceil(a.bytes / 1024)} KB)
              </Anchor>
            ))}
          </Group>
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="tip-messages">
        <Title order={2} size="h3" id="tip-messages">
          {L.messages}
        </Title>
        {tip.messages.length === 0 && <Text>{L.noMessages}</Text>}
        {tip.messages.map((m, i) => (
          <Paper
            key={i}
            withBorder
            p="xs"
            my={6}
            style={{ borderLeft: m.from === "police" ? "4px solid #8c1d18" : undefined }}
          >
            <Text size="sm" fw={600}>
              {m.from === "police" ? L.fromPolice : L.fromCitizen} ·{" "}
              {m.sentHour.slice(0, 10).split("-").reverse().join("/")} {m.sentHour.slice(11)}h
            </Text>
            <Text style={{ whiteSpace: "pre-wrap" }}>{m.body}</Text>
          </Paper>
        ))}
        {tip.can.reply && (
          <form onSubmit={send}>
            <Textarea
              label={L.write}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={3000}
            />
            <Button type="submit" mt="xs" loading={act.pending}>
              {L.send}
            </Button>
          </form>
        )}
      </Paper>
      {open && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {tip.can.triage && (
            <Paper withBorder p="md" component="section" aria-labelledby="tip-triage">
              <Title order={2} size="h3" id="tip-triage">
                {L.triage}
              </Title>
              <NativeSelect
                label={L.urgency}
                value={urgency}
                onChange={(e) => setUrgency(e.currentTarget.value as "urgent" | "normal")}
                data={[
                  { value: "urgent", label: L.urgent },
                  { value: "normal", label: L.normal },
                ]}
              />
              <TextInput label={L.duplicateOf} value={dup} onChange={(e) => setDup(e.currentTarget.value)} />
              <Group mt="sm">
                <Button
                  onClick={() =>
                    act.run(() => tipActions.triage(tip.id, { urgency, duplicateOfCode: dup.trim() || null }))
                  }
                  loading={act.pending}
                >
                  {L.save}
                </Button>
                {tip.can.extend && (
                  <Button
                    variant="default"
                    onClick={() =>
                      act.run(() => tipActions.extend(tip.id, { level: (tip.extensionLevel + 1) as 1 | 2 }))
                    }
                  >
                    {L.extend(tip.extensionLevel + 1)}
                  </Button>
                )}
              </Group>
            </Paper>
          )}
          {tip.can.recordOutcome && (
            <Paper withBorder p="md" component="section" aria-labelledby="tip-outcome">
              <Title order={2} size="h3" id="tip-outcome">
                {L.outcome}
              </Title>
              <NativeSelect
                label={L.outcome}
                value={outcome}
                onChange={(e) => setOutcome(e.currentTarget.value as typeof outcome)}
                data={TIP_OUTCOMES.map((o) => ({ value: o, label: L.outcomes[o] }))}
              />
              <Group grow>
                <NumberInput label={L.casesSolved} min={0} value={solved} onChange={setSolved} />
                <NumberInput label={L.arrests} min={0} value={arrests} onChange={setArrests} />
                <NumberInput label={L.peopleHandled} min={0} value={handled} onChange={setHandled} />
              </Group>
              <Textarea label={L.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
              <Button
                mt="sm"
                loading={act.pending}
                onClick={() =>
                  act.run(() =>
                    tipActions.outcome(tip.id, {
                      outcome,
                      casesSolved: Number(solved) || 0,
                      arrests: Number(arrests) || 0,
                      peopleHandled: Number(handled) || 0,
                      note: note.trim() || undefined,
                    }),
                  )
                }
              >
                {L.record}
              </Button>
            </Paper>
          )}
        </SimpleGrid>
      )}
      {!open && tip.outcomeNote && (
        <Text>
          {L.note}: {tip.outcomeNote}
        </Text>
      )}
    </Stack>
  );
}
