import { Alert, Button, Group, List, NativeSelect, Stack, Text } from "@mantine/core";
import {
  TEAM_RATINGS,
  evaluationYearOf,
  todayInVietnam,
  withinExcellentCap,
  type GroupDetail,
  type RecordTeamEvaluationsBody,
  type TeamEvaluationCapCounts,
  type TeamEvaluations,
  type TeamRating,
} from "@toandan/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { DataTable, type Column } from "../../components/data-table";
import { FormError } from "../../components/form-error";
import { QueryState } from "../../components/query-state";
import { formatDate, formatNumber } from "../../lib/format";
import { teamEvaluationsQuery } from "./api";
import { useGroupWrite } from "./group-write";

/** The first evaluation year: Law 30/2023/QH15 took effect on 01/07/2024. */
const FIRST_YEAR = 2024;
const TEAM = "team";
type Picks = Record<string, TeamRating | "">;

/**
 * The yearly evaluation of a grassroots security team and its members (Hướng dẫn 01/HD-BCA-V05):
 * the year 15/11 – 14/11, months served, a rating picker where the server says the caller may
 * record, and the cap on "Hoàn thành xuất sắc" in the commune, recomputed as ratings are picked.
 */
export function TeamYearSection({ group, onSaved }: { group: GroupDetail; onSaved: (text: string) => void }) {
  const { t } = useTranslation("console");
  const today = todayInVietnam();
  const current = evaluationYearOf(today).year;
  // Until the current year is old enough for anyone to be rated (14/08, 9 months in), the year
  // being evaluated is the one that just ended.
  const [year, setYear] = useState(() =>
    today < `${current}-08-15` && current > FIRST_YEAR ? current - 1 : current,
  );
  const query = useQuery(teamEvaluationsQuery(group.id, year));
  const years = Array.from({ length: Math.min(3, current - FIRST_YEAR + 1) }, (_, i) => current - i);
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t("teamYear.year")}
        value={String(year)}
        onChange={(e) => setYear(Number(e.currentTarget.value))}
        data={years.map((y) => ({ value: String(y), label: String(y) }))}
        maw={200}
      />
      <QueryState query={query}>
        {(data) => <YearForm key={`${data.year}:${query.dataUpdatedAt}`} data={data} onSaved={onSaved} />}
      </QueryState>
    </Stack>
  );
}

function initialPicks(data: TeamEvaluations): Picks {
  const picks: Picks = { [TEAM]: data.team.rating ?? "" };
  for (const m of data.members) picks[m.memberId] = m.rating ?? "";
  return picks;
}

function YearForm({ data, onSaved }: { data: TeamEvaluations; onSaved: (text: string) => void }) {
  const { t } = useTranslation("console");
  const [picks, setPicks] = useState<Picks>(() => initialPicks(data));
  const [unchanged, setUnchanged] = useState(false);
  const mutation = useGroupWrite<RecordTeamEvaluationsBody>(data.groupId, "/year-evaluations", () =>
    onSaved(t("teamYear.saved")),
  );
  const canRecord = data.can.record;
  const pick = (key: string, value: string) => {
    setUnchanged(false);
    setPicks((p) => ({ ...p, [key]: value as TeamRating | "" }));
  };
  const picker = (key: string, name: string, ineligible: boolean, rating: TeamRating | null) =>
    canRecord && !ineligible ? (
      <NativeSelect
        aria-label={t("teamYear.ratingOf", { name })}
        value={picks[key] ?? ""}
        onChange={(e) => pick(key, e.currentTarget.value)}
        data={[
          { value: "", label: t("teamYear.notRated"), disabled: rating !== null },
          ...TEAM_RATINGS.map((r) => ({ value: r, label: t(`ratings.${r}`) })),
        ]}
        miw={200}
      />
    ) : (
      <Text size="sm">{rating ? t(`ratings.${rating}`) : "—"}</Text>
    );

  const save = () => {
    const changed = data.members.filter((m) => picks[m.memberId] && picks[m.memberId] !== (m.rating ?? ""));
    const team = picks[TEAM] && picks[TEAM] !== (data.team.rating ?? "") ? picks[TEAM] : undefined;
    if (!team && changed.length === 0) {
      setUnchanged(true);
      return;
    }
    mutation.mutate({
      year: data.year,
      teamRating: team,
      members: changed.map((m) => ({ memberId: m.memberId, rating: picks[m.memberId] as TeamRating })),
    });
  };

  const status = (ineligible: TeamEvaluations["team"]["ineligible"], isTeam = false) =>
    ineligible === "too_short"
      ? t("teamYear.tooShort", { min: data.rules.minMonths })
      : ineligible === "left"
        ? t(isTeam ? "teamYear.teamLeft" : "teamYear.left")
        : null;

  type Row = TeamEvaluations["members"][number];
  const columns: Column<Row>[] = [
    { key: "name", header: t("teamYear.member"), cell: (m) => m.fullName },
    { key: "role", header: t("teamYear.role"), cell: (m) => m.role ?? "—" },
    { key: "joined", header: t("teamYear.joinedOn"), cell: (m) => formatDate(m.joinedOn), nowrap: true },
    {
      key: "months",
      header: t("teamYear.months"),
      numeric: true,
      cell: (m) => formatNumber(m.monthsServed),
    },
    {
      key: "rating",
      header: t("teamYear.rating"),
      cell: (m) =>
        status(m.ineligible) ? (
          <Text size="sm" c="dimmed">
            {status(m.ineligible)}
          </Text>
        ) : (
          picker(m.memberId, m.fullName, false, m.rating)
        ),
    },
  ];
  const issues = isApiError(mutation.error) ? mutation.error.issues : [];

  return (
    <Stack gap="sm">
      <Text fw={600}>
        {t("teamYear.yearLabel", {
          year: data.year,
          from: formatDate(data.periodFrom),
          to: formatDate(data.periodTo),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t("teamYear.asOf", { date: formatDate(data.asOf) })}
      </Text>
      <Group gap="sm" align="center" wrap="wrap">
        <Text fw={500}>{t("teamYear.teamMonths", { n: formatNumber(data.team.monthsServed) })}</Text>
        {status(data.team.ineligible, true) ? (
          <Text size="sm" c="dimmed">
            {status(data.team.ineligible, true)}
          </Text>
        ) : (
          picker(TEAM, t("teamYear.team"), false, data.team.rating)
        )}
      </Group>
      {data.members.length === 0 ? (
        <Text c="dimmed">{t("teamYear.noMembers")}</Text>
      ) : (
        <DataTable
          columns={columns}
          rows={data.members}
          rowKey={(m) => m.memberId}
          label={t("teamYear.tableLabel")}
          minWidth={640}
        />
      )}
      <CapView data={data} picks={picks} />
      <FormError error={mutation.error} />
      {issues.length > 0 && (
        <List size="sm" c="red.8">
          {issues.map((i) => (
            <List.Item key={i.path}>{i.message}</List.Item>
          ))}
        </List>
      )}
      {unchanged && (
        <Text size="sm" role="status">
          {t("teamYear.nothingChanged")}
        </Text>
      )}
      {canRecord && (
        <Group>
          <Button onClick={save} loading={mutation.isPending}>
            {t("teamYear.save")}
          </Button>
        </Group>
      )}
      <Text size="sm" c="dimmed">
        {t("teamYear.basis", { basis: data.rules.basis })}
      </Text>
    </Stack>
  );
}

/** The cap, live: the commune's other ratings plus this team's picks. */
function CapView({ data, picks }: { data: TeamEvaluations; picks: Picks }) {
  const { t } = useTranslation("console");
  const { rules } = data;
  const memberPicks = data.members.map((m) => picks[m.memberId] || m.rating);
  const line = (what: string, c: TeamEvaluationCapCounts, own: (TeamRating | "" | null | undefined)[]) => {
    const excellent = c.othersExcellent + own.filter((r) => r === "excellent").length;
    const good = c.othersGood + own.filter((r) => r === "good").length;
    // The most excellent ratings the area's good ones allow (the rule the server checks).
    let max = 0;
    while (max < 100_000 && withinExcellentCap(max + 1, good, rules)) max++;
    const over = !withinExcellentCap(excellent, good, rules);
    return (
      <Stack gap={2} key={what}>
        <Text size="sm" c={over ? "red.8" : undefined}>
          {t("teamYear.capLine", {
            what,
            excellent: formatNumber(excellent),
            good: formatNumber(good),
            max: formatNumber(max),
            percent: rules.excellentCapPercent,
            basis: t(rules.capBasis === "good" ? "teamYear.basisGood" : "teamYear.basisGoodOrBetter"),
          })}
        </Text>
        {over && (
          <Text size="sm" c="red.8" role="status">
            {t("teamYear.capOver", { n: formatNumber(Math.max(1, excellent - max)) })}
          </Text>
        )}
      </Stack>
    );
  };
  return (
    <Alert variant="light" color="gray" title={t("teamYear.capTitle", { area: data.cap.areaName })}>
      <Stack gap={4}>
        {line(t("teamYear.capMembers"), data.cap.members, memberPicks)}
        {line(t("teamYear.capTeams"), data.cap.teams, [picks[TEAM] || data.team.rating])}
        {!rules.capVerified && (
          <Text size="xs" c="dimmed">
            {t("teamYear.capUnverified")}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
