import { Button, Modal, Table, Text } from "@mantine/core";
import {
  HELP_CASE_KINDS,
  HELP_KINDS,
  REHAB_MODES,
  type CaseDetail,
  type ReferralOutcome,
} from "@toandan/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionForm, type Field } from "../../components/action-form";
import { ScrollRegion } from "../../components/scroll-region";
import { Section } from "../../components/section";
import { formatDate, formatNumber } from "../../lib/format";
import { post } from "./api";

type Dialog =
  | { kind: "help" }
  | { kind: "helpOutcome"; id: string }
  | { kind: "referral" }
  | { kind: "referralOutcome"; id: string; from: ReferralOutcome }
  | { kind: "community" };

/** What may follow a referral's status (the server checks the same). */
const REFERRAL_NEXT: Partial<Record<ReferralOutcome, ReferralOutcome[]>> = {
  pending: ["admitted", "not_admitted", "absconded"],
  admitted: ["completed", "absconded"],
};

/**
 * Help instances ("lượt") with their outcomes, rehabilitation referrals and sessions before the
 * community, on the files of the kinds that take them; the buttons follow the file's `can`.
 */
export function CaseHelpSections({
  file,
  onChange,
}: {
  file: CaseDetail;
  onChange: (f: CaseDetail) => void;
}) {
  const { t } = useTranslation("cases");
  const { t: tc } = useTranslation("console");
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [title, setTitle] = useState("");
  const open = (d: Dialog, heading: string) => {
    setTitle(heading);
    setDialog(d);
  };
  const done = (r: unknown) => {
    onChange(r as CaseDetail);
    setDialog(null);
  };
  const helps = (HELP_CASE_KINDS as readonly string[]).includes(file.kind);
  const date = (name: string, label: string): Field => ({ name, label, kind: "date", required: true });
  const forms: Record<Dialog["kind"], { fields: Field[]; path: string }> = {
    help: {
      path: "help-instances",
      fields: [
        date("receivedOn", t("cases.help.receivedOn")),
        {
          name: "kind",
          label: t("cases.help.kind"),
          kind: "select",
          options: HELP_KINDS.map((k) => ({ value: k, label: t(`cases.help.kinds.${k}`) })),
        },
        { name: "helper", label: t("cases.help.helper"), required: true },
        { name: "notes", label: t("cases.notes"), kind: "textarea" },
      ],
    },
    helpOutcome: {
      path: dialog?.kind === "helpOutcome" ? `help-instances/${dialog.id}/outcome` : "",
      fields: [
        {
          name: "outcome",
          label: t("cases.help.outcome"),
          kind: "select",
          options: (["reformed", "relapsed"] as const).map((o) => ({
            value: o,
            label: t(`cases.help.outcomes.${o}`),
          })),
        },
        date("outcomeOn", t("cases.help.outcomeOn")),
        { name: "notes", label: t("cases.notes"), kind: "textarea" },
      ],
    },
    referral: {
      path: "referrals",
      fields: [
        date("referredOn", t("cases.referral.referredOn")),
        {
          name: "mode",
          label: t("cases.referral.mode"),
          kind: "select",
          description: t("cases.basisLabel", { basis: t("cases.referral.basis") }),
          options: REHAB_MODES.map((m) => ({ value: m, label: t(`cases.referral.modes.${m}`) })),
        },
        { name: "facility", label: t("cases.referral.facility"), required: true },
        { name: "decisionNumber", label: t("cases.referral.decisionNumber") },
        { name: "notes", label: t("cases.notes"), kind: "textarea" },
      ],
    },
    referralOutcome: {
      path: dialog?.kind === "referralOutcome" ? `referrals/${dialog.id}/outcome` : "",
      fields: [
        {
          name: "outcome",
          label: t("cases.referral.outcome"),
          kind: "select",
          options: (dialog?.kind === "referralOutcome" ? (REFERRAL_NEXT[dialog.from] ?? []) : []).map(
            (o) => ({
              value: o,
              label: t(`cases.referral.outcomes.${o}`),
            }),
          ),
        },
        date("outcomeOn", t("cases.referral.outcomeOn")),
      ],
    },
    community: {
      path: "community-sessions",
      fields: [
        date("heldOn", t("cases.community.heldOn")),
        { name: "presidedBy", label: t("cases.community.presidedBy"), required: true },
        { name: "venue", label: t("cases.community.venue"), required: true },
        { name: "attendees", label: t("cases.community.attendees"), kind: "number" },
        { name: "commitments", label: t("cases.community.commitments"), kind: "textarea", required: true },
      ],
    },
  };
  const form = dialog ? forms[dialog.kind] : null;
  return (
    <>
      {helps && (
        <Section title={t("cases.help.title")} id="case-help">
          <Text size="sm" mb="xs">
            {t("cases.help.intro")}
          </Text>
          {file.can.help && (
            <Button mb="sm" onClick={() => open({ kind: "help" }, t("cases.help.addTitle"))}>
              {t("cases.help.add")}
            </Button>
          )}
          {file.helpInstances.length === 0 ? (
            <Text c="dimmed">{t("cases.nothing")}</Text>
          ) : (
            <ScrollRegion label={t("cases.help.title")}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("cases.help.receivedOn")}</Table.Th>
                    <Table.Th scope="col">{t("cases.help.kind")}</Table.Th>
                    <Table.Th scope="col">{t("cases.help.helper")}</Table.Th>
                    <Table.Th scope="col">{t("cases.help.outcome")}</Table.Th>
                    <Table.Th scope="col">{t("cases.notes")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {file.helpInstances.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Th scope="row" fw={500}>
                        {formatDate(h.receivedOn)}
                      </Table.Th>
                      <Table.Td>{t(`cases.help.kinds.${h.kind}`)}</Table.Td>
                      <Table.Td>{h.helper}</Table.Td>
                      <Table.Td>
                        {t(`cases.help.outcomes.${h.outcome}`)}
                        {h.outcomeOn ? ` — ${formatDate(h.outcomeOn)}` : ""}
                        {h.outcome === "ongoing" && file.can.help && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            ml="sm"
                            onClick={() =>
                              open({ kind: "helpOutcome", id: h.id }, t("cases.help.outcomeTitle"))
                            }
                          >
                            {t("cases.help.recordOutcome")}
                          </Button>
                        )}
                      </Table.Td>
                      <Table.Td>{h.notes ?? "—"}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </Section>
      )}
      {file.kind === "drug_user" && (
        <Section title={t("cases.referral.title")} id="case-referrals">
          {file.can.refer && (
            <Button mb="sm" onClick={() => open({ kind: "referral" }, t("cases.referral.addTitle"))}>
              {t("cases.referral.add")}
            </Button>
          )}
          {file.referrals.length === 0 ? (
            <Text c="dimmed">{t("cases.nothing")}</Text>
          ) : (
            <ScrollRegion label={t("cases.referral.title")}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("cases.referral.referredOn")}</Table.Th>
                    <Table.Th scope="col">{t("cases.referral.mode")}</Table.Th>
                    <Table.Th scope="col">{t("cases.referral.facility")}</Table.Th>
                    <Table.Th scope="col">{t("cases.referral.outcome")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {file.referrals.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Th scope="row" fw={500}>
                        {formatDate(r.referredOn)}
                      </Table.Th>
                      <Table.Td>{t(`cases.referral.modes.${r.mode}`)}</Table.Td>
                      <Table.Td>
                        {r.facility}
                        {r.decisionNumber ? ` (${r.decisionNumber})` : ""}
                      </Table.Td>
                      <Table.Td>
                        {t(`cases.referral.outcomes.${r.outcome}`)}
                        {r.outcomeOn ? ` — ${formatDate(r.outcomeOn)}` : ""}
                        {REFERRAL_NEXT[r.outcome] && file.can.refer && (
                          <Button
                            size="compact-sm"
                            variant="default"
                            ml="sm"
                            onClick={() =>
                              open(
                                { kind: "referralOutcome", id: r.id, from: r.outcome },
                                t("cases.referral.outcomeTitle"),
                              )
                            }
                          >
                            {t("cases.referral.recordOutcome")}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </Section>
      )}
      {file.kind === "community_reprimand" && (
        <Section title={t("cases.community.title")} id="case-community">
          {file.can.communitySession && (
            <Button mb="sm" onClick={() => open({ kind: "community" }, t("cases.community.addTitle"))}>
              {t("cases.community.add")}
            </Button>
          )}
          {file.communitySessions.length === 0 ? (
            <Text c="dimmed">{t("cases.nothing")}</Text>
          ) : (
            <ScrollRegion label={t("cases.community.title")}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t("cases.community.heldOn")}</Table.Th>
                    <Table.Th scope="col">{t("cases.community.presidedBy")}</Table.Th>
                    <Table.Th scope="col">{t("cases.community.venue")}</Table.Th>
                    <Table.Th scope="col">{t("cases.community.attendees")}</Table.Th>
                    <Table.Th scope="col">{t("cases.community.commitments")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {file.communitySessions.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Th scope="row" fw={500}>
                        {formatDate(s.heldOn)}
                      </Table.Th>
                      <Table.Td>{s.presidedBy}</Table.Td>
                      <Table.Td>{s.venue}</Table.Td>
                      <Table.Td>{s.attendees === null ? "—" : formatNumber(s.attendees)}</Table.Td>
                      <Table.Td>{s.commitments}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          )}
        </Section>
      )}
      <Modal
        closeButtonProps={{ "aria-label": tc("common.close") }}
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={title}
        size="lg"
      >
        {dialog && form && (
          <ActionForm
            key={`${dialog.kind}-${"id" in dialog ? dialog.id : ""}`}
            fields={form.fields}
            submitLabel={t("cases.save")}
            onSubmit={(b) => post<CaseDetail>(`/cases/${file.id}/${form.path}`, b)}
            onDone={done}
          />
        )}
      </Modal>
    </>
  );
}
