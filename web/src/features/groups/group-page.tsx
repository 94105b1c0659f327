import "../../locales/register-console";
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import {
  GROUP_TRANSITIONS,
  type GroupDetail,
  type GroupMember,
  type GroupStatus,
  type GroupSurvey,
  todayInVietnam,
} from "@toandan/contracts";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber, parseVnDate } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { DateField } from "../../components/date-field";
import { ExportCsvButton } from "../../components/export-button";
import { Fact } from "../../components/fact";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { groupMembersQuery, groupQuery, groupTypesQuery, typeName } from "./api";
import { AddMemberForm, EvaluationForm, SurveyForm } from "./group-forms";
import { GroupStatusBadge } from "./status-badge";

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
  const user = useCurrentUser();
  const manage = can(user, "group.manage") && g.status !== "dissolved";
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
      {can(user, "group.manage") && (
        <StatusActions
          group={g}
          onDone={(s) => setNotice(t("status.changed", { status: t(`groupStatuses.${s}`) }))}
        />
      )}

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

      <Section
        title={t("evaluations.title")}
        id="evaluations"
        actions={
          manage && !evaluating ? (
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
            <Paper withBorder p="sm">
              <Text fw={600}>
                {t("evaluations.latest", {
                  from: formatDate(g.latestEvaluation.periodFrom),
                  to: formatDate(g.latestEvaluation.periodTo),
                })}
              </Text>
              <Text>{t(`ratings.${g.latestEvaluation.rating}`)}</Text>
              <Text size="sm" c="dimmed">
                {t("evaluations.on", { date: formatDate(g.latestEvaluation.evaluatedOn) })}
              </Text>
              {g.latestEvaluation.reasons.length > 0 && (
                <List size="sm" mt={4}>
                  {g.latestEvaluation.reasons.map((r, i) => (
                    <List.Item key={i}>{r}</List.Item>
                  ))}
                </List>
              )}
            </Paper>
          ) : (
            <Text c="dimmed">{t("evaluations.none")}</Text>
          )}
        </Stack>
      </Section>
    </Stack>
  );
}

function SurveyView({ title, survey }: { title: string; survey: GroupSurvey }) {
  const { t } = useTranslation("console");
  return (
    <div>
      <Text fw={600} mb={4}>
        {title} — {formatDate(survey.surveyedOn)}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs" component="dl" m={0}>
        <Fact label={t("surveys.crimes")}>{formatNumber(survey.crimes)}</Fact>
        <Fact label={t("surveys.drugUsers")}>{formatNumber(survey.drugUsers)}</Fact>
        <Fact label={t("surveys.gangs")}>{formatNumber(survey.gangs)}</Fact>
        <Fact label={t("surveys.socialEvils")}>{formatNumber(survey.socialEvils)}</Fact>
      </SimpleGrid>
      {survey.notes && (
        <Text size="sm" mt={4} className="td-break">
          {survey.notes}
        </Text>
      )}
    </div>
  );
}

/** Buttons for the moves the transition table allows from the current status. */
function StatusActions({ group, onDone }: { group: GroupDetail; onDone: (s: GroupStatus) => void }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<GroupStatus | null>(null);
  const [date, setDate] = useState(formatDate(todayInVietnam()));
  const [reason, setReason] = useState("");
  const next: readonly GroupStatus[] = GROUP_TRANSITIONS[group.status];
  const mutation = useMutation({
    mutationFn: (body: { status: GroupStatus; date: string; reason?: string }) =>
      api<unknown>(`/groups/${group.id}/status`, { method: "POST", body }),
    onSuccess: async (_d, body) => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      setTarget(null);
      onDone(body.status);
    },
  });
  if (next.length === 0) return null;
  const iso = parseVnDate(date);
  return (
    <>
      <Group gap="sm">
        {next.map((s) => (
          <Button
            key={s}
            variant={s === "dissolved" ? "outline" : "filled"}
            color={s === "dissolved" ? "red.8" : undefined}
            onClick={() => {
              mutation.reset();
              setTarget(s);
            }}
          >
            {t(`status.to.${group.status}_${s}` as "status.to.pilot_active")}
          </Button>
        ))}
      </Group>
      <Modal
        opened={target !== null}
        onClose={() => setTarget(null)}
        title={target ? t(`status.to.${group.status}_${target}` as "status.to.pilot_active") : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!target || !iso) return;
            mutation.mutate({ status: target, date: iso, reason: reason.trim() || undefined });
          }}
        >
          <Stack gap="sm">
            {mutation.isError && (
              <Alert color="red" variant="outline" role="alert">
                {errorText(tp, mutation.error)}
              </Alert>
            )}
            <DateField
              label={t("status.date")}
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={iso ? undefined : t("common.dateInvalid")}
            />
            <Textarea
              label={t("status.reason")}
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setTarget(null)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={mutation.isPending} disabled={!iso}>
                {t("status.confirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function Members({
  group,
  canManage,
  onLeft,
}: {
  group: GroupDetail;
  canManage: boolean;
  onLeft: () => void;
}) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(groupMembersQuery(group.id));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const [leaving, setLeaving] = useState<GroupMember | null>(null);
  const [date, setDate] = useState(formatDate(todayInVietnam()));
  const iso = parseVnDate(date);
  const leave = useMutation({
    mutationFn: ({ member, leftOn }: { member: GroupMember; leftOn: string }) =>
      api<GroupMember>(`/groups/${group.id}/members/${member.id}/leave`, {
        method: "POST",
        body: { leftOn },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ["groups"] });
      setLeaving(null);
      onLeft();
    },
  });
  if (query.isPending) return <Text>{t("common.loading")}</Text>;
  if (query.isError) {
    return (
      <Alert color="red" variant="outline" role="alert">
        {errorText(tp, query.error)}
      </Alert>
    );
  }
  if (items.length === 0) return <Text c="dimmed">{t("members.none")}</Text>;
  return (
    <Stack gap="sm">
      <div>
        <ExportCsvButton
          name={`thanh-vien-${group.name}`}
          header={[
            t("members.fullName"),
            t("members.role"),
            t("members.birthDate"),
            t("members.joinedOn"),
            t("members.leftOn"),
            t("members.disciplinedShort"),
          ]}
          rows={() =>
            items.map((m) => [
              m.fullName,
              m.role ?? "",
              formatDate(m.birthDate),
              formatDate(m.joinedOn),
              formatDate(m.leftOn),
              m.disciplined ? t("common.yes") : t("common.no"),
            ])
          }
        />
      </div>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {items.map((m) => (
          <Paper key={m.id} withBorder p="sm" component="li">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600} className="td-break">
                    {m.fullName}
                  </Text>
                  {m.role && <Text size="sm">{m.role}</Text>}
                  {m.leftOn ? (
                    <Badge variant="outline" color="gray.7" radius="sm" style={{ textTransform: "none" }}>
                      {t("members.left", { date: formatDate(m.leftOn) })}
                    </Badge>
                  ) : (
                    <Badge variant="outline" color="teal.9" radius="sm" style={{ textTransform: "none" }}>
                      {t("members.current")}
                    </Badge>
                  )}
                  {m.disciplined && (
                    <Badge variant="filled" color="red.9" radius="sm" style={{ textTransform: "none" }}>
                      {t("members.disciplinedShort")}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {m.birthDate
                    ? t("members.meta", { joined: formatDate(m.joinedOn), born: formatDate(m.birthDate) })
                    : t("members.metaJoined", { joined: formatDate(m.joinedOn) })}
                </Text>
                {m.ageException && (
                  <Text size="sm" c="dimmed">
                    {t("members.decisionMeta", {
                      number: m.ageException.decisionNumber,
                      date: formatDate(m.ageException.decidedOn),
                    })}
                  </Text>
                )}
              </Stack>
              {canManage && !m.leftOn && (
                <Button
                  size="xs"
                  variant="default"
                  style={{ flex: "none" }}
                  aria-label={t("members.leaveAria", { name: m.fullName })}
                  onClick={() => {
                    leave.reset();
                    setLeaving(m);
                  }}
                >
                  {t("members.leave")}
                </Button>
              )}
            </Group>
          </Paper>
        ))}
      </Stack>
      {query.hasNextPage && (
        <div>
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t("common.loadMore")}
          </Button>
        </div>
      )}
      <Modal
        opened={leaving !== null}
        onClose={() => setLeaving(null)}
        title={leaving ? t("members.leaveFor", { name: leaving.fullName }) : ""}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (leaving && iso) leave.mutate({ member: leaving, leftOn: iso });
          }}
        >
          <Stack gap="sm">
            {leave.isError && (
              <Alert color="red" variant="outline" role="alert">
                {isApiError(leave.error) && leave.error.code === "validation_failed"
                  ? leave.error.issues.map((i) => i.message).join("; ") || errorText(tp, leave.error)
                  : errorText(tp, leave.error)}
              </Alert>
            )}
            <DateField
              label={t("members.leftOn")}
              required
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={iso ? undefined : t("common.dateInvalid")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setLeaving(null)}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={leave.isPending} disabled={!iso}>
                {t("members.leave")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
