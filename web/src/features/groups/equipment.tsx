import "../../locales/register-pilots";
import { Button, Group, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import {
  EQUIPMENT_FUNDERS,
  EQUIPMENT_KINDS,
  ONLINE_PLATFORMS,
  type GroupEquipment,
  type OnlineChannel,
} from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { DataTable } from "../../components/data-table";
import { Fact } from "../../components/fact";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { formatDate, formatNumber } from "../../lib/format";
import { addChannel, closeChannel, groupEquipmentQuery, installEquipment, removeEquipment } from "./api";

type Step = { kind: "install" | "remove" | "channel" } | { kind: "close"; channel: OnlineChannel };

/** A model's equipment ("camera an ninh", "đèn đường", "cổng rào"…) and its Zalo / Facebook groups. */
export function EquipmentSections({
  groupId,
  onSaved,
}: {
  groupId: string;
  onSaved: (text: string) => void;
}) {
  const query = useQuery(groupEquipmentQuery(groupId));
  return (
    <QueryState query={query}>{(e) => <Equipment groupId={groupId} e={e} onSaved={onSaved} />}</QueryState>
  );
}

function Equipment({
  groupId,
  e,
  onSaved,
}: {
  groupId: string;
  e: GroupEquipment;
  onSaved: (t: string) => void;
}) {
  const { t } = useTranslation("pilots");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const [step, setStep] = useState<Step | null>(null);
  const present = e.counts.filter((c) => c.count > 0);
  const kindOptions = EQUIPMENT_KINDS.map((k) => ({ value: k, label: t(`equipment.kinds.${k}`) }));
  const done = (text: string) => () => {
    void qc.invalidateQueries({ queryKey: ["groups", "one", groupId, "equipment"] });
    setStep(null);
    onSaved(text);
  };
  const titles = {
    install: t("equipment.install"),
    remove: t("equipment.remove"),
    channel: t("channels.add"),
    close: t("channels.close"),
  };
  return (
    <>
      <Section
        title={t("equipment.title")}
        id="equipment"
        actions={
          e.can.manage ? (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setStep({ kind: "install" })}>
                {t("equipment.install")}
              </Button>
              {present.length > 0 && (
                <Button size="xs" variant="default" onClick={() => setStep({ kind: "remove" })}>
                  {t("equipment.remove")}
                </Button>
              )}
            </Group>
          ) : undefined
        }
      >
        <Stack gap="sm">
          {present.length === 0 ? (
            <Text c="dimmed">{t("equipment.none")}</Text>
          ) : (
            <>
              <Text size="sm">{t("equipment.onDate", { date: formatDate(e.on) })}</Text>
              <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs" component="dl" m={0}>
                {present.map((c) => (
                  <Fact key={c.kind} label={t(`equipment.kinds.${c.kind}`)}>
                    {formatNumber(c.count)}
                  </Fact>
                ))}
              </SimpleGrid>
            </>
          )}
          {e.changes.length > 0 && (
            <DataTable
              label={t("equipment.history")}
              minWidth={520}
              striped={false}
              rows={e.changes}
              rowKey={(c) => c.id}
              columns={[
                { key: "on", header: t("equipment.on"), cell: (c) => formatDate(c.on) },
                { key: "kind", header: t("equipment.kind"), cell: (c) => t(`equipment.kinds.${c.kind}`) },
                {
                  key: "change",
                  header: t("equipment.change"),
                  numeric: true,
                  cell: (c) => (c.change > 0 ? `+${formatNumber(c.change)}` : `−${formatNumber(-c.change)}`),
                },
                {
                  key: "funded",
                  header: t("equipment.fundedBy"),
                  cell: (c) => (c.fundedBy ? t(`equipment.funders.${c.fundedBy}`) : ""),
                },
                { key: "note", header: t("equipment.note"), cell: (c) => c.note ?? "" },
              ]}
            />
          )}
        </Stack>
      </Section>

      <Section
        title={t("channels.title")}
        id="online-channels"
        actions={
          e.can.manage ? (
            <Button size="xs" variant="default" onClick={() => setStep({ kind: "channel" })}>
              {t("channels.add")}
            </Button>
          ) : undefined
        }
      >
        {e.channels.length === 0 ? (
          <Text c="dimmed">{t("channels.none")}</Text>
        ) : (
          <DataTable
            label={t("channels.title")}
            minWidth={560}
            striped={false}
            rows={e.channels}
            rowKey={(c) => c.id}
            columns={[
              {
                key: "name",
                header: t("channels.name"),
                cell: (c) => `${c.name} (${t(`channels.platforms.${c.platform}`)})`,
              },
              {
                key: "members",
                header: t("channels.members"),
                numeric: true,
                cell: (c) => formatNumber(c.members),
              },
              {
                key: "use",
                header: t("channels.use"),
                cell: (c) =>
                  [c.forPropaganda && t("channels.forPropaganda"), c.forTips && t("channels.forTips")]
                    .filter(Boolean)
                    .join(", "),
              },
              {
                key: "dates",
                header: t("channels.startedOn"),
                cell: (c) =>
                  c.closedOn
                    ? `${formatDate(c.startedOn)} – ${formatDate(c.closedOn)}`
                    : formatDate(c.startedOn),
              },
              {
                key: "actions",
                header: "",
                cell: (c) =>
                  e.can.manage && !c.closedOn ? (
                    <Button
                      size="compact-xs"
                      variant="default"
                      onClick={() => setStep({ kind: "close", channel: c })}
                    >
                      {t("channels.close")}
                    </Button>
                  ) : c.closedOn ? (
                    ""
                  ) : (
                    t("channels.active")
                  ),
              },
            ]}
          />
        )}
      </Section>

      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={step !== null}
        onClose={() => setStep(null)}
        title={step ? titles[step.kind] : ""}
      >
        {step?.kind === "install" && (
          <ActionForm
            submitLabel={t("equipment.save")}
            fields={[
              { name: "kind", label: t("equipment.kind"), kind: "select", options: kindOptions },
              { name: "quantity", label: t("equipment.quantity"), kind: "number", required: true },
              { name: "on", label: t("equipment.installedOn"), kind: "date", required: true },
              {
                name: "fundedBy",
                label: t("equipment.fundedBy"),
                kind: "select",
                options: EQUIPMENT_FUNDERS.map((f) => ({ value: f, label: t(`equipment.funders.${f}`) })),
              },
              { name: "note", label: t("equipment.note"), kind: "textarea" },
            ]}
            onSubmit={(b) => installEquipment(groupId, b)}
            onDone={done(t("equipment.installed"))}
          />
        )}
        {step?.kind === "remove" && (
          <ActionForm
            submitLabel={t("equipment.save")}
            fields={[
              {
                name: "kind",
                label: t("equipment.kind"),
                kind: "select",
                options: kindOptions.filter((o) => present.some((p) => p.kind === o.value)),
              },
              { name: "quantity", label: t("equipment.quantity"), kind: "number", required: true },
              { name: "on", label: t("equipment.removedOn"), kind: "date", required: true },
              { name: "note", label: t("equipment.note"), kind: "textarea" },
            ]}
            onSubmit={(b) => removeEquipment(groupId, b)}
            onDone={done(t("equipment.removed"))}
          />
        )}
        {step?.kind === "channel" && (
          <ActionForm
            submitLabel={t("channels.save")}
            fields={[
              {
                name: "platform",
                label: t("channels.platform"),
                kind: "select",
                options: ONLINE_PLATFORMS.map((p) => ({ value: p, label: t(`channels.platforms.${p}`) })),
              },
              { name: "name", label: t("channels.name"), required: true },
              { name: "members", label: t("channels.members"), kind: "number", required: true },
              { name: "startedOn", label: t("channels.startedOn"), kind: "date", required: true },
              {
                name: "use",
                label: t("channels.use"),
                kind: "select",
                options: [
                  { value: "both", label: `${t("channels.forPropaganda")}, ${t("channels.forTips")}` },
                  { value: "propaganda", label: t("channels.forPropaganda") },
                  { value: "tips", label: t("channels.forTips") },
                ],
              },
            ]}
            extra={({ use, ...b }) => ({
              ...b,
              forPropaganda: use !== "tips",
              forTips: use !== "propaganda",
            })}
            onSubmit={(b) => addChannel(groupId, b)}
            onDone={done(t("channels.added"))}
          />
        )}
        {step?.kind === "close" && (
          <ActionForm
            submitLabel={t("channels.save")}
            fields={[{ name: "closedOn", label: t("channels.closedOn"), kind: "date", required: true }]}
            onSubmit={(b) => closeChannel(groupId, step.channel.id, b)}
            onDone={done(t("channels.closed"))}
          />
        )}
      </Modal>
    </>
  );
}
