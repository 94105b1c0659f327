import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text } from "@mantine/core";
import { todayInVietnam, type GroupDetail, type GroupMember } from "@toandan/contracts";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { DateField } from "../../components/date-field";
import { errorText } from "../../components/error-text";
import { ErrorAlert } from "../../components/error-alert";
import { ExportCsvButton } from "../../components/export-button";
import { formatDate, parseVnDate } from "../../lib/format";
import { groupMembersQuery } from "./api";

/** The members, current and past, with "Rời tổ" for each current one when the user may manage. */
export function Members({
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
    return <ErrorAlert error={query.error} />;
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
                {(m.ethnicity || m.religion) && (
                  <Text size="sm" c="dimmed">
                    {[m.ethnicity, m.religion].filter(Boolean).join(" · ")}
                  </Text>
                )}
                {m.notes && (
                  <Text size="sm" c="dimmed" className="td-break">
                    {m.notes}
                  </Text>
                )}
                {m.deidentified && (
                  <Text size="sm" c="dimmed">
                    {t("members.deidentified")}
                  </Text>
                )}
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
