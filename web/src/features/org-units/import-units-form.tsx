import { Alert, Button, FileInput, List, Stack, Text } from "@mantine/core";
import { LIMITS, type ApiIssue } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { errorText } from "../../components/error-text";
import { formatNumber } from "../../lib/format";

type Outcome = { created: number } | { issues: ApiIssue[] } | { message: string };

/** CSV import under this commune; all or nothing, with every bad line listed. */
export function ImportUnitsForm({ parentId }: { parentId: string }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const mutation = useMutation({
    mutationFn: async (f: File) => {
      const csv = await f.text();
      return api<{ created: number }>("/org-units/import", { method: "POST", body: { parentId, csv } });
    },
    onSuccess: async ({ created }) => {
      setOutcome({ created });
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: ["org-units"] });
      await queryClient.invalidateQueries({ queryKey: ["org-unit", parentId] });
    },
    onError: (e) => {
      // CSV line messages come from the server in Vietnamese and name the line: shown as they are.
      if (isApiError(e) && e.code === "validation_failed" && e.issues.length > 0) {
        setOutcome({ issues: e.issues });
      } else {
        setOutcome({ message: isApiError(e) ? errorText(tp, e) : t("importUnits.unreadable") });
      }
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    if (!file) return setOutcome({ message: t("importUnits.empty") });
    if (file.size > LIMITS.csvMaxBytes) {
      return setOutcome({ message: t("importUnits.tooLarge", { max: LIMITS.csvMaxBytes / 1024 / 1024 }) });
    }
    mutation.mutate(file);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("importUnits.intro")}
        </Text>
        <FileInput
          label={t("importUnits.file")}
          placeholder={t("importUnits.filePlaceholder")}
          accept=".csv,text/csv"
          clearable
          value={file}
          onChange={(f) => {
            setFile(f);
            setOutcome(null);
          }}
          maw={420}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            {t("importUnits.submit")}
          </Button>
        </div>
        {outcome && "created" in outcome && (
          <Alert color="green" variant="outline" role="status" data-testid="import-result">
            {t("importUnits.created", { n: formatNumber(outcome.created) })}
          </Alert>
        )}
        {outcome && "issues" in outcome && (
          <Alert color="red" variant="outline" role="alert" data-testid="import-result">
            <Text fw={600}>{t("importUnits.failed")}</Text>
            <List size="sm" mt="xs">
              {outcome.issues.map((i, n) => (
                <List.Item key={`${i.path}-${n}`}>{i.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        {outcome && "message" in outcome && (
          <Alert color="red" variant="outline" role="alert" data-testid="import-result">
            {outcome.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
