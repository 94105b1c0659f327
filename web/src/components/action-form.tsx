import { todayInVietnam } from "@toandan/contracts";
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client";
import { formatDate, parseVnDate } from "../lib/format";
import { issuesByField } from "../lib/forms";
import { ErrorAlert } from "./error-alert";

export type Field = {
  name: string;
  label: string;
  kind?: "text" | "date" | "textarea" | "select" | "number";
  options?: { value: string; label: string }[];
  required?: boolean;
  initial?: string;
  description?: string;
};

const todayVn = () => formatDate(todayInVietnam());

/** Turns typed values into the request body: dates dd/mm/yyyy → ISO, numbers, blanks dropped. */
function toBody(fields: Field[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = (values[f.name] ?? "").trim();
    if (v === "") continue;
    out[f.name] = f.kind === "date" ? (parseVnDate(v) ?? v) : f.kind === "number" ? Number(v) : v;
  }
  return out;
}

/** What can be told before sending: required fields left blank, dates not in dd/mm/yyyy. */
function localIssues(
  fields: Field[],
  values: Record<string, string>,
  text: { required: string; date: string },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = (values[f.name] ?? "").trim();
    if (v === "" && f.required) out[f.name] = text.required;
    else if (v !== "" && f.kind === "date" && !parseVnDate(v)) out[f.name] = text.date;
  }
  return out;
}

/**
 * A small form for one write: blank required fields and malformed dates are marked before sending;
 * the server validates against the shared contract and its issues are
 * shown next to the fields (paths are the contract's field names).
 */
export function ActionForm({
  fields,
  submitLabel,
  onSubmit,
  onDone,
  extra,
}: {
  fields: Field[];
  submitLabel: string;
  onSubmit: (body: Record<string, unknown>) => Promise<unknown>;
  onDone?: (result: unknown) => void;
  extra?: (body: Record<string, unknown>) => Record<string, unknown>;
}) {
  const { t } = useTranslation("console");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.initial ?? (f.kind === "date" ? todayVn() : (f.options?.[0]?.value ?? "")),
      ]),
    ),
  );
  const mutation = useMutation({
    mutationFn: () => {
      const body = toBody(fields, values);
      return onSubmit(extra ? extra(body) : body);
    },
    onSuccess: (r) => onDone?.(r),
  });
  const issues = {
    ...issuesByField(
      isApiError(mutation.error) ? mutation.error.issues : [],
      fields.map((f) => f.name),
    ),
    ...local,
  };
  const set = (name: string, v: string) => {
    setValues((s) => ({ ...s, [name]: v }));
    if (local[name]) setLocal(({ [name]: _, ...rest }) => rest);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = localIssues(fields, values, {
      required: t("common.fieldRequired"),
      date: t("common.dateInvalid"),
    });
    setLocal(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {fields.map((f) => {
          const common = {
            label: f.label,
            description: f.description,
            required: f.required,
            error: issues[f.name],
            value: values[f.name] ?? "",
          };
          if (f.kind === "select") {
            return (
              <NativeSelect
                key={f.name}
                {...common}
                data={f.options ?? []}
                onChange={(e) => set(f.name, e.currentTarget.value)}
              />
            );
          }
          if (f.kind === "textarea") {
            return (
              <Textarea
                key={f.name}
                {...common}
                autosize
                minRows={2}
                onChange={(e) => set(f.name, e.currentTarget.value)}
              />
            );
          }
          return (
            <TextInput
              key={f.name}
              {...common}
              placeholder={f.kind === "date" ? "dd/mm/yyyy" : undefined}
              inputMode={f.kind === "number" ? "numeric" : undefined}
              onChange={(e) => set(f.name, e.currentTarget.value)}
            />
          );
        })}
        {mutation.isError && <ErrorAlert error={mutation.error} />}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
