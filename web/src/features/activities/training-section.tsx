import "../../locales/register-festivals";
import { Button, Modal, SimpleGrid, Stack, Text } from "@mantine/core";
import { TRAINING_FORMS, TRAINING_LEVELS, type Training } from "@toandan/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm } from "../../components/action-form";
import { DataTable, type Column } from "../../components/data-table";
import { Fact } from "../../components/fact";
import { QueryState } from "../../components/query-state";
import { Section } from "../../components/section";
import { recordTraining, traineesFromText, trainingQuery } from "./festivals-api";

type Trainee = Training["trainees"][number] & { n: number };

/** A training activity's level, form and roster of trainees (personal data: read in scope only). */
export function TrainingSection({ activityId }: { activityId: string }) {
  const { t } = useTranslation("festivals");
  const { t: tc } = useTranslation("console");
  const query = useQuery(trainingQuery(activityId));
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const columns: Column<Trainee>[] = [
    { key: "n", header: "#", numeric: true, cell: (r) => r.n },
    { key: "name", header: t("training.fullName"), cell: (r) => r.fullName },
    { key: "position", header: t("training.position"), cell: (r) => r.position ?? "—" },
    { key: "organisation", header: t("training.organisation"), cell: (r) => r.organisation ?? "—" },
  ];
  return (
    <Section
      title={t("training.title")}
      id="training"
      actions={
        query.data?.can.edit && (
          <Button size="xs" onClick={() => setEditing(true)}>
            {t("training.edit")}
          </Button>
        )
      }
    >
      <QueryState query={query}>
        {(tr) => (
          <Stack gap="sm">
            {tr.level && tr.form ? (
              <SimpleGrid cols={{ base: 2 }} spacing="xs" component="dl" m={0}>
                <Fact label={t("training.level")}>{tc(`trainingLevels.${tr.level}`)}</Fact>
                <Fact label={t("training.form")}>{tc(`trainingForms.${tr.form}`)}</Fact>
              </SimpleGrid>
            ) : (
              <Text c="dimmed">{t("training.notRecorded")}</Text>
            )}
            <Text size="sm" c="dimmed">
              {t("training.privacy")}
            </Text>
            {tr.trainees.length === 0 ? (
              <Text c="dimmed">{t("training.noTrainees")}</Text>
            ) : (
              <DataTable
                label={t("training.trainees", { n: tr.trainees.length })}
                columns={columns}
                rows={tr.trainees.map((r, i) => ({ ...r, n: i + 1 }))}
                rowKey={(r) => String(r.n)}
              />
            )}
            <Modal
              opened={editing}
              onClose={() => setEditing(false)}
              title={t("training.edit")}
              size="lg"
              closeButtonProps={{ "aria-label": tc("common.close") }}
            >
              <ActionForm
                submitLabel={t("training.save")}
                fields={[
                  {
                    name: "level",
                    label: t("training.level"),
                    kind: "select",
                    options: TRAINING_LEVELS.map((l) => ({ value: l, label: tc(`trainingLevels.${l}`) })),
                    initial: tr.level ?? "commune",
                  },
                  {
                    name: "form",
                    label: t("training.form"),
                    kind: "select",
                    options: TRAINING_FORMS.map((f) => ({ value: f, label: tc(`trainingForms.${f}`) })),
                    initial: tr.form ?? "tap_huan",
                  },
                  {
                    name: "trainees",
                    label: t("training.roster"),
                    kind: "textarea",
                    description: t("training.rosterHint"),
                    initial: tr.trainees
                      .map((r) =>
                        [r.fullName, r.position ?? "", r.organisation ?? ""].join("; ").replace(/(; )+$/, ""),
                      )
                      .join("\n"),
                  },
                ]}
                extra={(b) => ({
                  ...b,
                  trainees: traineesFromText(typeof b.trainees === "string" ? b.trainees : ""),
                })}
                onSubmit={(body) => recordTraining(activityId, body)}
                onDone={(r) => {
                  qc.setQueryData(trainingQuery(activityId).queryKey, r as Training);
                  setEditing(false);
                }}
              />
            </Modal>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
