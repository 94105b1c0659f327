import "../../locales/register-console";
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { Link, useNavigate } from "@tanstack/react-router";
import { liveQuery } from "dexie";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatDateTime } from "../../lib/format";
import { useCurrentUser } from "../../lib/use-session";
import { captureDb, type OutboxEntry, type SentEntry } from "./outbox/db";
import { discard, editableRecords, keepMine } from "./outbox/outbox";
import { useOutboxEntries } from "./outbox/runtime";
import { SyncStatus } from "./sync-status";

const STATE_COLOR: Record<OutboxEntry["state"], string> = {
  waiting: "gray.8",
  sending: "blue.9",
  failed: "red.9",
  conflict: "orange.9",
  locked: "grape.9",
};

/** The capture page that reopens a record of this kind, to fix it or to merge a conflict. */
const PAGE_OF: Partial<Record<OutboxEntry["kind"], string>> = {
  activity: "/thu-thap/hoat-dong",
  activityEdit: "/thu-thap/hoat-dong",
  dutyLog: "/thu-thap/truc",
  dutyLogEdit: "/thu-thap/truc",
  householdEdit: "/thu-thap/ho-gia-dinh",
};

/** The form's label of a field the side-by-side view compares (figures are named in the console's words). */
const FIELD_LABEL: Record<string, string> = {
  headName: "form.headName",
  address: "form.address",
  members: "form.members",
  date: "form.date",
  memberIds: "form.onDuty",
  incidents: "form.incidents",
  notes: "form.dutyNotes",
  title: "form.title",
  kind: "form.kind",
  organizerBodyIds: "form.organizers",
  topics: "form.topics",
};

/** One field's value as the side-by-side view shows it. */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "string") return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

/** The server's copy of a field as the form sends it (an activity's organisers are listed as bodies). */
function serverField(server: Record<string, unknown>, f: string): unknown {
  if (f === "organizerBodyIds" && !(f in server) && Array.isArray(server.organizers)) {
    return (server.organizers as { id: string }[]).map((o) => o.id);
  }
  return server[f];
}

function ConflictView({ entry }: { entry: OutboxEntry }) {
  const { t } = useTranslation("capture");
  const { t: tc } = useTranslation("console");
  const navigate = useNavigate();
  const mine = (entry.body ?? {}) as Record<string, unknown>;
  const server = entry.server as (Record<string, unknown> & { version?: number }) | undefined;
  // The fields the two copies disagree on (all of them while the server's copy is unknown).
  const differ = (f: string) => !server || shown(serverField(server, f)) !== shown(mine[f]);
  const fields = Object.keys(mine).filter(differ);
  return (
    <Stack gap="xs">
      <Text fw={600}>{t("outbox.conflictTitle")}</Text>
      <SimpleGrid cols={2} spacing="xs">
        <Text size="sm" fw={700}>
          {t("outbox.onDevice")}
        </Text>
        <Text size="sm" fw={700}>
          {t("outbox.onServer")}
        </Text>
        {fields.map((f) => (
          <Stack key={f} gap={0} style={{ gridColumn: "1 / -1" }}>
            <Text size="xs" c="dimmed">
              {FIELD_LABEL[f] ? t(FIELD_LABEL[f] as never) : tc(`figures.${f}` as never, { defaultValue: f })}
            </Text>
            <SimpleGrid cols={2} spacing="xs">
              <Text size="sm" className="td-break">
                {shown(mine[f])}
              </Text>
              <Text
                size="sm"
                className="td-break"
                fw={server && shown(serverField(server, f)) !== shown(mine[f]) ? 700 : undefined}
              >
                {server ? shown(serverField(server, f)) : "…"}
              </Text>
            </SimpleGrid>
          </Stack>
        ))}
      </SimpleGrid>
      {!server && <Text size="sm">{t("outbox.serverUnknown")}</Text>}
      <Stack gap="xs">
        <Button
          size="md"
          disabled={typeof server?.version !== "number"}
          onClick={() => void keepMine(captureDb(), entry, server!.version!)}
        >
          {t("outbox.keepMine")}
        </Button>
        <Button size="md" variant="default" onClick={() => void discard(captureDb(), entry.id)}>
          {t("outbox.takeServer")}
        </Button>
      </Stack>
      {PAGE_OF[entry.kind] && entry.form && typeof server?.version === "number" && (
        <Button
          size="md"
          variant="light"
          onClick={() => void navigate({ to: PAGE_OF[entry.kind]!, search: { fix: entry.id } })}
        >
          {t("outbox.merge")}
        </Button>
      )}
    </Stack>
  );
}

function EntryCard({ entry, blocked }: { entry: OutboxEntry; blocked: boolean }) {
  const { t } = useTranslation("capture");
  const [confirm, setConfirm] = useState(false);
  const navigate = useNavigate();
  return (
    <Card withBorder padding="sm" data-testid="outbox-entry" data-state={entry.state}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={700}>
            {t(`kinds.${entry.kind}`)}
          </Text>
          <Text size="sm" className="td-break">
            {entry.summary}
          </Text>
          <Text size="xs" c="dimmed">
            {t("outbox.savedAt", { at: formatDateTime(new Date(entry.createdAt).toISOString()) })}
            {blocked ? ` · ${t("outbox.waitsFor")}` : ""}
          </Text>
        </Stack>
        <Badge color={STATE_COLOR[entry.state]} variant="outline" style={{ flex: "none" }}>
          {t(`states.${entry.state}`)}
        </Badge>
      </Group>
      {entry.error && entry.state !== "conflict" && (
        <Stack gap={2} mt="xs">
          <Text size="sm" c="red.9">
            {entry.error.message ?? entry.error.code}
          </Text>
          {entry.error.issues.map((i) => (
            <Text key={i.path} size="sm" c="red.9">
              {i.path}: {i.message}
            </Text>
          ))}
        </Stack>
      )}
      {entry.state === "conflict" && <ConflictView entry={entry} />}
      {(entry.state === "failed" || entry.state === "locked") && (
        <Group mt="xs">
          {PAGE_OF[entry.kind] && entry.form && (
            <Button
              size="md"
              onClick={() => void navigate({ to: PAGE_OF[entry.kind]!, search: { fix: entry.id } })}
            >
              {t("outbox.fix")}
            </Button>
          )}
          <Button size="sm" variant="default" color="red" onClick={() => setConfirm(true)}>
            {t("outbox.discard")}
          </Button>
        </Group>
      )}
      <ConfirmDialog
        opened={confirm}
        onClose={() => setConfirm(false)}
        title={t("outbox.discardTitle")}
        confirmLabel={t("outbox.discard")}
        danger
        onConfirm={() => void discard(captureDb(), entry.id).then(() => setConfirm(false))}
      >
        {t("outbox.discardBody")}
      </ConfirmDialog>
    </Card>
  );
}

/** Sent records the cadre may still edit from the phone (activities, duty logs), newest first. */
function SentList({ accountId }: { accountId: string }) {
  const { t } = useTranslation("capture");
  const navigate = useNavigate();
  const [rows, setRows] = useState<SentEntry[]>([]);
  useEffect(() => {
    const sub = liveQuery(() => editableRecords(captureDb(), accountId)).subscribe({ next: setRows });
    return () => sub.unsubscribe();
  }, [accountId]);
  const editable = rows.filter((r) => PAGE_OF[r.kind] && r.kind !== "householdEdit");
  if (editable.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {t("outbox.sentTitle")}
      </Title>
      {editable.map((r) => (
        <Card key={r.serverId} withBorder padding="sm" data-testid="sent-entry">
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" className="td-break">
              {r.summary ?? t(`kinds.${r.kind}`)}
            </Text>
            <Button
              size="md"
              variant="default"
              style={{ flex: "none" }}
              onClick={() => void navigate({ to: PAGE_OF[r.kind]!, search: { edit: r.serverId! } })}
            >
              {t("outbox.edit")}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

/** The records still on this phone, in sending order, each with its state and reason. */
export function OutboxPage() {
  const { t } = useTranslation("capture");
  usePageTitle(t("outbox.title"));
  const user = useCurrentUser();
  const rows = useOutboxEntries(user.id);
  const ids = new Set(rows?.map((r) => r.id));
  return (
    <Stack gap="md" maw={560} mx="auto" pb="xl">
      <Anchor component={Link} to="/thu-thap">
        ← {t("hub.back")}
      </Anchor>
      <Title order={1} size="h2">
        {t("outbox.title")}
      </Title>
      <SyncStatus accountId={user.id} />
      {rows?.length === 0 && <Text c="dimmed">{t("outbox.empty")}</Text>}
      {rows?.map((e) => (
        <EntryCard key={e.id} entry={e} blocked={Boolean(e.after && ids.has(e.after))} />
      ))}
      <SentList accountId={user.id} />
    </Stack>
  );
}
