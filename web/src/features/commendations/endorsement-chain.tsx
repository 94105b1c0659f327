import { List, Text, ThemeIcon } from "@mantine/core";
import { ENDORSEMENT_LEVELS, NATIONAL_ENDORSEMENT_LEVELS, type Commendation } from "@toandan/contracts";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";

const NATIONAL: readonly string[] = NATIONAL_ENDORSEMENT_LEVELS;

/**
 * The whole chain a nomination may climb — commune, province, then, for an award above the
 * province, the ministry and the central council — with each level's opinion, and the decision.
 * Once decided or rejected, the levels above the last one that gave its opinion were never asked and
 * are left out (a commune's Giấy khen ends at the commune).
 */
export function EndorsementChain({ c }: { c: Commendation }) {
  const { t } = useTranslation("commendations");
  const final = c.status === "decided" || c.status === "rejected";
  const lastAsked = Math.max(-1, ...c.endorsements.map((e) => ENDORSEMENT_LEVELS.indexOf(e.level)));
  const levels = final ? ENDORSEMENT_LEVELS.slice(0, lastAsked + 1) : ENDORSEMENT_LEVELS;
  return (
    <List spacing="xs" listStyleType="none" p={0} aria-label={t("commendations.chain")}>
      {levels.map((level, i) => {
        const e = [...c.endorsements].reverse().find((x) => x.level === level);
        const state = e ? (e.approve ? "approved" : "rejected") : "waiting";
        return (
          <List.Item
            key={level}
            icon={
              <ThemeIcon
                size={28}
                radius="xl"
                color={state === "approved" ? "teal.9" : state === "rejected" ? "red.8" : "gray.6"}
                variant={state === "waiting" ? "outline" : "filled"}
              >
                {i + 1}
              </ThemeIcon>
            }
          >
            <Text fw={600}>
              {t(`commendations.levels.${level}`)} — {t(`commendations.chainStates.${state}`)}
            </Text>
            {e && (
              <Text size="sm">
                {t("commendations.chainBy", { unit: e.byUnitName, date: formatDate(e.endorsedOn) })}
              </Text>
            )}
            {!e && NATIONAL.includes(level) && (
              <Text size="sm" c="dimmed">
                {t("commendations.chainNational")}
              </Text>
            )}
          </List.Item>
        );
      })}
      <List.Item
        icon={
          <ThemeIcon
            size={28}
            radius="xl"
            color={c.decision ? "teal.9" : "gray.6"}
            variant={c.decision ? "filled" : "outline"}
          >
            {levels.length + 1}
          </ThemeIcon>
        }
      >
        <Text fw={600}>
          {t("commendations.chainDecision")}
          {c.decision && ` — ${t(`commendations.awardForms.${c.decision.awardForm}`)}`}
        </Text>
        {c.decision && (
          <Text size="sm">
            {c.decision.issuer}, {c.decision.decisionNumber} ({formatDate(c.decision.decidedOn)})
          </Text>
        )}
      </List.Item>
    </List>
  );
}
