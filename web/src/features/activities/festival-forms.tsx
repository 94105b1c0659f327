import { Checkbox, SimpleGrid, Stack, Text } from "@mantine/core";
import { FESTIVAL_LEVELS, type Festival } from "@toandan/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { UnitField } from "../../components/unit-field";
import { formatDate, formatNumber } from "../../lib/format";
import { numberFrom } from "../../lib/form-values";
import { useOrganizerChoices } from "./api";
import { createFestival, linesOf, recordFestivalHeld, updateFestival } from "./festivals-api";

function useLevelOptions() {
  const { t } = useTranslation("console");
  return FESTIVAL_LEVELS.map((l) => ({ value: l, label: t(`festivalLevels.${l}`) }));
}

function useContentFields(f?: Festival) {
  const { t } = useTranslation("festivals");
  return [
    {
      name: "venues",
      label: t("festivals.venues"),
      kind: "textarea" as const,
      description: t("festivals.venuesHint"),
      initial: f?.venues.join("\n") ?? "",
    },
    {
      name: "ceremonyContent",
      label: t("festivals.ceremony"),
      kind: "textarea" as const,
      description: t("festivals.ceremonyHint"),
      initial: f?.ceremonyContent ?? "",
    },
    {
      name: "festivalContent",
      label: t("festivals.festival"),
      kind: "textarea" as const,
      description: t("festivals.festivalHint"),
      initial: f?.festivalContent ?? "",
    },
  ];
}

/** The unit, its organising bodies (the unit's and those above it), the level, date and contents. */
export function CreateFestivalForm({
  unitId: initialUnit,
  year,
  onDone,
}: {
  unitId: string | null;
  year: number;
  onDone: () => void;
}) {
  const { t } = useTranslation("festivals");
  const { t: tc } = useTranslation("console");
  const [unitId, setUnitId] = useState<string | null>(initialUnit);
  const [organizers, setOrganizers] = useState<string[]>([]);
  const choices = useOrganizerChoices(unitId);
  const levels = useLevelOptions();
  const content = useContentFields();
  return (
    <Stack gap="sm">
      <UnitField
        label={t("festivals.unit")}
        value={unitId}
        onChange={(id) => {
          setUnitId(id);
          setOrganizers([]);
        }}
        required
      />
      <Checkbox.Group label={t("festivals.organizers")} required value={organizers} onChange={setOrganizers}>
        <Stack gap="xs" mt="xs">
          {choices.levels.length === 0 && (
            <Text size="sm" c="dimmed">
              {unitId ? tc("common.loading") : t("festivals.pickUnit")}
            </Text>
          )}
          {choices.levels.map((level) => (
            <div key={level.orgUnitId}>
              <Text size="sm" fw={600} className="td-break">
                {level.orgUnitName}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={4} mt={4}>
                {level.bodies.map((b) => (
                  <Checkbox key={b.id} value={b.id} label={b.name} />
                ))}
              </SimpleGrid>
            </div>
          ))}
        </Stack>
      </Checkbox.Group>
      <ActionForm
        submitLabel={t("festivals.save")}
        fields={[
          { name: "level", label: t("festivals.level"), kind: "select", options: levels, initial: "commune" },
          { name: "planDate", label: t("festivals.planDate"), kind: "date", initial: `19/08/${year}` },
          ...content,
        ]}
        extra={(b) => ({
          ...b,
          orgUnitId: unitId ?? "",
          year,
          organizerBodyIds: organizers,
          venues: linesOf(typeof b.venues === "string" ? b.venues : ""),
        })}
        onSubmit={createFestival}
        onDone={onDone}
      />
    </Stack>
  );
}

/** Edits the level, the planned date, the venues and the two parts' contents. */
export function EditFestivalForm({ festival: f, onDone }: { festival: Festival; onDone: () => void }) {
  const { t } = useTranslation("festivals");
  const levels = useLevelOptions();
  const content = useContentFields(f);
  return (
    <ActionForm
      submitLabel={t("festivals.save")}
      fields={[
        { name: "level", label: t("festivals.level"), kind: "select", options: levels, initial: f.level },
        { name: "planDate", label: t("festivals.planDate"), kind: "date", initial: formatDate(f.planDate) },
        ...content,
      ]}
      extra={(b) => ({
        ...b,
        venues: linesOf(typeof b.venues === "string" ? b.venues : ""),
        ceremonyContent: b.ceremonyContent ?? null,
        festivalContent: b.festivalContent ?? null,
      })}
      onSubmit={(body) => updateFestival(f.id, body)}
      onDone={onDone}
    />
  );
}

const numbers = ["attendees", "gifts", "giftValue", "awards"] as const;

/** The day it was held (19/8 by default) and what it gave; numbers may be typed as 1.157. */
export function HeldFestivalForm({ festival: f, onDone }: { festival: Festival; onDone: () => void }) {
  const { t } = useTranslation("festivals");
  const figure = (n: number) => (f.heldOn ? formatNumber(n) : "");
  return (
    <ActionForm
      submitLabel={t("festivals.saveHeld")}
      fields={[
        {
          name: "heldOn",
          label: t("festivals.heldOn"),
          kind: "date",
          required: true,
          initial: formatDate(f.heldOn ?? f.planDate ?? `${f.year}-08-19`),
        },
        ...numbers.map((n) => ({
          name: n,
          label: t(`festivals.${n}`),
          required: n === "attendees",
          initial: figure(f[n]),
        })),
      ]}
      extra={(b) => ({
        ...b,
        ...Object.fromEntries(
          numbers.filter((n) => b[n] !== undefined).map((n) => [n, numberFrom(b[n]) ?? b[n]]),
        ),
        ...(f.activityId ? { activityId: f.activityId } : {}),
      })}
      onSubmit={(body) => recordFestivalHeld(f.id, body)}
      onDone={onDone}
    />
  );
}
