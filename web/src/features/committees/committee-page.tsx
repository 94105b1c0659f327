import "../../locales/register-console";
import "../../locales/register-committees";
import { Button, Checkbox, Group, Modal, Stack, Text } from "@mantine/core";
import {
  COMMITTEE_MEETING_KINDS,
  COMMITTEE_ROLES,
  type CommitteeAssignment,
  type CommitteeMember,
  type SteeringCommitteeDetail,
} from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { DataTable } from "../../components/data-table";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { addMember, assignTask, committeeQuery, completeTask, recordMeeting, removeMember } from "./api";

export function CommitteePage() {
  const { id } = useParams({ from: "/console/ban-chi-dao/$id" });
  const { t } = useTranslation("committees");
  usePageTitle(t("committees.title"));
  const query = useQuery(committeeQuery(id));
  return <QueryState query={query}>{(c) => <Committee c={c} />}</QueryState>;
}

type Step =
  | { kind: "member" | "meeting" | "assign" }
  | { kind: "remove"; member: CommitteeMember }
  | { kind: "done"; task: CommitteeAssignment };

function Committee({ c }: { c: SteeringCommitteeDetail }) {
  const { t } = useTranslation("committees");
  const [step, setStep] = useState<Step | null>(null);
  const names = new Map(c.members.map((m) => [m.id, m.fullName]));
  return (
    <Stack gap="lg">
      <PageHeader title={c.name} />
      <Text>
        {c.orgUnitName} ·{" "}
        {t("committees.decision", {
          kind: t(`committees.decisionKinds.${c.decisionKind}`).toLowerCase(),
          number: c.decisionNumber,
          date: formatDate(c.decisionOn),
          issuer: c.decisionIssuer,
        })}
      </Text>
      {c.can.manage && (
        <Group>
          <Button onClick={() => setStep({ kind: "member" })}>{t("committees.addMember")}</Button>
          <Button variant="default" onClick={() => setStep({ kind: "meeting" })}>
            {t("committees.recordMeeting")}
          </Button>
          <Button variant="default" onClick={() => setStep({ kind: "assign" })}>
            {t("committees.assign")}
          </Button>
        </Group>
      )}
      <Section title={`${t("committees.members")} (${formatNumber(c.activeMembers)})`} id="committee-members">
        {c.members.length === 0 && <Text c="dimmed">{t("committees.noMembers")}</Text>}
        {c.members.length > 0 && (
          <DataTable
            label={t("committees.members")}
            minWidth={640}
            striped={false}
            rows={c.members}
            rowKey={(m) => m.id}
            columns={[
              { key: "name", header: t("committees.fullName"), cell: (m) => m.fullName },
              { key: "role", header: t("committees.role"), cell: (m) => t(`committees.roles.${m.role}`) },
              {
                key: "position",
                header: t("committees.position"),
                cell: (m) => `${m.position}, ${m.organisation}`,
              },
              { key: "area", header: t("committees.area"), cell: (m) => m.area ?? "" },
              {
                key: "status",
                header: t("committees.joinedOn"),
                cell: (m) =>
                  m.leftOn
                    ? `${t("committees.left", { date: formatDate(m.leftOn) })} — ${m.leftReason ?? ""}`
                    : formatDate(m.joinedOn),
              },
              {
                key: "act",
                header: "",
                cell: (m) =>
                  c.can.manage && !m.leftOn ? (
                    <Button size="xs" variant="subtle" onClick={() => setStep({ kind: "remove", member: m })}>
                      {t("committees.remove")}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Section>
      <Section title={t("committees.meetings")} id="committee-meetings">
        {c.meetings.length === 0 && <Text c="dimmed">{t("committees.noMeetings")}</Text>}
        {c.meetings.length > 0 && (
          <DataTable
            label={t("committees.meetings")}
            minWidth={560}
            striped={false}
            rows={c.meetings}
            rowKey={(m) => m.id}
            columns={[
              { key: "on", header: t("committees.heldOn"), cell: (m) => formatDate(m.heldOn) },
              {
                key: "kind",
                header: t("committees.meetingKind"),
                cell: (m) => t(`committees.meetingKinds.${m.kind}`),
              },
              {
                key: "n",
                header: t("committees.attendeeCount"),
                numeric: true,
                cell: (m) => formatNumber(m.attendeeIds.length),
              },
              { key: "agenda", header: t("committees.agenda"), cell: (m) => m.agenda },
              { key: "conclusions", header: t("committees.conclusions"), cell: (m) => m.conclusions ?? "" },
            ]}
          />
        )}
      </Section>
      <Section title={t("committees.assignments")} id="committee-assignments">
        {c.assignments.length === 0 && <Text c="dimmed">{t("committees.noAssignments")}</Text>}
        {c.assignments.length > 0 && (
          <DataTable
            label={t("committees.assignments")}
            minWidth={480}
            striped={false}
            rows={c.assignments}
            rowKey={(a) => a.id}
            columns={[
              { key: "task", header: t("committees.task"), cell: (a) => a.title },
              {
                key: "who",
                header: t("committees.responsible"),
                cell: (a) => names.get(a.responsibleMemberId) ?? a.responsibleMemberName,
              },
              { key: "due", header: t("committees.dueOn"), cell: (a) => formatDate(a.dueOn) },
              {
                key: "status",
                header: t("committees.status"),
                cell: (a) =>
                  a.doneOn ? (
                    t("committees.doneOn", { date: formatDate(a.doneOn) })
                  ) : c.can.manage ? (
                    <Button size="xs" variant="subtle" onClick={() => setStep({ kind: "done", task: a })}>
                      {t("committees.markDone")}
                    </Button>
                  ) : (
                    t("committees.pending")
                  ),
              },
            ]}
          />
        )}
      </Section>
      <StepDialog committee={c} step={step} onClose={() => setStep(null)} />
    </Stack>
  );
}

function StepDialog({
  committee: c,
  step,
  onClose,
}: {
  committee: SteeringCommitteeDetail;
  step: Step | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("committees");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const [attendees, setAttendees] = useState<string[]>([]);
  const done = () => {
    onClose();
    setAttendees([]);
    void qc.invalidateQueries({ queryKey: ["committees"] });
  };
  const serving = c.members.filter((m) => !m.leftOn);
  const titles = {
    member: t("committees.addMember"),
    meeting: t("committees.recordMeeting"),
    assign: t("committees.assign"),
    remove: t("committees.removeMember"),
    done: t("committees.markDone"),
  };
  return (
    <Modal
      closeButtonProps={{ "aria-label": tc("common.close") }}
      opened={step !== null}
      onClose={onClose}
      title={step ? titles[step.kind] : ""}
    >
      {step?.kind === "member" && (
        <ActionForm
          submitLabel={t("committees.save")}
          fields={[
            { name: "fullName", label: t("committees.fullName"), required: true },
            {
              name: "role",
              label: t("committees.role"),
              kind: "select",
              initial: "member",
              options: COMMITTEE_ROLES.map((r) => ({ value: r, label: t(`committees.roles.${r}`) })),
            },
            { name: "position", label: t("committees.position"), required: true },
            { name: "organisation", label: t("committees.organisation"), required: true },
            { name: "area", label: t("committees.area") },
            { name: "joinedOn", label: t("committees.joinedOn"), kind: "date", required: true },
          ]}
          onSubmit={(b) => addMember(c.id, b)}
          onDone={done}
        />
      )}
      {step?.kind === "remove" && (
        <Stack gap="sm">
          <Text fw={500}>{step.member.fullName}</Text>
          <ActionForm
            submitLabel={t("committees.remove")}
            fields={[
              { name: "leftOn", label: t("committees.leftOn"), kind: "date", required: true },
              { name: "reason", label: t("committees.leftReason"), kind: "textarea", required: true },
            ]}
            onSubmit={(b) => removeMember(c.id, step.member.id, b)}
            onDone={done}
          />
        </Stack>
      )}
      {step?.kind === "meeting" && (
        <Stack gap="sm">
          <Checkbox.Group label={t("committees.attendees")} value={attendees} onChange={setAttendees}>
            <Stack mt="xs" gap={6}>
              {serving.map((m) => (
                <Checkbox
                  key={m.id}
                  value={m.id}
                  label={`${m.fullName} — ${t(`committees.roles.${m.role}`)}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <ActionForm
            submitLabel={t("committees.save")}
            fields={[
              { name: "heldOn", label: t("committees.heldOn"), kind: "date", required: true },
              {
                name: "kind",
                label: t("committees.meetingKind"),
                kind: "select",
                options: COMMITTEE_MEETING_KINDS.map((k) => ({
                  value: k,
                  label: t(`committees.meetingKinds.${k}`),
                })),
              },
              { name: "agenda", label: t("committees.agenda"), kind: "textarea", required: true },
              { name: "conclusions", label: t("committees.conclusions"), kind: "textarea" },
            ]}
            extra={(b) => ({ ...b, attendeeIds: attendees })}
            onSubmit={(b) => recordMeeting(c.id, b)}
            onDone={done}
          />
        </Stack>
      )}
      {step?.kind === "assign" && (
        <ActionForm
          submitLabel={t("committees.save")}
          fields={[
            { name: "title", label: t("committees.task"), kind: "textarea", required: true },
            {
              name: "responsibleMemberId",
              label: t("committees.responsible"),
              kind: "select",
              options: serving.map((m) => ({ value: m.id, label: m.fullName })),
            },
            { name: "dueOn", label: t("committees.dueOn"), kind: "date" },
          ]}
          onSubmit={(b) => assignTask(c.id, b)}
          onDone={done}
        />
      )}
      {step?.kind === "done" && (
        <Stack gap="sm">
          <Text fw={500}>{step.task.title}</Text>
          <ActionForm
            submitLabel={t("committees.save")}
            fields={[
              {
                name: "doneOn",
                label: t("committees.doneOn", { date: "" }).trim(),
                kind: "date",
                required: true,
              },
            ]}
            onSubmit={(b) => completeTask(c.id, step.task.id, b)}
            onDone={done}
          />
        </Stack>
      )}
    </Modal>
  );
}
