import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import {
  AppraiseBodySchema,
  DecideBodySchema,
  ReviewMeetingBodySchema,
  SelfAssessmentBodySchema,
  type CertificationCycleDetail,
  type CertificationEvidence,
  todayInVietnam,
} from "@toandan/contracts";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { DateField } from "../../components/date-field";
import { blankToUndefined, isoFromVn, numberFrom } from "../../lib/form-values";
import { useCertWrite, WriteError, type Issues } from "./form-kit";

type WriteState = { issues: Issues; mutation: { error: unknown; isPending: boolean } };

function StepForm({
  label,
  onSubmit,
  state,
  children,
}: {
  label: string;
  onSubmit: () => void;
  state: WriteState;
  children: ReactNode;
}) {
  return (
    <form
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="sm">
        <WriteError error={state.mutation.error} issues={state.issues} />
        {children}
        <div>
          <Button type="submit" loading={state.mutation.isPending}>
            {label}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

const today = () => formatDate(todayInVietnam());
const url = (c: CertificationCycleDetail, step: string) => `/certification/cycles/${c.id}/${step}`;

export function SelfAssessmentForm({
  cycle,
  evidence,
}: {
  cycle: CertificationCycleDetail;
  evidence: CertificationEvidence;
}) {
  const { t } = useTranslation("certification");
  const prev = cycle.selfAssessment;
  const [assessedOn, setAssessedOn] = useState(prev ? formatDate(prev.assessedOn) : today());
  const [met, setMet] = useState<Record<string, boolean>>(
    Object.fromEntries(
      evidence.criteria.map((c) => [
        c.code,
        prev?.answers.find((a) => a.criterionCode === c.code)?.met ?? c.verdict !== "not_met",
      ]),
    ),
  );
  const [figures, setFigures] = useState({
    crimes: String(prev?.crimes ?? ""),
    crimesPreviousYear: String(prev?.crimesPreviousYear ?? ""),
    socialEvils: String(prev?.socialEvils ?? ""),
    socialEvilsPreviousYear: String(prev?.socialEvilsPreviousYear ?? ""),
  });
  const [source, setSource] = useState(prev?.figuresSource ?? "");
  // Art. 6.1 / 7.1: agencies, enterprises and schools record their internal rules and briefing.
  const work = (["agency", "enterprise", "school"] as string[]).includes(cycle.unitType);
  const [internalRules, setInternalRules] = useState(prev?.internalRules ?? false);
  const [briefing, setBriefing] = useState({
    peopleToBrief: String(prev?.peopleToBrief ?? ""),
    peopleBriefed: String(prev?.peopleBriefed ?? ""),
  });
  const w = useCertWrite(url(cycle, "self-assessment"), SelfAssessmentBodySchema);
  const numberField = (key: keyof typeof figures) => (
    <TextInput
      label={t(key)}
      required
      inputMode="numeric"
      value={figures[key]}
      onChange={(e) => setFigures({ ...figures, [key]: e.currentTarget.value })}
      error={w.issues[key]}
    />
  );
  return (
    <StepForm
      label={t("selfAssessment")}
      state={w}
      onSubmit={() =>
        w.submit({
          assessedOn: isoFromVn(assessedOn),
          answers: evidence.criteria.map((c) => ({ criterionCode: c.code, met: met[c.code] ?? false })),
          crimes: numberFrom(figures.crimes),
          crimesPreviousYear: numberFrom(figures.crimesPreviousYear),
          socialEvils: numberFrom(figures.socialEvils),
          socialEvilsPreviousYear: numberFrom(figures.socialEvilsPreviousYear),
          figuresSource: blankToUndefined(source),
          ...(work
            ? {
                internalRules,
                peopleToBrief: numberFrom(briefing.peopleToBrief),
                peopleBriefed: numberFrom(briefing.peopleBriefed),
              }
            : {}),
        })
      }
    >
      <DateField
        label={t("assessedOn")}
        required
        value={assessedOn}
        onChange={(e) => setAssessedOn(e.currentTarget.value)}
        error={w.issues.assessedOn}
      />
      <Stack gap={6} role="group" aria-label={t("selfAssessment")}>
        {evidence.criteria.map((c) => (
          <Checkbox
            key={c.code}
            label={`${c.article}: ${c.titleVi}`}
            checked={met[c.code] ?? false}
            onChange={(e) => setMet({ ...met, [c.code]: e.currentTarget.checked })}
          />
        ))}
      </Stack>
      {work && (
        <Stack gap="xs" role="group" aria-label={t("briefing.title")}>
          <Checkbox
            label={t("briefing.internalRules")}
            checked={internalRules}
            onChange={(e) => setInternalRules(e.currentTarget.checked)}
            error={w.issues.internalRules}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {(["peopleToBrief", "peopleBriefed"] as const).map((key) => (
              <TextInput
                key={key}
                label={t(`briefing.${key}${cycle.unitType === "school" ? "School" : ""}`)}
                required
                inputMode="numeric"
                value={briefing[key]}
                onChange={(e) => setBriefing({ ...briefing, [key]: e.currentTarget.value })}
                error={w.issues[key]}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t("briefing.basis")}
          </Text>
        </Stack>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {numberField("crimes")}
        {numberField("crimesPreviousYear")}
        {numberField("socialEvils")}
        {numberField("socialEvilsPreviousYear")}
      </SimpleGrid>
      <TextInput
        label={t("figuresSource")}
        value={source}
        onChange={(e) => setSource(e.currentTarget.value)}
      />
    </StepForm>
  );
}

export function ReviewMeetingForm({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  const [v, setV] = useState({
    meetingDate: today(),
    chair: "",
    attendees: "",
    minutes: "",
    votesFor: "",
    votesTotal: "",
  });
  const w = useCertWrite(url(cycle, "review-meeting"), ReviewMeetingBodySchema);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  const attendees = v.attendees
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [name, ...role] = l.split(/\s+-\s+/);
      return { name: name ?? "", role: role.join(" - ") || "Thành viên" };
    });
  return (
    <StepForm
      label={t("review")}
      state={w}
      onSubmit={() =>
        w.submit({
          meetingDate: isoFromVn(v.meetingDate),
          chair: v.chair,
          attendees,
          minutes: v.minutes,
          votesFor: numberFrom(v.votesFor),
          votesTotal: numberFrom(v.votesTotal),
        })
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t("meetingDate")}
          required
          value={v.meetingDate}
          onChange={set("meetingDate")}
          error={w.issues.meetingDate}
        />
        <TextInput
          label={t("chair")}
          required
          value={v.chair}
          onChange={set("chair")}
          error={w.issues.chair}
        />
      </SimpleGrid>
      <Textarea
        label={t("attendees")}
        required
        value={v.attendees}
        onChange={set("attendees")}
        error={w.issues.attendees}
        autosize
        minRows={3}
      />
      <Textarea
        label={t("minutes")}
        required
        value={v.minutes}
        onChange={set("minutes")}
        error={w.issues.minutes}
        autosize
        minRows={3}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t("votesFor")}
          required
          inputMode="numeric"
          value={v.votesFor}
          onChange={set("votesFor")}
          error={w.issues.votesFor}
        />
        <TextInput
          label={t("votesTotal")}
          required
          inputMode="numeric"
          value={v.votesTotal}
          onChange={set("votesTotal")}
          error={w.issues.votesTotal}
        />
      </SimpleGrid>
    </StepForm>
  );
}

export function AppraisalForm({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  const [appraisedOn, setAppraisedOn] = useState(today());
  const [recommendation, setRecommendation] = useState<"recognise" | "not_recognise">("recognise");
  const [opinion, setOpinion] = useState("");
  const w = useCertWrite(url(cycle, "appraisal"), AppraiseBodySchema);
  return (
    <StepForm
      label={t("appraisal")}
      state={w}
      onSubmit={() => w.submit({ appraisedOn: isoFromVn(appraisedOn), recommendation, opinion })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <DateField
          label={t("appraisedOn")}
          required
          value={appraisedOn}
          onChange={(e) => setAppraisedOn(e.currentTarget.value)}
          error={w.issues.appraisedOn}
        />
        <NativeSelect
          label={t("recommendation")}
          value={recommendation}
          onChange={(e) => setRecommendation(e.currentTarget.value as "recognise" | "not_recognise")}
          data={(["recognise", "not_recognise"] as const).map((r) => ({
            value: r,
            label: t(`recommend.${r}`),
          }))}
        />
      </SimpleGrid>
      <Textarea
        label={t("opinion")}
        required
        value={opinion}
        onChange={(e) => setOpinion(e.currentTarget.value)}
        error={w.issues.opinion}
        autosize
        minRows={2}
      />
    </StepForm>
  );
}

export function DecisionForm({ cycle }: { cycle: CertificationCycleDetail }) {
  const { t } = useTranslation("certification");
  const [v, setV] = useState({
    outcome: "recognised",
    decisionNumber: "",
    decisionDate: today(),
    signerName: "",
    signerTitle: "",
    reason: "",
    lateReason: "",
  });
  const w = useCertWrite(url(cycle, "decision"), DecideBodySchema);
  const set = (k: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [k]: e.currentTarget.value });
  return (
    <StepForm
      label={t("decision")}
      state={w}
      onSubmit={() =>
        w.submit({
          ...v,
          decisionDate: isoFromVn(v.decisionDate),
          reason: blankToUndefined(v.reason),
          lateReason: blankToUndefined(v.lateReason),
        })
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t("outcome")}
          value={v.outcome}
          onChange={set("outcome")}
          data={(["recognised", "not_recognised"] as const).map((o) => ({
            value: o,
            label: t(`outcomes.${o}`),
          }))}
        />
        <TextInput
          label={t("decisionNumber")}
          required
          value={v.decisionNumber}
          onChange={set("decisionNumber")}
          error={w.issues.decisionNumber}
        />
        <DateField
          label={t("decisionDate")}
          required
          value={v.decisionDate}
          onChange={set("decisionDate")}
          error={w.issues.decisionDate}
        />
        <TextInput
          label={t("signerName")}
          required
          value={v.signerName}
          onChange={set("signerName")}
          error={w.issues.signerName}
        />
        <TextInput
          label={t("signerTitle")}
          required
          value={v.signerTitle}
          onChange={set("signerTitle")}
          error={w.issues.signerTitle}
        />
      </SimpleGrid>
      <Textarea
        label={t("reason")}
        value={v.reason}
        onChange={set("reason")}
        error={w.issues.reason}
        autosize
        minRows={2}
      />
      <Textarea
        label={t("lateReason")}
        value={v.lateReason}
        onChange={set("lateReason")}
        error={w.issues.lateReason}
        autosize
        minRows={2}
      />
    </StepForm>
  );
}
