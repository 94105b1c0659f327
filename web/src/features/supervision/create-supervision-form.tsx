import "../../locales/register-console";
import "../../locales/register-supervision";
import { NativeSelect, Stack, Text } from "@mantine/core";
import {
  SUPERVISION_FORMS,
  SUPERVISION_SUBJECTS,
  type SupervisionDetail,
  type SupervisionSubject,
} from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitBodiesQuery } from "../../api/org-units";
import { ActionForm } from "../../components/action-form";
import { UnitField } from "../../components/unit-field";
import { defaultUnitId } from "../../lib/scope";
import { useCurrentUser } from "../../lib/use-session";
import { createSupervision, unitPlansQuery } from "./api";

/** "Nguyễn Văn A, Chủ tịch Ủy ban MTTQ phường" per line → the delegation's members. */
export function parseMembers(text: unknown): { name: string; position: string }[] {
  if (typeof text !== "string") return [];
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.search(/[,–—-]/);
      return at === -1
        ? { name: line, position: "" }
        : { name: line.slice(0, at).trim(), position: line.slice(at + 1).trim() };
    });
}

/** The unit, what is supervised, how, when, the delegation and its decision. */
export function CreateSupervisionForm({ onDone }: { onDone: (s: SupervisionDetail) => void }) {
  const { t } = useTranslation("supervision");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const user = useCurrentUser();
  const [unitId, setUnitId] = useState<string | null>(() => defaultUnitId(user));
  const [subject, setSubject] = useState<SupervisionSubject>("movement");
  const [bodyId, setBodyId] = useState("");
  const [planId, setPlanId] = useState("");
  const bodies = useQuery({ ...unitBodiesQuery(unitId), enabled: Boolean(unitId) && subject === "agency" });
  const plans = useQuery({ ...unitPlansQuery(unitId), enabled: Boolean(unitId) && subject === "plan" });
  const bodyOptions = (bodies.data?.bodies ?? []).map((b) => ({
    value: b.id,
    label: `${tc(`bodies.${b.kind}`)} — ${b.name}`,
  }));
  const planOptions = (plans.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.number} — ${p.title}`,
  }));
  return (
    <Stack gap="sm">
      <UnitField
        label={t("supervision.unit")}
        value={unitId}
        onChange={(id) => {
          setUnitId(id);
          setBodyId("");
          setPlanId("");
        }}
        required
      />
      <NativeSelect
        label={t("supervision.subjectKind")}
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value as SupervisionSubject)}
        data={SUPERVISION_SUBJECTS.map((s) => ({ value: s, label: t(`supervision.subjects.${s}`) }))}
      />
      {subject === "agency" && (
        <NativeSelect
          label={t("supervision.subjectBody")}
          required
          value={bodyId}
          onChange={(e) => setBodyId(e.currentTarget.value)}
          data={[{ value: "", label: "—" }, ...bodyOptions]}
        />
      )}
      {subject === "plan" && (
        <>
          <NativeSelect
            label={t("supervision.subjectPlan")}
            required
            value={planId}
            onChange={(e) => setPlanId(e.currentTarget.value)}
            data={[{ value: "", label: "—" }, ...planOptions]}
          />
          {plans.isSuccess && planOptions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t("supervision.noPlans")}
            </Text>
          )}
        </>
      )}
      <ActionForm
        submitLabel={t("supervision.save")}
        fields={[
          { name: "title", label: t("supervision.titleField"), required: true },
          { name: "content", label: t("supervision.content"), kind: "textarea", required: true },
          {
            name: "form",
            label: t("supervision.form"),
            kind: "select",
            initial: "delegation",
            options: SUPERVISION_FORMS.map((f) => ({ value: f, label: t(`supervision.forms.${f}`) })),
          },
          { name: "periodFrom", label: t("supervision.periodFrom"), kind: "date", required: true },
          { name: "periodTo", label: t("supervision.periodTo"), kind: "date", required: true },
          {
            name: "decisionNumber",
            label: t("supervision.decisionNumber"),
            description: t("supervision.decisionNumberHint"),
          },
          { name: "decisionDate", label: t("supervision.decisionDate"), kind: "date", initial: "" },
          {
            name: "members",
            label: t("supervision.members"),
            kind: "textarea",
            description: t("supervision.membersHint"),
          },
        ]}
        extra={(b) => ({
          ...b,
          orgUnitId: unitId ?? "",
          subjectKind: subject,
          ...(subject === "agency" && bodyId ? { subjectBodyId: bodyId } : {}),
          ...(subject === "plan" && planId ? { subjectPlanId: planId } : {}),
          members: parseMembers(b.members),
        })}
        onSubmit={createSupervision}
        onDone={(r) => {
          void qc.invalidateQueries({ queryKey: ["supervisions"] });
          onDone(r as SupervisionDetail);
        }}
      />
    </Stack>
  );
}
