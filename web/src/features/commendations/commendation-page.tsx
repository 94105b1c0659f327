import "../../locales/register-console";
import "../../locales/register-commendations";
import { Button, Group, Paper, Stack, Text } from "@mantine/core";
import type { Commendation } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AnchorLink } from "../../components/anchor-link";
import { DataTable } from "../../components/data-table";
import { ErrorAlert } from "../../components/error-alert";
import { PageHeader } from "../../components/page-header";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { commendationQuery, commendationStep } from "./api";
import { StepDialog, type Step } from "./commendation-steps";
import { EndorsementChain } from "./endorsement-chain";
import { CommendationStatusBadge } from "./status-badge";

export function CommendationPage() {
  const { id } = useParams({ from: "/console/khen-thuong/$id" });
  const { t } = useTranslation("commendations");
  usePageTitle(t("commendations.title"));
  const query = useQuery(commendationQuery(id));
  return <QueryState query={query}>{(c) => <CommendationView c={c} />}</QueryState>;
}

function CommendationView({ c }: { c: Commendation }) {
  const { t } = useTranslation("commendations");
  const user = useCurrentUser();
  const [step, setStep] = useState<Step | null>(null);
  const open = c.status === "nominated" || c.status === "endorsed";
  return (
    <Stack gap="lg">
      <PageHeader title={c.nomineeName} actions={<CommendationStatusBadge size="lg" status={c.status} />} />
      <Text>
        {t(`commendations.nomineeKinds.${c.nomineeKind}`)} · {c.orgUnitName} · {formatDate(c.nominatedOn)}
      </Text>
      <Paper withBorder p="md">
        <Text>{c.achievements}</Text>
        {c.evidence.length > 0 && (
          <Text size="sm" mt="xs">
            {t("commendations.evidence")}:{" "}
            {c.evidence.map((e, i) => (
              <span key={e.id}>
                {i > 0 && ", "}
                <EvidenceLink kind={e.kind} id={e.id} label={t(`commendations.evidenceKinds.${e.kind}`)} />
              </span>
            ))}
          </Text>
        )}
      </Paper>
      <Group>
        {open && can(user, "commendation.endorse") && (
          <Button onClick={() => setStep("endorse")}>{t("commendations.endorse")}</Button>
        )}
        {c.status === "endorsed" && can(user, "commendation.decide") && (
          <Button variant="default" onClick={() => setStep("decide")}>
            {t("commendations.decide")}
          </Button>
        )}
      </Group>
      <Section title={t("commendations.chain")} id="chain">
        <EndorsementChain c={c} />
      </Section>
      <Section title={t("commendations.endorse")} id="endorsements">
        {c.endorsements.length === 0 && <Text c="dimmed">{t("commendations.noEndorsements")}</Text>}
        {c.endorsements.length > 0 && (
          <DataTable
            label={t("commendations.endorse")}
            striped={false}
            rows={c.endorsements}
            rowKey={(_, i) => i}
            columns={[
              {
                key: "level",
                header: t("commendations.level"),
                cell: (e) => t(`commendations.levels.${e.level}`),
              },
              { key: "by", header: t("commendations.unit"), cell: (e) => e.byUnitName },
              {
                key: "approve",
                header: t("commendations.endorse"),
                cell: (e) => (e.approve ? t("commendations.approve") : t("commendations.reject")),
              },
              { key: "on", header: t("commendations.endorsedOn"), cell: (e) => formatDate(e.endorsedOn) },
              { key: "text", header: t("commendations.opinion"), cell: (e) => e.opinion },
            ]}
          />
        )}
        {c.decision && (
          <Text mt="sm" fw={600}>
            {t(`commendations.awardForms.${c.decision.awardForm}`)} — {c.decision.decisionNumber} (
            {formatDate(c.decision.decidedOn)}), {c.decision.issuer}
          </Text>
        )}
      </Section>
      <ConsentSection c={c} onStep={setStep} />
      <StepDialog commendation={c} step={step} onClose={() => setStep(null)} />
    </Stack>
  );
}

/** The nominee's consent to be named in public, and publishing in the register. */
function ConsentSection({ c, onStep }: { c: Commendation; onStep: (s: Step) => void }) {
  const { t } = useTranslation("commendations");
  const user = useCurrentUser();
  const qc = useQueryClient();
  const publication = useMutation({
    mutationFn: (publish: boolean) => commendationStep(c.id, "publication", { publish }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ["commendations"] }),
  });
  return (
    <Section title={t("commendations.consent")} id="consent">
      <Stack gap="xs">
        {c.consent === null ? (
          <Text>{t("commendations.consentNone")}</Text>
        ) : c.consent.given ? (
          <Text>
            {t("commendations.consentGiven")} ({formatDate(c.consent.on)},{" "}
            {t(`commendations.consentMethods.${c.consent.method as "written"}`)}): {c.consent.publicName} —{" "}
            {c.consent.deedSummary}
          </Text>
        ) : (
          <Text>
            {t("commendations.consentWithdrawn")} ({formatDate(c.consent.on)})
          </Text>
        )}
        {can(user, "commendation.publish") && (
          <Group>
            <Button variant="default" onClick={() => onStep("consent")}>
              {t("commendations.recordConsent")}
            </Button>
            {c.consent?.given && (
              <Button variant="default" onClick={() => onStep("withdraw")}>
                {t("commendations.withdrawConsent")}
              </Button>
            )}
            {c.published ? (
              <Button variant="default" onClick={() => publication.mutate(false)}>
                {t("commendations.unpublish")}
              </Button>
            ) : (
              <Button onClick={() => publication.mutate(true)}>{t("commendations.publish")}</Button>
            )}
          </Group>
        )}
        {publication.isError && <ErrorAlert error={publication.error} />}
      </Stack>
    </Section>
  );
}

/** A record the nomination rests on, linked to its page where the register has one (no raw ids shown). */
function EvidenceLink({
  kind,
  id,
  label,
}: {
  kind: Commendation["evidence"][number]["kind"];
  id: string;
  label: string;
}) {
  if (kind === "activity") {
    return (
      <AnchorLink to="/hoat-dong/$id" params={{ id }}>
        {label}
      </AnchorLink>
    );
  }
  if (kind === "group") {
    return (
      <AnchorLink to="/to-mo-hinh/$id" params={{ id }}>
        {label}
      </AnchorLink>
    );
  }
  if (kind === "hotspot") {
    return (
      <AnchorLink to="/dia-ban-trong-diem/$id" params={{ id }}>
        {label}
      </AnchorLink>
    );
  }
  return <>{label}</>;
}
