import { Button, Paper, Text, Textarea, Title } from "@mantine/core";
import type { TipDetail } from "@toandan/contracts";
import { useState, type FormEvent } from "react";
import { useLabels } from "../../lib/citizen-labels";
import { tipActions } from "./api";
import type { Step } from "./use-tip-act";

/** The dialogue with the tipster; a message is sent at once (not a change of the tip's state). */
export function TipMessages({
  tip,
  pending,
  run,
}: {
  tip: TipDetail;
  pending: boolean;
  run: (step: Pick<Step, "run" | "done">) => void;
}) {
  const L = useLabels();
  const [message, setMessage] = useState("");
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (message.trim()) {
      run({
        done: L.messageSent,
        run: () => tipActions.message(tip.id, message.trim()).then(() => setMessage("")),
      });
    }
  };
  return (
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
          <Button type="submit" mt="xs" loading={pending}>
            {L.send}
          </Button>
        </form>
      )}
    </Paper>
  );
}
