import { Alert, Anchor, Button, FileInput, List, Progress, Stack, Text } from "@mantine/core";
import { HOUSEHOLD_CSV_SAMPLE, HOUSEHOLD_LIMITS, type ApiIssue } from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { errorText } from "../../components/error-text";
import { formatNumber } from "../../lib/format";
import { UnitField } from "../../components/unit-field";
import { importJobQuery } from "./api";

type Outcome = { issues: ApiIssue[] } | { message: string };

/** The sample file, with a byte-order mark so that Excel opens the Vietnamese as UTF-8. */
const SAMPLE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${HOUSEHOLD_CSV_SAMPLE}\r\n`)}`;

/** CSV import into one residential area: the server answers with a job, polled every 500 ms. */
export function ImportHouseholdsForm({ initialUnitId }: { initialUnitId: string | null }) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(initialUnitId);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const job = useQuery(importJobQuery(jobId));
  const status = job.data?.status;

  useEffect(() => {
    if (status === "done") void queryClient.invalidateQueries({ queryKey: ["households"] });
  }, [status, queryClient]);

  const start = useMutation({
    mutationFn: async ({ f, orgUnitId }: { f: File; orgUnitId: string }) => {
      const csv = await f.text();
      return api<{ jobId: string }>("/households/import", { method: "POST", body: { orgUnitId, csv } });
    },
    onSuccess: ({ jobId: id }) => {
      setJobId(id);
      setFile(null);
    },
    onError: (e) => {
      // CSV line messages come from the server in Vietnamese and name the line: shown as they are.
      if (isApiError(e) && e.code === "validation_failed" && e.issues.length > 0) {
        setOutcome({ issues: e.issues });
      } else setOutcome({ message: isApiError(e) ? errorText(tp, e) : t("importHouseholds.unreadable") });
    },
  });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    setJobId(null);
    if (!unitId) return setOutcome({ message: t("importHouseholds.needArea") });
    if (!file) return setOutcome({ message: t("importHouseholds.empty") });
    if (file.size > HOUSEHOLD_LIMITS.importMaxChars) {
      return setOutcome({
        message: t("importHouseholds.tooLarge", { max: HOUSEHOLD_LIMITS.importMaxChars / 1024 / 1024 }),
      });
    }
    start.mutate({ f: file, orgUnitId: unitId });
  };
  const running = Boolean(jobId) && (status === undefined || status === "queued" || status === "running");
  const processed = job.data?.processed ?? 0;
  const total = job.data?.total ?? 0;
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed" className="td-break">
          {t("importHouseholds.intro")}
        </Text>
        <Anchor href={SAMPLE_HREF} download="mau-nhap-ho-gia-dinh.csv" size="sm">
          {t("importHouseholds.sample")}
        </Anchor>
        <UnitField
          label={t("households.area")}
          kinds={["residential_area"]}
          required
          value={unitId}
          onChange={setUnitId}
        />
        <FileInput
          label={t("importHouseholds.file")}
          placeholder={t("importHouseholds.filePlaceholder")}
          accept=".csv,text/csv"
          clearable
          clearButtonProps={{ "aria-label": t("importHouseholds.clear") }}
          value={file}
          onChange={(f) => {
            setFile(f);
            setOutcome(null);
          }}
          maw={420}
        />
        <div>
          <Button type="submit" loading={start.isPending} disabled={running}>
            {t("importHouseholds.submit")}
          </Button>
        </div>
        <div aria-live="polite">
          {jobId && job.data && (
            <Stack gap={4} data-testid="household-import-progress">
              <Progress
                value={status === "done" ? 100 : percent}
                color={status === "failed" ? "red.8" : "brand.7"}
                size="lg"
                aria-label={t("importHouseholds.progressLabel")}
                animated={running}
              />
              <Text size="sm">
                {t("importHouseholds.progress", {
                  processed: formatNumber(processed),
                  total: formatNumber(total),
                })}
              </Text>
            </Stack>
          )}
          {status === "done" && (
            <Alert color="green" variant="outline" role="status" mt="xs">
              {t("importHouseholds.done", { n: formatNumber(job.data?.created ?? processed) })}
            </Alert>
          )}
          {status === "failed" && (
            <Alert color="red" variant="outline" role="alert" mt="xs">
              {t("importHouseholds.failed")} {job.data?.error}
            </Alert>
          )}
          {job.isError && (
            <Alert color="red" variant="outline" role="alert" mt="xs">
              {errorText(tp, job.error)}
            </Alert>
          )}
        </div>
        {outcome && "issues" in outcome && (
          <Alert color="red" variant="outline" role="alert">
            <Text fw={600}>{t("importHouseholds.invalid")}</Text>
            <List size="sm" mt="xs">
              {outcome.issues.slice(0, 50).map((i, n) => (
                <List.Item key={`${i.path}-${n}`}>{i.message}</List.Item>
              ))}
            </List>
            {outcome.issues.length > 50 && (
              <Text size="sm" mt="xs">
                {t("importHouseholds.more", { n: formatNumber(outcome.issues.length - 50) })}
              </Text>
            )}
          </Alert>
        )}
        {outcome && "message" in outcome && (
          <Alert color="red" variant="outline" role="alert">
            {outcome.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
