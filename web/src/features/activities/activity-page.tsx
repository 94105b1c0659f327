import "../../locales/register-console";
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { FIGURE_FIELDS, type ActivityDetail } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { QueryState } from "../../components/query-state";
import { Fact } from "../../components/fact";
import { Section } from "../../components/section";
import { ActivityForm } from "./activity-form";
import { activityQuery } from "./api";
import { TrainingSection } from "./training-section";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function CreateActivityPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  const navigate = useNavigate();
  usePageTitle(t("activityForm.createTitle"));
  if (!can(user, "activity.create")) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <AnchorLink to="/hoat-dong" size="sm">
        {t("activities.back")}
      </AnchorLink>
      <Title order={1}>{t("activityForm.createTitle")}</Title>
      <Paper withBorder p="md">
        <ActivityForm onSaved={(a) => void navigate({ to: "/hoat-dong/$id", params: { id: a.id } })} />
      </Paper>
    </Stack>
  );
}

export function ActivityPage() {
  const { id } = useParams({ from: "/console/hoat-dong/$id" });
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  const valid = UUID.test(id) && can(user, "activity.read");
  const query = useQuery({ ...activityQuery(id), enabled: valid });
  usePageTitle(query.data ? t(`activityKinds.${query.data.kind}`) : t("activities.title"));
  if (!valid || (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400))) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/hoat-dong" size="sm">
        {t("activities.back")}
      </AnchorLink>
      <QueryState query={query}>{(a) => <ActivityView activity={a} />}</QueryState>
    </Stack>
  );
}

function ActivityView({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation("console");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [saved, setSaved] = useState(false);
  const remove = useMutation({
    mutationFn: () => api<{ ok: true }>(`/activities/${a.id}`, { method: "DELETE" }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ["activities", "one", a.id] });
      await queryClient.invalidateQueries({ queryKey: ["activities"] });
      await navigate({ to: "/hoat-dong" });
    },
  });
  const heading = a.title ?? t(`activityKinds.${a.kind}`);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} className="td-break">
          {heading}
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color="brand.8" radius="sm" style={{ textTransform: "none" }}>
            {t(`activityKinds.${a.kind}`)}
          </Badge>
          <Text size="sm">{formatDate(a.date)}</Text>
        </Group>
      </Stack>
      {saved && (
        <Alert color="green" variant="outline" role="status">
          {t("activityForm.saved")}
        </Alert>
      )}
      <Group gap="sm">
        {a.can.edit && !editing && (
          <Button
            variant="default"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t("common.edit")}
          </Button>
        )}
        {a.can.delete && (
          <Button variant="outline" color="red.8" onClick={() => setConfirming(true)}>
            {t("common.remove")}
          </Button>
        )}
      </Group>
      {editing ? (
        <Section title={t("activityForm.editTitle")} id="edit-activity">
          <ActivityForm
            activity={a}
            onCancel={() => setEditing(false)}
            onSaved={(next) => {
              // The edit answer is the activity's detail, with what the caller may do now.
              queryClient.setQueryData(activityQuery(a.id).queryKey, next as ActivityDetail);
              setEditing(false);
              setSaved(true);
            }}
          />
        </Section>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
            <Fact label={t("activityForm.unit")}>{a.orgUnitName}</Fact>
            <Fact label={t("activityForm.organizers")}>{a.organizers.map((o) => o.name).join(", ")}</Fact>
            <Fact label={t("activities.topics")}>
              {a.topics.map((x) => t(`activityTopics.${x}`)).join(", ") || t("common.none")}
            </Fact>
            <Fact label={t("activities.channels")}>
              {a.channels.map((x) => t(`activityChannels.${x}`)).join(", ") || t("common.none")}
            </Fact>
            <Fact label={t("activities.tags")}>{a.tags.join(", ") || t("common.none")}</Fact>
          </SimpleGrid>
          {a.kind === "training" && <TrainingSection activityId={a.id} />}
          <Section title={t("activityForm.figures")} id="figures">
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="dl" m={0}>
              {FIGURE_FIELDS.map((f) => (
                <Fact key={f} label={t(`figures.${f}`)}>
                  {formatNumber(a[f])}
                </Fact>
              ))}
            </SimpleGrid>
          </Section>
          {a.notes && (
            <Section title={t("activityForm.notes")} id="notes">
              <Text className="td-break" style={{ whiteSpace: "pre-wrap" }}>
                {a.notes}
              </Text>
            </Section>
          )}
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t("activities.deleteTitle")}
        confirmLabel={t("common.remove")}
        onConfirm={() => remove.mutate()}
        pending={remove.isPending}
        error={remove.error}
        danger
      >
        {t("activities.confirmDelete", { date: formatDate(a.date), unit: a.orgUnitName })}
      </ConfirmDialog>
    </Stack>
  );
}
