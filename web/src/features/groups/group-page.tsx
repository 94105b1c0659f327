import "../../locales/register-console";
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { GRASSROOTS_SECURITY_TEAM, type GroupDetail } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { Fact } from "../../components/fact";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { groupQuery, groupTypesQuery, typeName } from "./api";
import { EquipmentSections } from "./equipment";
import { EvaluationForm, LatestEvaluation } from "./evaluations";
import { AddMemberForm } from "./member-form";
import { Members } from "./member-list";
import { GroupStatusBadge } from "./status-badge";
import { StatusActions } from "./status-actions";
import { SurveyForm, SurveyView } from "./surveys";
import { TeamYearSection } from "./team-year";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function GroupPage() {
  const { id } = useParams({ from: "/console/to-mo-hinh/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  const valid = UUID.test(id) && can(user, "group.read");
  const query = useQuery({ ...groupQuery(id), enabled: valid });
  usePageTitle(query.data?.name ?? t("groups.title"));
  if (!valid || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/to-mo-hinh" size="sm">
        {t("groups.back")}
      </AnchorLink>
      <QueryState query={query}>{(g) => <GroupView group={g} />}</QueryState>
    </Stack>
  );
}

function GroupView({ group: g }: { group: GroupDetail }) {
  const { t, i18n } = useTranslation("console");
  const manage = g.can.manage;
  const yearly = g.typeCode === GRASSROOTS_SECURITY_TEAM;
  const types = useQuery(groupTypesQuery).data?.items;
  const [adding, setAdding] = useState(false);
  const [surveying, setSurveying] = useState(false);
  const [evaluating, setEvaluating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (text: string) => () => {
    setNotice(text);
    setAdding(false);
    setSurveying(false);
    setEvaluating(false);
  };

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} className="td-break">
          {g.name}
        </Title>
        <Group gap="xs" wrap="wrap">
          <GroupStatusBadge status={g.status} />
          <Badge variant="outline" color="gray.8" radius="sm" style={{ textTransform: "none" }}>
            {t(`groupCategories.${g.category}`)}
          </Badge>
          <Text size="sm" className="td-break">
            {typeName(types, g.typeCode, g.typeName, i18n.language)}
          </Text>
        </Group>
      </Stack>
      {notice && (
        <Alert
          color="green"
          variant="outline"
          role="status"
          withCloseButton
          closeButtonLabel={t("common.close")}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
        <Fact label={t("groups.unit")}>{g.orgUnitName}</Fact>
        <Fact label={t("groups.foundedOn")}>{formatDate(g.foundedOn)}</Fact>
        <Fact label={t("groups.currentMembers")}>{formatNumber(g.currentMembers)}</Fact>
        <Fact label={t("groups.replicas")}>{formatNumber(g.replicaCount)}</Fact>
        {g.dissolvedOn && <Fact label={t("groups.dissolvedOn")}>{formatDate(g.dissolvedOn)}</Fact>}
      </SimpleGrid>
      {g.notes && (
        <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
          {g.notes}
        </Text>
      )}
      <StatusActions
        group={g}
        onDone={(s) => setNotice(t("status.changed", { status: t(`groupStatuses.${s}`) }))}
      />

      <Section
        title={t("members.title")}
        id="members"
        actions={
          manage && !adding ? (
            <Button size="xs" variant="default" onClick={() => setAdding(true)}>
              {t("members.add")}
            </Button>
          ) : undefined
        }
      >
        <Stack gap="sm">
          {adding && (
            <Paper withBorder p="sm">
              <AddMemberForm group={g} onDone={done(t("members.added"))} />
              <Button mt="xs" variant="default" size="xs" onClick={() => setAdding(false)}>
                {t("common.cancel")}
              </Button>
            </Paper>
          )}
          <Members group={g} canManage={manage} onLeft={() => setNotice(t("members.leftDone"))} />
        </Stack>
      </Section>

      <Section
        title={t("surveys.title")}
        id="surveys"
        actions={
          manage && !surveying ? (
            <Button size="xs" variant="default" onClick={() => setSurveying(true)}>
              {t("surveys.record")}
            </Button>
          ) : undefined
        }
      >
        <Stack gap="sm">
          {surveying && (
            <Paper withBorder p="sm">
              <SurveyForm groupId={g.id} onDone={done(t("surveys.recorded"))} />
              <Button mt="xs" variant="default" size="xs" onClick={() => setSurveying(false)}>
                {t("common.cancel")}
              </Button>
            </Paper>
          )}
          {g.baselineSurvey ? (
            <SurveyView title={t("surveys.baseline")} survey={g.baselineSurvey} />
          ) : (
            <Text c="dimmed">{t("surveys.none")}</Text>
          )}
          {g.latestSurvey && g.latestSurvey.id !== g.baselineSurvey?.id && (
            <SurveyView title={t("surveys.latest")} survey={g.latestSurvey} />
          )}
        </Stack>
      </Section>

      <EquipmentSections groupId={g.id} onSaved={setNotice} />

      {yearly && (
        <Section title={t("teamYear.title")} id="team-year">
          <TeamYearSection group={g} onSaved={setNotice} />
        </Section>
      )}

      <Section
        title={t("evaluations.title")}
        id="evaluations"
        actions={
          // A grassroots team is rated in its yearly evaluation above (Hướng dẫn 01/HD-BCA-V05).
          manage && !evaluating && !yearly ? (
            <Button size="xs" variant="default" onClick={() => setEvaluating(true)}>
              {t("evaluations.record")}
            </Button>
          ) : undefined
        }
      >
        <Stack gap="sm">
          {evaluating && (
            <Paper withBorder p="sm">
              <EvaluationForm group={g} onDone={done(t("evaluations.recorded"))} />
              <Button mt="xs" variant="default" size="xs" onClick={() => setEvaluating(false)}>
                {t("common.cancel")}
              </Button>
            </Paper>
          )}
          {g.latestEvaluation ? (
            <LatestEvaluation evaluation={g.latestEvaluation} />
          ) : (
            <Text c="dimmed">{t("evaluations.none")}</Text>
          )}
        </Stack>
      </Section>
    </Stack>
  );
}
