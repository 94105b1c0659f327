import "../../locales/register-console";
import "../../locales/register-cases";
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import {
  HOTSPOT_REASONS,
  HOTSPOT_TRANSITIONS,
  type HotspotDetail,
  type HotspotStatus,
} from "@toandan/contracts";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate, useParams } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { errorText } from "../../components/error-text";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatNumber } from "../../lib/format";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { UnitField } from "../../components/unit-field";
import { ActionForm } from "./action-form";
import { hotspotListQuery, hotspotQuery, post, unitBodiesQuery } from "./api";

const statusColor: Record<HotspotStatus, string> = {
  designated: "red.9",
  transforming: "#a63a0b",
  transformed: "green.9",
  removed: "gray.8",
};

export function HotspotsPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const { t: tp } = useTranslation();
  usePageTitle(t("hotspots.title"));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const query = useInfiniteQuery(hotspotListQuery());
  const bodies = useQuery(unitBodiesQuery(unitId)).data?.bodies ?? [];
  if (!can(user, "hotspot.read")) return <NotFoundContent />;
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t("hotspots.title")}</Title>
        {can(user, "hotspot.manage") && (
          <Button onClick={() => setCreating(true)}>{t("hotspots.create")}</Button>
        )}
      </Group>
      <Section title={t("hotspots.title")} id="hotspot-list">
        {query.isPending ? (
          <Loader />
        ) : query.isError ? (
          <Alert color="red" variant="outline" role="alert">
            {errorText(tp, query.error)}
          </Alert>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t("hotspots.none")}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("hotspots.name")}</Table.Th>
                <Table.Th>{t("hotspots.unit")}</Table.Th>
                <Table.Th>{t("hotspots.designatedOn")}</Table.Th>
                <Table.Th>{t("hotspots.reasons")}</Table.Th>
                <Table.Th>{t("hotspots.status")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <AnchorLink to="/dia-ban-trong-diem/$id" params={{ id: h.id }}>
                      {h.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{h.orgUnitName}</Table.Td>
                  <Table.Td>{formatDate(h.designatedOn)}</Table.Td>
                  <Table.Td>{h.reasons.map((r) => t(`hotspots.reasonList.${r}`)).join(", ")}</Table.Td>
                  <Table.Td>
                    <Badge color={statusColor[h.status]} variant="filled">
                      {t(`hotspots.statuses.${h.status}`)}
                    </Badge>
                  </Table.Td>
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
        title={t("hotspots.create")}
        size="lg"
      >
        <Stack gap="sm">
          <UnitField
            label={t("hotspots.unit")}
            value={unitId}
            onChange={setUnitId}
            required
            kinds={["commune", "residential_area"]}
          />
          <Checkbox.Group label={t("hotspots.reasons")} value={reasons} onChange={setReasons} required>
            <Group mt="xs">
              {HOTSPOT_REASONS.map((r) => (
                <Checkbox key={r} value={r} label={t(`hotspots.reasonList.${r}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <ActionForm
            key={unitId ?? "none"}
            submitLabel={t("hotspots.save")}
            fields={[
              { name: "name", label: t("hotspots.name"), required: true },
              { name: "designatedOn", label: t("hotspots.designatedOn"), kind: "date", required: true },
              { name: "decisionNumber", label: t("hotspots.decisionNumber") },
              { name: "description", label: t("hotspots.description"), kind: "textarea" },
              { name: "taskTitle", label: t("hotspots.task") },
              {
                name: "taskBody",
                label: t("hotspots.responsible"),
                kind: "select",
                options: [{ value: "", label: "—" }, ...bodies.map((b) => ({ value: b.id, label: b.name }))],
              },
            ]}
            extra={({ taskTitle, taskBody, ...b }) => ({
              ...b,
              orgUnitId: unitId ?? "",
              reasons,
              tasks: taskTitle && taskBody ? [{ title: taskTitle, responsibleBodyId: taskBody }] : [],
            })}
            onSubmit={(b) => post<HotspotDetail>("/hotspots", b)}
            onDone={(r) => {
              setCreating(false);
              void qc.invalidateQueries({ queryKey: ["hotspots"] });
              void navigate({ to: "/dia-ban-trong-diem/$id", params: { id: (r as HotspotDetail).id } });
            }}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}

export function HotspotPage() {
  const { id } = useParams({ from: "/console/dia-ban-trong-diem/$id" });
  const { t } = useTranslation("cases");
  usePageTitle(t("hotspots.title"));
  const query = useQuery(hotspotQuery(id));
  return <QueryState query={query}>{(h) => <Hotspot h={h} />}</QueryState>;
}

function Hotspot({ h }: { h: HotspotDetail }) {
  const { t } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const user = useCurrentUser();
  const qc = useQueryClient();
  const [move, setMove] = useState<HotspotStatus | "evidence" | null>(null);
  const manage = can(user, "hotspot.manage");
  const refresh = () => {
    setMove(null);
    void qc.invalidateQueries({ queryKey: ["hotspots"] });
  };
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{h.name}</Title>
        <Badge size="lg" color={statusColor[h.status]} variant="filled">
          {t(`hotspots.statuses.${h.status}`)}
        </Badge>
      </Group>
      <Text>
        {h.orgUnitName} · {t("hotspots.designatedOn")}: {formatDate(h.designatedOn)}
        {h.decisionNumber ? ` · ${h.decisionNumber}` : ""} ·{" "}
        {h.reasons.map((r) => t(`hotspots.reasonList.${r}`)).join(", ")}
      </Text>
      {h.description && <Text>{h.description}</Text>}
      {manage && (
        <Group>
          {HOTSPOT_TRANSITIONS[h.status].map((s) => (
            <Button key={s} variant="default" onClick={() => setMove(s)}>
              {t("hotspots.moveTo", { status: t(`hotspots.statuses.${s}`) })}
            </Button>
          ))}
          {h.status !== "removed" && (
            <Button onClick={() => setMove("evidence")}>{t("hotspots.addEvidence")}</Button>
          )}
        </Group>
      )}
      <Section title={t("hotspots.plan")} id="hotspot-plan">
        <Table>
          <Table.Tbody>
            {h.tasks.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td>{x.title}</Table.Td>
                <Table.Td>{x.responsibleBodyName}</Table.Td>
                <Table.Td>{formatDate(x.dueOn)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t("hotspots.evidence")} id="hotspot-evidence">
        <Table>
          <Table.Tbody>
            {h.evidence.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDate(e.observedOn)}</Table.Td>
                <Table.Td>{e.summary}</Table.Td>
                <Table.Td>{e.incidents === null ? "" : formatNumber(e.incidents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Section title={t("hotspots.history")} id="hotspot-history">
        <Table>
          <Table.Tbody>
            {h.history.map((x, i) => (
              <Table.Tr key={i}>
                <Table.Td>{formatDate(x.date)}</Table.Td>
                <Table.Td>{t(`hotspots.statuses.${x.to}`)}</Table.Td>
                <Table.Td>{x.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={move !== null}
        onClose={() => setMove(null)}
        title={
          move === "evidence"
            ? t("hotspots.addEvidence")
            : move
              ? t("hotspots.moveTo", { status: t(`hotspots.statuses.${move}`) })
              : ""
        }
      >
        {move === "evidence" ? (
          <ActionForm
            submitLabel={t("hotspots.save")}
            fields={[
              { name: "observedOn", label: t("hotspots.observedOn"), kind: "date", required: true },
              { name: "summary", label: t("hotspots.summary"), kind: "textarea", required: true },
              { name: "incidents", label: t("hotspots.incidents"), kind: "number" },
            ]}
            onSubmit={(b) => post(`/hotspots/${h.id}/evidence`, b)}
            onDone={refresh}
          />
        ) : move ? (
          <ActionForm
            submitLabel={t("hotspots.save")}
            fields={[
              { name: "date", label: t("hotspots.date"), kind: "date", required: true },
              { name: "reason", label: t("hotspots.moveReason"), kind: "textarea", required: true },
            ]}
            extra={(b) => ({ ...b, status: move })}
            onSubmit={(b) => post(`/hotspots/${h.id}/status`, b)}
            onDone={refresh}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
