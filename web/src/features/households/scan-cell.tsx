import { Button, FileButton, Group, Text, VisuallyHidden } from "@mantine/core";
import type { Commitment } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { errorText } from "../../components/error-text";

/** The scan of a signed commitment: a link to view it, and (with household.manage) an upload. */
export function ScanCell({
  householdId,
  commitment,
  canManage,
}: {
  householdId: string;
  commitment: Commitment;
  canManage: boolean;
}) {
  const { t } = useTranslation("console");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const url = `/households/${householdId}/commitments/${commitment.year}/scan`;
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api(url, { method: "PUT", body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["households"] }),
  });
  return (
    <Group gap="xs" wrap="wrap">
      {commitment.hasScan ? (
        <a href={`/api/v1${url}`} target="_blank" rel="noreferrer">
          {t("household.viewScan")}
        </a>
      ) : (
        <Text size="sm">{t("common.no")}</Text>
      )}
      {canManage && (
        <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,image/jpeg,image/png">
          {(props) => (
            <Button {...props} size="compact-sm" variant="default" loading={upload.isPending}>
              {/* The visible words start the button's name (WCAG 2.5.3); the year tells the rows apart. */}
              {commitment.hasScan ? t("household.replaceScan") : t("household.uploadScan")}{" "}
              <VisuallyHidden>{`(${t("household.uploadScanFor", { year: commitment.year })})`}</VisuallyHidden>
            </Button>
          )}
        </FileButton>
      )}
      {upload.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorText(tp, upload.error)}
        </Text>
      )}
    </Group>
  );
}
