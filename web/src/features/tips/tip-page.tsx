import "../../locales/register-console";
import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import {
  TIP_CATEGORY_LABELS,
  TIP_NO_CASE_GROUNDS,
  TIP_OUTCOMES,
  TIP_STATUS_LABELS,
  TIP_SUSPENSION_GROUNDS,
  type TipDetail,
  type TipGround,
} from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { ErrorAlert } from "../../components/error-alert";
import { usePageTitle } from "../../components/use-page-title";
import { tipActions, tipQuery } from "./api";
import { ClockBadges } from "./clock-badges";
import { useLabels } from "../../lib/citizen-labels";
import { groundLabel, ProcedurePanel } from "./procedure-panel";
import { useProcedureLabels } from "./procedure-labels";
import { TipContent } from "./tip-content";
import { TipMessages } from "./tip-messages";
import { useAct } from "./use-tip-act";

const route = getRouteApi("/console/tin-bao/$id");

/** One tip for the police of its unit: content, dialogue, triage, outcome (others get 404). */
export function TipPage() {
  const { id } = route.useParams();
  const L = useLabels();
  const q = useQuery(tipQuery(id));
  usePageTitle(q.data ? `${L.tipsTitle} ${q.data.code}` : L.tipsTitle);
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loader />;
  return <Tip tip={q.data} />;
}

function Tip({ tip }: { tip: TipDetail }) {
  const L = useLabels();
  const { i18n } = useTranslation();
  const lang = i18n.language?.startsWith("en") ? "en" : "vi";
  const act = useAct(tip.id);
  // Nothing is chosen for the officer: a decision is recorded only when someone made it.
  const [urgency, setUrgency] = useState<"" | "urgent" | "normal">(tip.urgency ?? "");
  const [urgencyError, setUrgencyError] = useState<string | null>(null);
  const [dup, setDup] = useState(tip.duplicateOfCode ?? "");
  const [outcome, setOutcome] = useState<"" | (typeof TIP_OUTCOMES)[number]>("");
  const [outcomeError, setOutcomeError] = useState<string | null>(null);
  const P = useProcedureLabels();
  // The Code's grounds: Art. 157 for not opening a case, Art. 148.1 for a suspension.
  const [ground, setGround] = useState<"" | TipGround>("");
  const [groundError, setGroundError] = useState<string | null>(null);
  const grounds: readonly TipGround[] =
    outcome === "no_case" ? TIP_NO_CASE_GROUNDS : outcome === "suspended" ? TIP_SUSPENSION_GROUNDS : [];
  const [solved, setSolved] = useState<number | string>(tip.casesSolved);
  const [arrests, setArrests] = useState<number | string>(tip.arrests);
  const [handled, setHandled] = useState<number | string>(tip.peopleHandled);
  const [note, setNote] = useState("");
  const open = tip.can.triage || tip.can.recordOutcome;
  const askTriage = (e: FormEvent) => {
    e.preventDefault();
    if (!urgency) return setUrgencyError(L.urgencyRequired);
    const label = urgency === "urgent" ? L.urgent : L.normal;
    const duplicateOfCode = dup.trim() || null;
    act.ask({
      title: L.triage,
      question: L.triageConfirm(tip.code, label, duplicateOfCode),
      confirm: L.save,
      done: L.triaged(label),
      run: () => tipActions.triage(tip.id, { urgency, duplicateOfCode }),
    });
  };
  const askOutcome = (e: FormEvent) => {
    e.preventDefault();
    if (!outcome) return setOutcomeError(L.outcomeRequired);
    if (grounds.length > 0 && !ground) return setGroundError(P.groundRequired);
    const label =
      grounds.length > 0 && ground
        ? `${L.outcomes[outcome]} — ${groundLabel(ground, P.lang)}`
        : L.outcomes[outcome];
    act.ask({
      title: L.outcome,
      question: L.outcomeConfirm(tip.code, label),
      confirm: L.record,
      done: L.outcomeRecorded(label),
      run: () =>
        tipActions.outcome(tip.id, {
          outcome,
          ground: grounds.length > 0 && ground ? ground : undefined,
          casesSolved: Number(solved) || 0,
          arrests: Number(arrests) || 0,
          peopleHandled: Number(handled) || 0,
          note: note.trim() || undefined,
        }),
    });
  };
  const level = tip.can.nextExtension ?? ((tip.extensionLevel + 1) as 1 | 2);
  const askExtend = () =>
    act.ask({
      title: L.extend(level),
      question: L.extendConfirm(tip.code, level),
      confirm: L.extend(level),
      done: L.extended(level),
      run: () => tipActions.extend(tip.id, { level }),
    });
  return (
    <Stack gap="lg">
      <Title order={1}>
        {L.tipsTitle} <span style={{ fontFamily: "monospace" }}>{tip.code}</span>
      </Title>
      <Text>
        {TIP_CATEGORY_LABELS[tip.category][lang]} · {tip.orgUnitName} · {TIP_STATUS_LABELS[tip.status][lang]}
      </Text>
      <ClockBadges clocks={tip.clocks} />
      <ProcedurePanel tip={tip} />
      {act.error && !act.asking && (
        <Alert color="red" role="alert">
          {act.error}
        </Alert>
      )}
      {act.done && (
        <Alert color="green" variant="outline" role="status" data-testid="tip-done">
          {act.done}
        </Alert>
      )}
      <ConfirmDialog
        opened={act.asking !== null}
        onClose={act.cancel}
        title={act.asking?.title ?? ""}
        confirmLabel={act.asking?.confirm ?? ""}
        onConfirm={act.confirm}
        pending={act.pending}
        error={act.asking ? act.mutationError : null}
      >
        {act.asking?.question}
      </ConfirmDialog>
      <TipContent tip={tip} />
      <TipMessages tip={tip} pending={act.pending} run={act.run} />
      {open && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {tip.can.triage && (
            <Paper withBorder p="md" component="section" aria-labelledby="tip-triage">
              <Title order={2} size="h3" id="tip-triage">
                {L.triage}
              </Title>
              <form onSubmit={askTriage} noValidate>
                <NativeSelect
                  label={L.urgency}
                  withAsterisk
                  value={urgency}
                  error={urgencyError}
                  onChange={(e) => {
                    setUrgency(e.currentTarget.value as typeof urgency);
                    setUrgencyError(null);
                  }}
                  data={[
                    { value: "", label: L.chooseUrgency },
                    { value: "urgent", label: L.urgent },
                    { value: "normal", label: L.normal },
                  ]}
                />
                <TextInput
                  label={L.duplicateOf}
                  value={dup}
                  onChange={(e) => setDup(e.currentTarget.value)}
                />
                <Group mt="sm">
                  <Button type="submit">{L.save}</Button>
                  {tip.can.extend && (
                    <Button variant="default" onClick={askExtend}>
                      {L.extend(level)}
                    </Button>
                  )}
                </Group>
                {tip.can.extend && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {P.extensionBasis}
                  </Text>
                )}
              </form>
            </Paper>
          )}
          {tip.can.recordOutcome && (
            <Paper withBorder p="md" component="section" aria-labelledby="tip-outcome">
              <Title order={2} size="h3" id="tip-outcome">
                {L.outcome}
              </Title>
              <form onSubmit={askOutcome} noValidate>
                <NativeSelect
                  label={L.outcome}
                  withAsterisk
                  value={outcome}
                  error={outcomeError}
                  onChange={(e) => {
                    setOutcome(e.currentTarget.value as typeof outcome);
                    setOutcomeError(null);
                    setGround("");
                    setGroundError(null);
                  }}
                  data={[
                    { value: "", label: L.chooseOutcome },
                    // Only what the server allows this caller now (unit level, state, time).
                    ...TIP_OUTCOMES.filter((o) => tip.can.outcomes.includes(o)).map((o) => ({
                      value: o,
                      label: L.outcomes[o],
                    })),
                  ]}
                />
                {grounds.length > 0 && (
                  <>
                    <NativeSelect
                      label={P.ground}
                      withAsterisk
                      value={ground}
                      error={groundError}
                      onChange={(e) => {
                        setGround(e.currentTarget.value as typeof ground);
                        setGroundError(null);
                      }}
                      data={[
                        { value: "", label: P.chooseGround },
                        ...grounds.map((g) => ({ value: g, label: groundLabel(g, P.lang) })),
                      ]}
                    />
                    <Text size="xs" c="dimmed" mt={4}>
                      {outcome === "suspended" ? P.suspensionBasis : P.noCaseBasis}
                    </Text>
                  </>
                )}
                <Group grow>
                  <NumberInput label={L.casesSolved} min={0} value={solved} onChange={setSolved} />
                  <NumberInput label={L.arrests} min={0} value={arrests} onChange={setArrests} />
                  <NumberInput label={L.peopleHandled} min={0} value={handled} onChange={setHandled} />
                </Group>
                <Textarea label={L.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
                <Button mt="sm" type="submit">
                  {L.record}
                </Button>
              </form>
            </Paper>
          )}
        </SimpleGrid>
      )}
      {!open && tip.outcomeNote && (
        <Text>
          {L.note}: {tip.outcomeNote}
        </Text>
      )}
    </Stack>
  );
}
