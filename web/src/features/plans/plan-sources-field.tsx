import "../../locales/register-console";
import { Button, Checkbox, Modal, Stack, Text } from "@mantine/core";
import { SOURCE_KINDS, SOURCE_LEVELS, type PlanSource, type PlanSourcePageSchema } from "@toandan/contracts";
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../api/client";
import { ActionForm } from "../../components/action-form";
import { formatDate } from "../../lib/format";

type SourcePage = z.infer<typeof PlanSourcePageSchema>;

/** The source documents the caller reads: those of its units, their subtree and the levels above. */
export const planSourcesQuery = () =>
  queryOptions({
    queryKey: ["plan-sources"],
    queryFn: ({ signal }) => api<SourcePage>("/plan-sources", { query: { limit: 100 }, signal }),
  });

/**
 * "Thực hiện văn bản chỉ đạo": the Party directive, programme or higher plan the plan implements,
 * chosen from the register, or registered here (at the plan's unit) when it is not there yet.
 */
export function PlanSourcesField({
  value,
  onChange,
  orgUnitId,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  orgUnitId: string;
  error?: string;
}) {
  const { t } = useTranslation("console");
  const qc = useQueryClient();
  const sources = useQuery(planSourcesQuery());
  const [registering, setRegistering] = useState(false);
  const items = sources.data?.items ?? [];
  const line = (s: PlanSource) =>
    `${t(`planSources.kinds.${s.kind}`)} ${s.number} (${formatDate(s.issuedOn)}, ${s.issuer}) — ${s.title}`;
  return (
    <Stack gap="xs">
      <Checkbox.Group label={t("planSources.field")} value={value} onChange={onChange} error={error}>
        <Stack gap={6} mt="xs">
          {items.length === 0 && sources.isSuccess && (
            <Text size="sm" c="dimmed">
              {t("planSources.none")}
            </Text>
          )}
          {items.map((s) => (
            <Checkbox key={s.id} value={s.id} label={line(s)} className="td-break" />
          ))}
        </Stack>
      </Checkbox.Group>
      <div>
        <Button variant="default" size="xs" onClick={() => setRegistering(true)} disabled={!orgUnitId}>
          {t("planSources.create")}
        </Button>
      </div>
      <Modal
        closeButtonProps={{ "aria-label": t("common.close") }}
        opened={registering}
        onClose={() => setRegistering(false)}
        title={t("planSources.create")}
        size="lg"
      >
        {/* The dialog sits inside the plan's form in React's tree: its submit must not reach it. */}
        <div onSubmit={(e) => e.stopPropagation()}>
          <ActionForm
            submitLabel={t("planSources.save")}
            fields={[
              {
                name: "kind",
                label: t("planSources.kind"),
                kind: "select",
                options: SOURCE_KINDS.map((k) => ({ value: k, label: t(`planSources.kinds.${k}`) })),
              },
              {
                name: "number",
                label: t("planSources.number"),
                required: true,
                description: "09-CT/TW, 20-CTr/TU",
              },
              { name: "issuedOn", label: t("planSources.issuedOn"), kind: "date", required: true },
              { name: "issuer", label: t("planSources.issuer"), required: true },
              { name: "title", label: t("planSources.title"), kind: "textarea", required: true },
              {
                name: "level",
                label: t("planSources.level"),
                kind: "select",
                options: SOURCE_LEVELS.map((l) => ({ value: l, label: t(`planSources.levels.${l}`) })),
              },
            ]}
            extra={(b) => ({ ...b, orgUnitId })}
            onSubmit={(b) => api<PlanSource>("/plan-sources", { method: "POST", body: b })}
            onDone={(r) => {
              const source = r as PlanSource;
              void qc.invalidateQueries({ queryKey: ["plan-sources"] });
              onChange([...value, source.id]);
              setRegistering(false);
            }}
          />
        </div>
      </Modal>
    </Stack>
  );
}
