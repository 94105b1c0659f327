import "../../locales/register-console";
import { Button, Modal } from "@mantine/core";
import { REVIEW_KINDS, type Plan } from "@toandan/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { ActionForm } from "../../components/action-form";
import { currentYear } from "../../lib/scope";

/**
 * "Ghi nhận sơ kết, tổng kết": a yearly review, or the five- and ten-year reviews held against the
 * source document the plan implements; the plan's target figures are kept with it by the server.
 */
export function PlanReviewButton({ plan }: { plan: Plan }) {
  const { t } = useTranslation("console");
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const none = "";
  return (
    <>
      <div>
        <Button variant="default" size="xs" onClick={() => setOpen(true)}>
          {t("planReviews.record")}
        </Button>
      </div>
      <Modal
        closeButtonProps={{ "aria-label": t("common.close") }}
        opened={open}
        onClose={() => setOpen(false)}
        title={t("planReviews.record")}
        size="lg"
      >
        <ActionForm
          submitLabel={t("planReviews.save")}
          fields={[
            {
              name: "kind",
              label: t("planReviews.heading"),
              kind: "select",
              initial: plan.kind === "coordination_programme" ? "yearly" : "five_year",
              options: REVIEW_KINDS.map((k) => ({ value: k, label: t(`planReviews.kinds.${k}`) })),
            },
            {
              name: "year",
              label: t("planReviews.year"),
              kind: "number",
              required: true,
              initial: String(Math.min(currentYear(), plan.periodTo)),
            },
            { name: "reviewedOn", label: t("planReviews.reviewedOn"), kind: "date", required: true },
            {
              name: "sourceId",
              label: t("planReviews.source"),
              kind: "select",
              initial: plan.sources[0]?.id ?? none,
              options: [
                ...plan.sources.map((s) => ({
                  value: s.id,
                  label: `${t(`planSources.kinds.${s.kind}`)} ${s.number}`,
                })),
                { value: none, label: t("planSources.none") },
              ],
            },
            { name: "findings", label: t("planReviews.findings"), kind: "textarea", required: true },
          ]}
          onSubmit={(b) => api<Plan>(`/plans/${plan.id}/reviews`, { method: "POST", body: b })}
          onDone={(r) => {
            qc.setQueryData(["plan", plan.id], r);
            void qc.invalidateQueries({ queryKey: ["plan", plan.id] });
            setOpen(false);
          }}
        />
      </Modal>
    </>
  );
}
