import { Alert, Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
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
import { isApiError } from "../../api/client";
import { DateField } from "../../components/date-field";
import { errorText } from "../../components/error-text";
import { blankToUndefined, formSchema, isoFromVn } from "../../lib/form-values";
import { formatDate } from "../../lib/format";
import { contractResolver, fieldMessage } from "../../lib/forms";
import { placeIssues, useGroupWrite } from "./group-write";

type MemberValues = {
  fullName: string;
  birthDate: string;
  role: string;
  joinedOn: string;
  disciplined: boolean;
  decisionNumber: string;
  decidedOn: string;
};
const memberBody = (v: MemberValues): unknown => ({
  fullName: v.fullName,
  birthDate: isoFromVn(v.birthDate),
  role: blankToUndefined(v.role),
  joinedOn: isoFromVn(v.joinedOn),
  disciplined: v.disciplined,
  // Only a member over 70 needs the chairman's decision: both fields, or neither.
  ageException:
    v.decisionNumber.trim() || v.decidedOn.trim()
      ? { decisionNumber: v.decisionNumber, decidedOn: isoFromVn(v.decidedOn) }
      : undefined,
});
/** Server issue paths of the decision, placed on the form's two fields. */
const DECISION_FIELDS: Record<string, "decisionNumber" | "decidedOn"> = {
  ageException: "decisionNumber",
  "ageException.decisionNumber": "decisionNumber",
  "ageException.decidedOn": "decidedOn",
};

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
      onError: (e) => {
        placeIssues(e, ["fullName", "birthDate", "role", "joinedOn"], form.setError);
        if (isApiError(e) && e.code === "validation_failed") {
          for (const issue of e.issues) {
            const field = DECISION_FIELDS[issue.path];
            if (field) form.setError(field, { type: "server", message: issue.message });
          }
        }
      },
    });
  const general = mutation.error && Object.keys(errors).length === 0 ? errorText(tp, mutation.error) : null;
  return (
    <form onSubmit={(e) => void form.handleSubmit(submit)(e)} noValidate>
      <Stack gap="sm">
        {general && (
          <Alert color="red" variant="outline" role="alert">
            {general}
          </Alert>
        )}
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
