import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import {
  AddGroupMemberBodySchema,
  GRASSROOTS_MEMBER_MAX_AGE,
  GRASSROOTS_MEMBER_MIN_AGE,
  GRASSROOTS_SECURITY_TEAM,
  type AddGroupMemberBody,
  type GroupDetail,
  todayInVietnam,
} from "@toandan/contracts";
import { useMemo } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { DateField } from "../../components/date-field";
import { FormError } from "../../components/form-error";
import { blankToUndefined, formSchema, isoFromVn } from "../../lib/form-values";
import { formatDate } from "../../lib/format";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";
import { useGroupWrite } from "./group-write";

type MemberValues = {
  fullName: string;
  birthDate: string;
  role: string;
  joinedOn: string;
  disciplined: boolean;
  decisionNumber: string;
  decidedOn: string;
  ethnicity: string;
  religion: string;
  notes: string;
};
const memberBody = (v: MemberValues): unknown => ({
  fullName: v.fullName,
  birthDate: isoFromVn(v.birthDate),
  role: blankToUndefined(v.role),
  joinedOn: isoFromVn(v.joinedOn),
  disciplined: v.disciplined,
  ethnicity: blankToUndefined(v.ethnicity),
  religion: blankToUndefined(v.religion),
  notes: blankToUndefined(v.notes),
  // Only a member over 70 needs the chairman's decision: both fields, or neither.
  ageException:
    v.decisionNumber.trim() || v.decidedOn.trim()
      ? { decisionNumber: v.decisionNumber, decidedOn: isoFromVn(v.decidedOn) }
      : undefined,
});
/** Server issue paths on the form's fields; those of the decision land on its two fields. */
const FIELDS = {
  fullName: "fullName",
  birthDate: "birthDate",
  role: "role",
  joinedOn: "joinedOn",
  ageException: "decisionNumber",
  "ageException.decidedOn": "decidedOn",
  ethnicity: "ethnicity",
  religion: "religion",
  notes: "notes",
} as const;

export function AddMemberForm({ group, onDone }: { group: GroupDetail; onDone: () => void }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const resolver = useMemo(
    () =>
      contractResolver(
        formSchema<MemberValues, AddGroupMemberBody>(memberBody, AddGroupMemberBodySchema),
        tp,
      ),
    [tp],
  );
  const form = useForm<MemberValues, unknown, AddGroupMemberBody>({
    resolver,
    defaultValues: {
      fullName: "",
      birthDate: "",
      role: "",
      joinedOn: formatDate(todayInVietnam()),
      disciplined: false,
      decisionNumber: "",
      decidedOn: "",
      ethnicity: "",
      religion: "",
      notes: "",
    },
  });
  const { errors } = form.formState;
  const mutation = useGroupWrite<AddGroupMemberBody>(group.id, "/members", () => {
    form.reset();
    onDone();
  });
  const grassroots = group.typeCode === GRASSROOTS_SECURITY_TEAM;
  const submit = (v: AddGroupMemberBody) =>
    mutation.mutate(v, {
      onError: (e) => applyApiIssues(e, FIELDS, form.setError),
    });
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        <FormError error={mutation.error} fieldErrors={errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t("members.fullName")}
            required
            error={fieldMessage(errors.fullName)}
            {...form.register("fullName")}
          />
          <TextInput
            label={t("members.role")}
            placeholder={t("members.rolePlaceholder")}
            error={fieldMessage(errors.role)}
            {...form.register("role")}
          />
          <DateField
            label={t("members.birthDate")}
            description={
              grassroots
                ? t("members.ageRule", { min: GRASSROOTS_MEMBER_MIN_AGE, max: GRASSROOTS_MEMBER_MAX_AGE })
                : undefined
            }
            required={grassroots}
            error={fieldMessage(errors.birthDate)}
            {...form.register("birthDate")}
          />
          <DateField
            label={t("members.joinedOn")}
            required
            error={fieldMessage(errors.joinedOn)}
            {...form.register("joinedOn")}
          />
        </SimpleGrid>
        {grassroots && (
          <Fieldset legend={t("members.ageException", { max: GRASSROOTS_MEMBER_MAX_AGE })}>
            <Text size="sm" c="dimmed" mb="xs">
              {t("members.ageExceptionHint", { max: GRASSROOTS_MEMBER_MAX_AGE })}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t("members.decisionNumber")}
                error={fieldMessage(errors.decisionNumber)}
                {...form.register("decisionNumber")}
              />
              <DateField
                label={t("members.decidedOn")}
                error={fieldMessage(errors.decidedOn)}
                {...form.register("decidedOn")}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        <Fieldset legend={t("members.sensitive")}>
          <Text size="sm" c="dimmed" mb="xs">
            {t("members.sensitiveHint")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t("members.ethnicity")}
              error={fieldMessage(errors.ethnicity)}
              {...form.register("ethnicity")}
            />
            <TextInput
              label={t("members.religion")}
              error={fieldMessage(errors.religion)}
              {...form.register("religion")}
            />
          </SimpleGrid>
          <TextInput
            mt="sm"
            label={t("members.notes")}
            error={fieldMessage(errors.notes)}
            {...form.register("notes")}
          />
        </Fieldset>
        <Checkbox label={t("members.disciplined")} {...form.register("disciplined")} />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {t("members.add")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
