import "../../locales/register-console";
import "../../locales/register-supervision";
import { NativeSelect, Stack } from "@mantine/core";
import type { SupervisionDetail } from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { unitBodiesQuery } from "../../api/org-units";
import { ActionForm } from "../../components/action-form";
import { addRecommendation } from "./api";

const OTHER = "other";

/**
 * A recommendation to a body of the supervision's unit (its cadres then answer it themselves), or
 * to an addressee named in words (the People's Committee, an agency not in the system).
 */
export function RecommendationForm({
  supervision: s,
  onDone,
}: {
  supervision: SupervisionDetail;
  onDone: (r: unknown) => void;
}) {
  const { t } = useTranslation("supervision");
  const { t: tc } = useTranslation("console");
  const bodies = useQuery(unitBodiesQuery(s.orgUnitId));
  const options = (bodies.data?.bodies ?? []).map((b) => ({
    value: b.id,
    label: `${tc(`bodies.${b.kind}`)} — ${b.name}`,
  }));
  const [chosen, setChosen] = useState("");
  // The supervised agency first, else the unit's first body, until one is chosen.
  const addressee = chosen || (s.subjectBodyId ?? options[0]?.value ?? OTHER);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t("supervision.addresseeBody")}
        value={addressee}
        onChange={(e) => setChosen(e.currentTarget.value)}
        data={[...options, { value: OTHER, label: t("supervision.otherAddressee") }]}
      />
      <ActionForm
        key={addressee === OTHER ? "other" : "body"}
        submitLabel={t("supervision.save")}
        fields={[
          ...(addressee === OTHER
            ? [{ name: "addresseeName", label: t("supervision.addresseeName"), required: true }]
            : []),
          {
            name: "content",
            label: t("supervision.recommendationContent"),
            kind: "textarea",
            required: true,
          },
          { name: "madeOn", label: t("supervision.madeOn"), kind: "date", required: true },
          { name: "dueOn", label: t("supervision.dueOn"), kind: "date", required: true, initial: "" },
        ]}
        extra={(b) => (addressee === OTHER ? b : { ...b, addresseeBodyId: addressee })}
        onSubmit={(b) => addRecommendation(s.id, b)}
        onDone={onDone}
      />
    </Stack>
  );
}
