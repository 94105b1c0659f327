import { Modal } from "@mantine/core";
import { AWARD_FORMS, ENDORSEMENT_LEVELS, type Commendation } from "@toandan/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ActionForm, type Field } from "../../components/action-form";
import { commendationStep } from "./api";

export type Step = "endorse" | "decide" | "consent" | "withdraw";

const TITLE = {
  endorse: "commendations.endorse",
  decide: "commendations.decide",
  consent: "commendations.recordConsent",
  withdraw: "commendations.withdrawConsent",
} as const;

/** The dialog of one step on a nomination: an opinion, the decision, or the nominee's consent. */
export function StepDialog({
  commendation: c,
  step,
  onClose,
}: {
  commendation: Commendation;
  step: Step | null;
  onClose: () => void;
}) {
  const { t } = useTranslation("commendations");
  const { t: tc } = useTranslation("console");
  const qc = useQueryClient();
  const done = () => {
    onClose();
    void qc.invalidateQueries({ queryKey: ["commendations"] });
  };
  return (
    <Modal
      closeButtonProps={{ "aria-label": tc("common.close") }}
      opened={step !== null}
      onClose={onClose}
      title={step ? t(TITLE[step]) : ""}
    >
      {step === "endorse" && (
        <ActionForm
          submitLabel={t("commendations.save")}
          fields={[
            {
              name: "level",
              label: t("commendations.level"),
              kind: "select",
              options: ENDORSEMENT_LEVELS.map((l) => ({ value: l, label: t(`commendations.levels.${l}`) })),
              initial: nextLevelOf(c),
            },
            {
              name: "approve",
              label: t("commendations.opinion"),
              kind: "select",
              options: [
                { value: "yes", label: t("commendations.approve") },
                { value: "no", label: t("commendations.reject") },
              ],
            },
            { name: "endorsedOn", label: t("commendations.endorsedOn"), kind: "date", required: true },
            { name: "opinion", label: t("commendations.opinion"), kind: "textarea" },
          ]}
          extra={(b) => ({ ...b, approve: b.approve === "yes" })}
          onSubmit={(b) => commendationStep(c.id, "endorsements", b)}
          onDone={done}
        />
      )}
      {step === "decide" && (
        <ActionForm
          submitLabel={t("commendations.save")}
          fields={[
            {
              name: "awardForm",
              label: t("commendations.awardForm"),
              kind: "select",
              options: AWARD_FORMS.map((a) => ({ value: a, label: t(`commendations.awardForms.${a}`) })),
            },
            { name: "decisionNumber", label: t("commendations.decisionNumber"), required: true },
            { name: "decidedOn", label: t("commendations.decidedOn"), kind: "date", required: true },
            { name: "issuer", label: t("commendations.issuer"), required: true },
          ]}
          onSubmit={(b) => commendationStep(c.id, "decision", b)}
          onDone={done}
        />
      )}
      {(step === "consent" || step === "withdraw") && (
        <ActionForm
          key={step}
          submitLabel={t("commendations.save")}
          fields={consentFields(t, c, step)}
          extra={(b) => ({ ...b, given: step === "consent" })}
          onSubmit={(b) => commendationStep(c.id, "consent", b)}
          onDone={done}
        />
      )}
    </Modal>
  );
}

/** The level after the highest one that approved: the opinion usually recorded next. */
function nextLevelOf(c: Commendation): string {
  const top = Math.max(
    -1,
    ...c.endorsements.filter((e) => e.approve).map((e) => ENDORSEMENT_LEVELS.indexOf(e.level)),
  );
  return ENDORSEMENT_LEVELS[Math.min(top + 1, ENDORSEMENT_LEVELS.length - 1)]!;
}

type CommendationsT = ReturnType<typeof useTranslation<"commendations">>["t"];

/** When and how the nominee agreed (or withdrew); agreeing also names what may be published. */
function consentFields(t: CommendationsT, c: Commendation, step: "consent" | "withdraw"): Field[] {
  const fields: Field[] = [
    { name: "on", label: t("commendations.consentOn"), kind: "date", required: true },
    {
      name: "method",
      label: t("commendations.consentMethod"),
      kind: "select",
      options: (["written", "in_person", "electronic"] as const).map((m) => ({
        value: m,
        label: t(`commendations.consentMethods.${m}`),
      })),
    },
  ];
  if (step === "withdraw") return fields;
  return [
    ...fields,
    { name: "publicName", label: t("commendations.publicName"), initial: c.nomineeName },
    { name: "deedSummary", label: t("commendations.deedSummary"), kind: "textarea", required: true },
  ];
}
