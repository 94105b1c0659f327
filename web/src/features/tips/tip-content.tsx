import { Anchor, Group, Paper, Text, Title } from "@mantine/core";
import type { TipDetail } from "@toandan/contracts";
import { useLabels } from "../../lib/citizen-labels";
import { formatDate } from "../../lib/format";
import { IntakeRecord } from "./intake-record";

/** What the tip says: content, place and time, contact, intake record and attachments. */
export function TipContent({ tip }: { tip: TipDetail }) {
  const L = useLabels();
  return (
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
          ? [
              tip.contact.name,
              tip.contact.birthYear,
              tip.contact.identityNumber,
              tip.contact.address,
              tip.contact.phone,
              tip.contact.email,
            ]
              .filter(Boolean)
              .join(" · ")
          : tip.contactRestricted
            ? L.restricted
            : tip.contactWithdrawnOn
              ? L.contactWithdrawn(formatDate(tip.contactWithdrawnOn))
              : L.noContact}
      </Text>
      <IntakeRecord tip={tip} />
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
  );
}
