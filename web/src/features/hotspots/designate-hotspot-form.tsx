import { Checkbox, Group, Stack } from "@mantine/core";
import { HOTSPOT_REASONS, type HotspotDetail } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitBodiesQuery } from "../../api/org-units";
import { ActionForm } from "../../components/action-form";
import { UnitField } from "../../components/unit-field";
import { designateHotspot } from "./api";

/** A commune or residential area, the reasons, the decision, and a first task with its body. */
export function DesignateHotspotForm({ onDone }: { onDone: (h: HotspotDetail) => void }) {
  const { t } = useTranslation("hotspots");
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const bodies = useQuery(unitBodiesQuery(unitId)).data?.bodies ?? [];
  return (
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
        onSubmit={designateHotspot}
        onDone={(r) => {
          void qc.invalidateQueries({ queryKey: ["hotspots"] });
          onDone(r as HotspotDetail);
        }}
      />
    </Stack>
  );
}
