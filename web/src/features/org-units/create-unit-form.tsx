import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { CREATABLE_KINDS, CreateOrgUnitBodySchema, type OrgUnit } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api, isApiError } from "../../api/client";
import { errorText } from "../../components/error-text";
import { applyApiIssues, contractResolver, fieldMessage } from "../../lib/forms";

const FormSchema = CreateOrgUnitBodySchema.omit({ parentId: true });
type FormValues = z.input<typeof FormSchema>;

/** Residential-area subtypes offered in the form (the API takes any short code). */
const AREA_TYPES = [
  "thon",
  "ap",
  "khom",
  "ban",
  "buon",
  "lang",
  "soc",
  "xom",
  "khu_pho",
  "to_dan_pho",
] as const;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export function CreateUnitForm({ parentId }: { parentId: string }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string | null>(null);
  const resolver = useMemo(() => contractResolver(FormSchema, tp), [tp]);
  const form = useForm<FormValues>({
    resolver,
    defaultValues: { kind: "residential_area", name: "", code: undefined, type: undefined },
  });
  const { errors } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" });

  const mutation = useMutation({
    mutationFn: (values: FormValues) =>
      api<OrgUnit>("/org-units", { method: "POST", body: { ...values, parentId } }),
    onSuccess: async (unit) => {
      setCreated(unit.fullName);
      form.reset({ kind: form.getValues("kind"), name: "", code: undefined, type: undefined });
      await queryClient.invalidateQueries({ queryKey: ["org-units"] });
      await queryClient.invalidateQueries({ queryKey: ["org-unit", parentId] });
    },
    onError: (e) => {
      setCreated(null);
      applyApiIssues(e, ["kind", "name", "code", "type"] as const, form.setError, () =>
        tp("validation.invalid"),
      );
    },
  });

  const failure = mutation.error && Object.keys(errors).length === 0 ? failureText(mutation.error) : null;

  function failureText(e: Error): string {
    if (isApiError(e) && e.code === "conflict") return t("createUnit.conflict");
    if (isApiError(e) && e.issues.some((i) => i.path === "parentId")) return t("createUnit.notCommune");
    return errorText(tp, e);
  }

  return (
    <form
      onSubmit={(e) =>
        void form.handleSubmit((v) => {
          setCreated(null);
          mutation.mutate(v);
        })(e)
      }
      noValidate
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("createUnit.intro")}
        </Text>
        {created && (
          <Alert color="green" variant="outline" role="status">
            {t("createUnit.created", { name: created })}
          </Alert>
        )}
        {failure && (
          <Alert color="red" variant="outline" role="alert">
            {failure}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <NativeSelect
            label={t("createUnit.kind")}
            required
            miw={200}
            data={CREATABLE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            error={fieldMessage(errors.kind)}
            {...form.register("kind")}
          />
          <TextInput
            label={t("createUnit.name")}
            required
            miw={200}
            error={fieldMessage(errors.name)}
            {...form.register("name")}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap" preventGrowOverflow={false}>
          <TextInput
            label={t("createUnit.code")}
            miw={200}
            error={fieldMessage(errors.code)}
            {...form.register("code", { setValueAs: blankToUndefined })}
          />
          {kind === "residential_area" && (
            <NativeSelect
              label={t("createUnit.type")}
              miw={200}
              data={[
                { value: "", label: "—" },
                ...AREA_TYPES.map((v) => ({ value: v, label: t(`types.${v}`) })),
              ]}
              error={fieldMessage(errors.type)}
              {...form.register("type", { setValueAs: blankToUndefined })}
            />
          )}
        </Group>
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t("createUnit.submit")}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
