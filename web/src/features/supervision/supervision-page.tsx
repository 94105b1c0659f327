import "../../locales/register-console";
import "../../locales/register-supervision";
import { Button, Group, List, Modal, Paper, Stack, Text } from "@mantine/core";
import { SUPERVISION_RESULTS, type Recommendation, type SupervisionDetail } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { usePageTitle } from "../../components/use-page-title";
import { StatusBadge } from "../../components/status-badge";
import { formatDate } from "../../lib/format";
import { closeSupervision, recordFinding, recordResponse, supervisionQuery } from "./api";
import { RecommendationForm } from "./recommendation-form";
import { SupervisionStatusBadge } from "./status-badge";

export function SupervisionPage() {
  const { id } = useParams({ from: "/console/giam-sat/$id" });
  const { t } = useTranslation("supervision");
  usePageTitle(t("supervision.title"));
  const query = useQuery(supervisionQuery(id));
  return <QueryState query={query}>{(s) => <Supervision s={s} />}</QueryState>;
}

type Step =
  { kind: "finding" | "recommendation" | "close" } | { kind: "respond"; recommendation: Recommendation };

function Supervision({ s }: { s: SupervisionDetail }) {
  const { t } = useTranslation("supervision");
  const [step, setStep] = useState<Step | null>(null);
  const subject =
    s.subjectKind === "agency"
      ? s.subjectBodyName
      : s.subjectKind === "plan"
        ? s.subjectPlanTitle
        : t("supervision.subjects.movement");
  return (
    <Stack gap="lg">
      <PageHeader title={s.title} />
      <Stack gap={4}>
        <div>
          <SupervisionStatusBadge status={s.status} />
        </div>
        <Text className="td-break">
          {s.orgUnitName} · {t(`supervision.forms.${s.form}`)}
        </Text>
        <Text className="td-break">
          {t("supervision.subjectKind")}: {subject}
        </Text>
        <Text>{t("supervision.period", { from: formatDate(s.periodFrom), to: formatDate(s.periodTo) })}</Text>
        {s.decisionNumber && (
          <Text>
            {s.decisionDate
              ? t("supervision.decision", { number: s.decisionNumber, date: formatDate(s.decisionDate) })
              : t("supervision.decisionNoDate", { number: s.decisionNumber })}
          </Text>
        )}
        <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
          {s.content}
        </Text>
        {s.members.length > 0 && (
          <>
            <Text fw={600}>{t("supervision.members")}</Text>
            <List>
              {s.members.map((m, i) => (
                <List.Item key={i}>{m.position ? `${m.name}, ${m.position}` : m.name}</List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
      {(s.can.recordFinding || s.can.addRecommendation || s.can.close) && (
        <Group>
          {s.can.recordFinding && (
            <Button onClick={() => setStep({ kind: "finding" })}>{t("supervision.recordFinding")}</Button>
          )}
          {s.can.addRecommendation && (
            <Button variant="default" onClick={() => setStep({ kind: "recommendation" })}>
              {t("supervision.addRecommendation")}
            </Button>
          )}
          {s.can.close && (
            <Button variant="default" onClick={() => setStep({ kind: "close" })}>
              {t("supervision.close")}
            </Button>
          )}
        </Group>
      )}
      {s.result && s.closedOn && (
        <Section title={t("supervision.summary")} id="supervision-conclusion">
          <Text fw={600}>
            {t("supervision.conclusion", {
              date: formatDate(s.closedOn),
              result: t(`supervision.results.${s.result}`),
            })}
          </Text>
          <Text style={{ whiteSpace: "pre-wrap" }}>{s.summary}</Text>
          {s.unansweredNote && <Text c="dimmed">{s.unansweredNote}</Text>}
        </Section>
      )}
      <Section title={t("supervision.findings")} id="supervision-findings">
        {s.findings.length === 0 && <Text c="dimmed">{t("supervision.noFindings")}</Text>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {s.findings.map((f) => (
            <Paper key={f.id} component="li" withBorder p="sm">
              <Text size="sm" c="dimmed">
                {formatDate(f.foundOn)}
              </Text>
              <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
                {f.content}
              </Text>
            </Paper>
          ))}
        </Stack>
      </Section>
      <Section title={t("supervision.recommendations")} id="supervision-recommendations">
        {s.recommendationList.length === 0 && <Text c="dimmed">{t("supervision.noRecommendations")}</Text>}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
          {s.recommendationList.map((r) => (
            <RecommendationItem
              key={r.id}
              r={r}
              onRespond={() => setStep({ kind: "respond", recommendation: r })}
            />
          ))}
        </Stack>
      </Section>
      <StepDialog s={s} step={step} onClose={() => setStep(null)} />
    </Stack>
  );
}

function RecommendationItem({ r, onRespond }: { r: Recommendation; onRespond: () => void }) {
  const { t } = useTranslation("supervision");
  return (
    <Paper component="li" withBorder p="sm">
      <Stack gap={4}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text fw={600} className="td-break">
            {r.addresseeName}
          </Text>
          {r.response ? (
            <StatusBadge
              label={t("supervision.answered", { date: formatDate(r.response.respondedOn) })}
              tone={{ color: "teal.9", variant: "outline" }}
            />
          ) : (
            <StatusBadge
              label={r.overdue ? t("supervision.overdue") : t("supervision.awaiting")}
              tone={{ color: r.overdue ? "red.9" : "gray.8", variant: "outline" }}
            />
          )}
        </Group>
        <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
          {r.content}
        </Text>
        <Text size="sm" c="dimmed">
          {t("supervision.dueLine", { made: formatDate(r.madeOn), due: formatDate(r.dueOn) })}
        </Text>
        {r.response && (
          <Paper bg="var(--mantine-color-gray-0)" p="xs">
            <Text size="sm" fw={600}>
              {t("supervision.responseContent")}
            </Text>
            <Text size="sm" className="td-break" style={{ whiteSpace: "pre-wrap" }}>
              {r.response.content}
            </Text>
            {r.response.action && (
              <Text size="sm" className="td-break">
                {t("supervision.actionLine", { action: r.response.action })}
              </Text>
            )}
          </Paper>
        )}
        {r.can.respond && (
          <div>
            <Button size="xs" variant="light" onClick={onRespond}>
              {t("supervision.respond")}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function StepDialog({ s, step, onClose }: { s: SupervisionDetail; step: Step | null; onClose: () => void }) {
  const { t } = useTranslation("supervision");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const done = (r: unknown) => {
    qc.setQueryData(["supervisions", s.id], r);
    void qc.invalidateQueries({ queryKey: ["supervisions"] });
    onClose();
  };
  const titles = {
    finding: t("supervision.recordFinding"),
    recommendation: t("supervision.addRecommendation"),
    close: t("supervision.close"),
    respond: t("supervision.respond"),
  };
  const unanswered = s.recommendationList.some((r) => !r.response);
  return (
    <Modal
      closeButtonProps={{ "aria-label": tc("common.close") }}
      opened={step !== null}
      onClose={onClose}
      title={step ? titles[step.kind] : ""}
      size="lg"
    >
      {step?.kind === "finding" && (
        <ActionForm
          submitLabel={t("supervision.save")}
          fields={[
            { name: "foundOn", label: t("supervision.foundOn"), kind: "date", required: true },
            { name: "content", label: t("supervision.findingContent"), kind: "textarea", required: true },
          ]}
          onSubmit={(b) => recordFinding(s.id, b)}
          onDone={done}
        />
      )}
      {step?.kind === "recommendation" && <RecommendationForm supervision={s} onDone={done} />}
      {step?.kind === "respond" && (
        <Stack gap="sm">
          <Text fw={500} className="td-break">
            {step.recommendation.addresseeName}: {step.recommendation.content}
          </Text>
          <ActionForm
            submitLabel={t("supervision.save")}
            fields={[
              { name: "respondedOn", label: t("supervision.respondedOn"), kind: "date", required: true },
              { name: "content", label: t("supervision.responseContent"), kind: "textarea", required: true },
              { name: "action", label: t("supervision.action"), kind: "textarea" },
            ]}
            onSubmit={(b) => recordResponse(s.id, step.recommendation.id, b)}
            onDone={done}
          />
        </Stack>
      )}
      {step?.kind === "close" && (
        <ActionForm
          submitLabel={t("supervision.close")}
          fields={[
            { name: "closedOn", label: t("supervision.closedOn"), kind: "date", required: true },
            {
              name: "result",
              label: t("supervision.result"),
              kind: "select",
              options: SUPERVISION_RESULTS.map((r) => ({ value: r, label: t(`supervision.results.${r}`) })),
            },
            { name: "summary", label: t("supervision.summary"), kind: "textarea", required: true },
            ...(unanswered
              ? [
                  {
                    name: "unansweredNote",
                    label: t("supervision.unansweredNote"),
                    kind: "textarea" as const,
                    required: true,
                    description: t("supervision.unansweredNoteHint"),
                  },
                ]
              : []),
          ]}
          onSubmit={(b) => closeSupervision(s.id, b)}
          onDone={done}
        />
      )}
    </Modal>
  );
}
