import { Button, Fieldset, MultiSelect, Paper, Stack, Textarea, TextInput } from "@mantine/core";
import { BODY_KINDS, type CreatePlanBody } from "@toandan/contracts";
import {
  Controller,
  useFieldArray,
  type Control,
  type FieldErrors,
  type UseFormRegister,
} from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldMessage } from "../../lib/forms";
import type { FormValues } from "./plan-form-values";

/** "Nhiệm vụ": the plan's tasks, each with the bodies that carry it out. */
export function PlanTasks({
  control,
  register,
  errors,
}: {
  control: Control<FormValues, unknown, CreatePlanBody>;
  register: UseFormRegister<FormValues>;
  errors: FieldErrors<FormValues>;
}) {
  const { t } = useTranslation("console");
  const tasks = useFieldArray({ control, name: "tasks" });
  const bodyOptions = BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.${k}`) }));
  return (
    <Fieldset legend={t("createPlan.tasks")}>
      <Stack gap="sm">
        {tasks.fields.map((f, i) => (
          <Paper key={f.id} withBorder p="sm">
            <Stack gap="xs">
              <TextInput
                label={t("createPlan.taskTitle", { n: i + 1 })}
                required
                error={fieldMessage(errors.tasks?.[i]?.title)}
                {...register(`tasks.${i}.title`)}
              />
              <Textarea
                label={t("createPlan.taskDescription")}
                autosize
                minRows={1}
                {...register(`tasks.${i}.description`)}
              />
              <Controller
                control={control}
                name={`tasks.${i}.bodyKinds`}
                render={({ field }) => (
                  <MultiSelect
                    label={t("createPlan.taskBodies")}
                    data={bodyOptions}
                    value={field.value}
                    onChange={field.onChange}
                    clearable
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
              />
              <div>
                <Button variant="outline" color="red.8" size="xs" onClick={() => tasks.remove(i)}>
                  {t("createPlan.removeTask", { n: i + 1 })}
                </Button>
              </div>
            </Stack>
          </Paper>
        ))}
        <div>
          <Button
            variant="default"
            onClick={() => tasks.append({ title: "", description: "", bodyKinds: [] })}
          >
            {t("createPlan.addTask")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
