import { Button, FileButton, Group, Stack, Text } from "@mantine/core";
import { DOSSIER_KINDS, type CertificationCycleDetail, type DossierKind } from "@toandan/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { errorText } from "../../components/error-text";
import { formatDateTime } from "../../lib/format";

function DocumentRow({
  cycle,
  kind,
  canUpload,
}: {
  cycle: CertificationCycleDetail;
  kind: DossierKind;
  canUpload: boolean;
}) {
  const { t } = useTranslation("certification");
  const { t: tp } = useTranslation();
  const queryClient = useQueryClient();
  const name = t(`docs.${kind}`);
  const doc = cycle.documents.find((d) => d.kind === kind);
  const url = `/certification/cycles/${cycle.id}/documents/${kind}`;
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append("file", file);
      return api(url, { method: "PUT", body: form });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["certification"] }),
  });
  return (
    <Stack gap={4} component="li">
      <Text fw={700}>{name}</Text>
      <Group gap="sm" wrap="wrap">
        <a href={`/api/v1${url}/draft`} download>
          {t("draft", { name })}
        </a>
        {doc?.uploaded ? (
          <a href={`/api/v1${url}`} target="_blank" rel="noreferrer">
            {t("viewScan")} ({t("uploadedAt", { date: formatDateTime(doc.uploadedAt) })})
          </a>
        ) : (
          <Text size="sm" c="dimmed">
            {t("notUploaded")}
          </Text>
        )}
        {canUpload && (
          <FileButton onChange={(f) => f && upload.mutate(f)} accept="application/pdf,image/jpeg,image/png">
            {(props) => (
              <Button {...props} size="compact-sm" variant="default" loading={upload.isPending}>
                {doc?.uploaded ? t("replace", { name }) : t("upload", { name })}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {upload.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorText(tp, upload.error)}
        </Text>
      )}
    </Stack>
  );
}

/** DOCX drafts to print and sign, and the signed scans (all three are needed for a decision). */
export function DossierSection({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("dossierIntro")}
      </Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
        {DOSSIER_KINDS.map((k) => (
          <DocumentRow key={k} cycle={cycle} kind={k} canUpload={cycle.can.upload} />
        ))}
      </Stack>
      {/* Once decided, the dossier is the record of the decision: its completeness is no longer a task. */}
      {cycle.status === "recognised" || cycle.status === "not_recognised" ? (
        <Text size="sm" c="dimmed">
          {t("dossierDecided")}
        </Text>
      ) : (
        <Text fw={700} c={cycle.dossierComplete ? "teal.9" : "red.9"}>
          {cycle.dossierComplete ? t("dossierComplete") : t("dossierIncomplete")}
        </Text>
      )}
    </Stack>
  );
}
