import { Button, Fieldset, Group, Stack, TextInput } from "@mantine/core";
import type { CreatePlanBody } from "@toandan/contracts";
import { useFieldArray, type Control, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldMessage } from "../../lib/forms";
import type { FormValues } from "./plan-form-values";

/** "Mốc thực hiện theo năm": what the plan expects by each year. */
export function PlanMilestones({
  control,
  register,
  errors,
  year,
}: {
  control: Control<FormValues, unknown, CreatePlanBody>;
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
  /** The year a new milestone starts at. */
  year: number;
}) {
  const { t } = useTranslation("console");
  const milestones = useFieldArray({ control, name: "milestones" });
  return (
    <Fieldset legend={t("createPlan.milestones")}>
      <Stack gap="sm">
        {milestones.fields.map((f, i) => (
          <Group key={f.id} align="flex-start" wrap="wrap" gap="xs">
            <TextInput
              label={t("createPlan.milestoneYear", { n: i + 1 })}
              required
              inputMode="numeric"
              w={{ base: "100%", xs: 130 }}
              error={fieldMessage(errors.milestones?.[i]?.year)}
              {...register(`milestones.${i}.year`)}
            />
            <TextInput
              label={t("createPlan.milestoneText", { n: i + 1 })}
              required
              style={{ flex: "1 1 220px" }}
              error={fieldMessage(errors.milestones?.[i]?.text)}
              {...register(`milestones.${i}.text`)}
            />
            <Button
              variant="outline"
              color="red.8"
              size="xs"
              mt={{ base: 0, xs: 28 }}
              onClick={() => milestones.remove(i)}
            >
              {t("createPlan.removeMilestone", { n: i + 1 })}
            </Button>
          </Group>
        ))}
        <div>
          <Button variant="default" onClick={() => milestones.append({ year: String(year), text: "" })}>
            {t("createPlan.addMilestone")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
