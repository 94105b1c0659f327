import "../../locales/register-console";
import "../../locales/register-cases";
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, Title } from "@mantine/core";
import {
  AWARD_FORMS,
  ENDORSEMENT_LEVELS,
  EVIDENCE_KINDS,
  NOMINEE_KINDS,
  type Commendation,
} from "@toandan/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { ActionForm } from "./action-form";
import { commendationListQuery, commendationQuery, post } from "./api";

export function CommendationsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const { t: tp } = useTranslation();
  usePageTitle(t("commendations.title"));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const query = useInfiniteQuery(commendationListQuery());
  if (!can(user, "commendation.read")) return <NotFoundContent />;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t("commendations.title")}</Title>
        {can(user, "commendation.nominate") && (
          <Button onClick={() => setCreating(true)}>{t("commendations.create")}</Button>
        )}
      </Group>
      <Section title={t("commendations.title")} id="commendation-list">
        {query.isPending ? (
          <Loader />
        ) : query.isError ? (
          <Alert color="red" variant="outline" role="alert">
            {errorText(tp, query.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t("commendations.none")}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("commendations.nominee")}</Table.Th>
                <Table.Th>{t("commendations.unit")}</Table.Th>
                <Table.Th>{t("commendations.nominatedOn")}</Table.Th>
                <Table.Th>{t("commendations.status")}</Table.Th>
                <Table.Th>{t("commendations.published")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <AnchorLink to="/khen-thuong/$id" params={{ id: c.id }}>
                      {c.nomineeName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{c.orgUnitName}</Table.Td>
                  <Table.Td>{formatDate(c.nominatedOn)}</Table.Td>
                  <Table.Td>{t(`commendations.statuses.${c.status}`)}</Table.Td>
                  <Table.Td>{c.published ? "✓" : ""}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t("commendations.create")}
        size="lg"
      >
        <Stack gap="sm">
          <UnitField label={t("commendations.unit")} value={unitId} onChange={setUnitId} required />
          <ActionForm
            submitLabel={t("commendations.save")}
            fields={[
              {
                name: "nomineeKind",
                label: t("commendations.nomineeKind"),
                kind: "select",
                options: NOMINEE_KINDS.map((k) => ({
                  value: k,
                  label: t(`commendations.nomineeKinds.${k}`),
                })),
              },
              { name: "nomineeName", label: t("commendations.nominee"), required: true },
              {
                name: "achievements",
                label: t("commendations.achievements"),
                kind: "textarea",
                required: true,
              },
              { name: "nominatedOn", label: t("commendations.nominatedOn"), kind: "date", required: true },
              {
                name: "evidenceKind",
                label: t("commendations.evidence"),
                kind: "select",
                options: [
                  { value: "", label: "—" },
                  ...EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`commendations.evidenceKinds.${k}`) })),
                ],
              },
              { name: "evidenceId", label: t("commendations.evidenceId") },
            ]}
            extra={({ evidenceKind, evidenceId, ...b }) => ({
              ...b,
              orgUnitId: unitId ?? "",
              evidence: evidenceKind && evidenceId ? [{ kind: evidenceKind, id: evidenceId }] : [],
            })}
            onSubmit={(b) => post<Commendation>("/commendations", b)}
            onDone={(r) => {
              setCreating(false);
              void qc.invalidateQueries({ queryKey: ["commendations"] });
              void navigate({ to: "/khen-thuong/$id", params: { id: (r as Commendation).id } });
            }}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}

export function CommendationPage() {
  const { id } = useParams({ from: "/console/khen-thuong/$id" });
  const { t } = useTranslation("cases");
  usePageTitle(t("commendations.title"));
  const query = useQuery(commendationQuery(id));
  return <QueryState query={query}>{(c) => <CommendationView c={c} />}</QueryState>;
}

type Act = "endorse" | "decide" | "consent" | "withdraw";

function CommendationView({ c }: { c: Commendation }) {
  const { t } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const { t: tp } = useTranslation();
  const user = useCurrentUser();
  const qc = useQueryClient();
  const [act, setAct] = useState<Act | null>(null);
  const [pubError, setPubError] = useState<unknown>(null);
  const refresh = () => {
    setAct(null);
    void qc.invalidateQueries({ queryKey: ["commendations"] });
  };
  const publish = async (p: boolean) => {
    setPubError(null);
    try {
      await post(`/commendations/${c.id}/publication`, { publish: p });
      refresh();
    } catch (e) {
      setPubError(e);
    }
  };
  const open = c.status === "nominated" || c.status === "endorsed";
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{c.nomineeName}</Title>
        <Badge size="lg" variant="filled" color="blue.9">
          {t(`commendations.statuses.${c.status}`)}
        </Badge>
      </Group>
      <Text>
        {t(`commendations.nomineeKinds.${c.nomineeKind}`)} · {c.orgUnitName} · {formatDate(c.nominatedOn)}
      </Text>
      <Paper withBorder p="md">
        <Text>{c.achievements}</Text>
        {c.evidence.length > 0 && (
          <Text size="sm" mt="xs">
            {t("commendations.evidence")}:{" "}
            {c.evidence
              .map((e) => `${t(`commendations.evidenceKinds.${e.kind}`)} ${e.id.slice(0, 8)}`)
              .join(", ")}
          </Text>
        )}
      </Paper>
      <Group>
        {open && can(user, "commendation.endorse") && (
          <Button onClick={() => setAct("endorse")}>{t("commendations.endorse")}</Button>
        )}
        {c.status === "endorsed" && can(user, "commendation.decide") && (
          <Button variant="default" onClick={() => setAct("decide")}>
            {t("commendations.decide")}
          </Button>
        )}
      </Group>
      <Section title={t("commendations.endorse")} id="endorsements">
        <Table>
          <Table.Tbody>
            {c.endorsements.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td>{t(`commendations.levels.${e.level}`)}</Table.Td>
                <Table.Td>{e.byUnitName}</Table.Td>
                <Table.Td>{e.approve ? t("commendations.approve") : t("commendations.reject")}</Table.Td>
                <Table.Td>{formatDate(e.endorsedOn)}</Table.Td>
                <Table.Td>{e.opinion}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {c.decision && (
          <Text mt="sm" fw={600}>
            {t(`commendations.awardForms.${c.decision.awardForm}`)} — {c.decision.decisionNumber} (
            {formatDate(c.decision.decidedOn)}), {c.decision.issuer}
          </Text>
        )}
      </Section>
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
              <Button variant="default" onClick={() => setAct("consent")}>
                {t("commendations.recordConsent")}
              </Button>
              {c.consent?.given && (
                <Button variant="default" onClick={() => setAct("withdraw")}>
                  {t("commendations.withdrawConsent")}
                </Button>
              )}
              {c.published ? (
                <Button variant="default" onClick={() => void publish(false)}>
                  {t("commendations.unpublish")}
                </Button>
              ) : (
                <Button onClick={() => void publish(true)}>{t("commendations.publish")}</Button>
              )}
            </Group>
          )}
          {pubError !== null && (
            <Alert color="red" variant="outline" role="alert">
              {errorText(tp, pubError)}
            </Alert>
          )}
        </Stack>
      </Section>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={act !== null}
        onClose={() => setAct(null)}
        title={
          act
            ? t(
                act === "withdraw"
                  ? "commendations.withdrawConsent"
                  : act === "consent"
                    ? "commendations.recordConsent"
                    : `commendations.${act}`,
              )
            : ""
        }
      >
        {act === "endorse" && (
          <ActionForm
            submitLabel={t("commendations.save")}
            fields={[
              {
                name: "level",
                label: t("commendations.level"),
                kind: "select",
                options: ENDORSEMENT_LEVELS.map((l) => ({ value: l, label: t(`commendations.levels.${l}`) })),
              },
              {
                name: "approve",
                label: t("commendations.opinion"),
                kind: "select",
                options: [
                  { value: "yes", label: t("commendations.approve") },
                  { value: "no", label: t("commendations.reject") },
                ],
              },
              { name: "endorsedOn", label: t("commendations.endorsedOn"), kind: "date", required: true },
              { name: "opinion", label: t("commendations.opinion"), kind: "textarea" },
            ]}
            extra={(b) => ({ ...b, approve: b.approve === "yes" })}
            onSubmit={(b) => post(`/commendations/${c.id}/endorsements`, b)}
            onDone={refresh}
          />
        )}
        {act === "decide" && (
          <ActionForm
            submitLabel={t("commendations.save")}
            fields={[
              {
                name: "awardForm",
                label: t("commendations.awardForm"),
                kind: "select",
                options: AWARD_FORMS.map((a) => ({ value: a, label: t(`commendations.awardForms.${a}`) })),
              },
              { name: "decisionNumber", label: t("commendations.decisionNumber"), required: true },
              { name: "decidedOn", label: t("commendations.decidedOn"), kind: "date", required: true },
              { name: "issuer", label: t("commendations.issuer"), required: true },
            ]}
            onSubmit={(b) => post(`/commendations/${c.id}/decision`, b)}
            onDone={refresh}
          />
        )}
        {(act === "consent" || act === "withdraw") && (
          <ActionForm
            key={act}
            submitLabel={t("commendations.save")}
            fields={[
              { name: "on", label: t("commendations.consentOn"), kind: "date", required: true },
              {
                name: "method",
                label: t("commendations.consentMethod"),
                kind: "select",
                options: (["written", "in_person", "electronic"] as const).map((m) => ({
                  value: m,
                  label: t(`commendations.consentMethods.${m}`),
                })),
              },
              ...(act === "consent"
                ? [
                    { name: "publicName", label: t("commendations.publicName"), initial: c.nomineeName },
                    {
                      name: "deedSummary",
                      label: t("commendations.deedSummary"),
                      kind: "textarea" as const,
                      required: true,
                    },
                  ]
                : []),
            ]}
            extra={(b) => ({ ...b, given: act === "consent" })}
            onSubmit={(b) => post(`/commendations/${c.id}/consent`, b)}
            onDone={refresh}
          />
        )}
      </Modal>
    </Stack>
  );
}
