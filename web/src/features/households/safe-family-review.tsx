import "../../locales/register-safe-families";
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import {
  SAFE_FAMILY_DECIDER_LEVELS,
  type RecordSafeFamiliesBody,
  type SafeFamilyDeciderLevel,
  todayInVietnam,
} from "@toandan/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, isApiError } from "../../api/client";
import { unitBodiesQuery } from "../../api/org-units";
import { DateField } from "../../components/date-field";
import { ErrorAlert } from "../../components/error-alert";
import { QueryState } from "../../components/query-state";
import { formatDate, formatNumber, formatPercent } from "../../lib/format";
import { isoFromVn } from "../../lib/form-values";

/** dd/mm/yyyy → ISO; what cannot be read goes as typed, for the server to refuse on its field. */
const asIso = (text: string): string => {
  const v = isoFromVn(text);
  return typeof v === "string" ? v : text;
};
import { safeFamilyReviewQuery } from "./api";

type Result = { recorded: number; alreadyRecognised: number };

/**
 * The residential area's yearly review of safe families: one large checkbox per household, then the
 * decision (who recognised, when, the number) recorded for every household ticked, in one go.
 */
export function SafeFamilyReview({
  unitId,
  year,
  canManage,
}: {
  unitId: string;
  year: number;
  canManage: boolean;
}) {
  const { t } = useTranslation("safeFamilies");
  // The review is a residential area's: for a commune or a province, ask for one instead of sending.
  const unit = useQuery(unitBodiesQuery(unitId));
  const isArea = unit.data?.kind === "residential_area";
  const query = useQuery({ ...safeFamilyReviewQuery(unitId, year), enabled: isArea });
  if ((unit.data && !isArea) || (isApiError(query.error) && query.error.status === 400)) {
    return <Text c="dimmed">{t("safeFamilies.chooseArea")}</Text>;
  }
  return (
    <QueryState query={query}>
      {(review) => <ReviewForm key={`${unitId}-${year}`} review={review} canManage={canManage} />}
    </QueryState>
  );
}

function ReviewForm({
  review,
  canManage,
}: {
  review: {
    orgUnitId: string;
    year: number;
    items: {
      householdId: string;
      code: string | null;
      headName: string;
      address: string;
      recognition: { withdrawnOn: string | null } | null;
    }[];
  };
  canManage: boolean;
}) {
  const { t } = useTranslation("safeFamilies");
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [level, setLevel] = useState<SafeFamilyDeciderLevel>("commune");
  const [decidedBy, setDecidedBy] = useState("");
  const [decidedOn, setDecidedOn] = useState(formatDate(todayInVietnam()));
  const [decisionNumber, setDecisionNumber] = useState("");
  const [done, setDone] = useState<Result | null>(null);
  const open = review.items.filter((i) => !i.recognition);
  const recognised = review.items.length - open.length;
  const mutation = useMutation({
    mutationFn: (body: RecordSafeFamiliesBody) =>
      api<Result>("/households/safe-families/review", { method: "POST", body }),
    onSuccess: async (r) => {
      setDone(r);
      setChosen(new Set());
      await queryClient.invalidateQueries({ queryKey: ["households"] });
    },
  });
  if (review.items.length === 0) {
    return <Text c="dimmed">{t("safeFamilies.none", { year: review.year })}</Text>;
  }
  const toggle = (id: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const submit = () => {
    setDone(null);
    mutation.mutate({
      orgUnitId: review.orgUnitId,
      year: review.year,
      decidedLevel: level,
      decidedBy: decidedBy.trim(),
      decidedOn: asIso(decidedOn),
      decisionNumber: decisionNumber.trim() || undefined,
      householdIds: [...chosen],
    });
  };
  return (
    <Stack gap="sm">
      <Text fw={700}>
        {t("safeFamilies.summary", {
          recognised: formatNumber(recognised),
          households: formatNumber(review.items.length),
          rate: formatPercent(recognised / review.items.length),
        })}
      </Text>
      {canManage && <Text size="sm">{t("safeFamilies.reviewHint")}</Text>}
      {canManage && open.length > 0 && (
        <Checkbox
          size="md"
          label={t("safeFamilies.selectAll")}
          checked={chosen.size === open.length}
          indeterminate={chosen.size > 0 && chosen.size < open.length}
          onChange={(e) =>
            setChosen(e.currentTarget.checked ? new Set(open.map((i) => i.householdId)) : new Set())
          }
        />
      )}
      <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
        {review.items.map((i) => (
          <Paper key={i.householdId} withBorder p="sm" component="li">
            <Group gap="sm" wrap="nowrap" align="center" mih={44}>
              <Checkbox
                size="lg"
                aria-label={i.headName}
                disabled={!canManage || i.recognition !== null}
                checked={i.recognition !== null || chosen.has(i.householdId)}
                onChange={(e) => toggle(i.householdId, e.currentTarget.checked)}
              />
              <Stack gap={2} align="flex-start" style={{ flex: 1, minWidth: 0 }}>
                <Text fw={600} className="td-break">
                  {i.headName}
                  {i.code ? ` · ${i.code}` : ""}
                </Text>
                <Text size="sm" c="dimmed" className="td-break">
                  {i.address}
                </Text>
                {i.recognition && (
                  <Badge color="teal.9" radius="sm" style={{ textTransform: "none" }}>
                    {t("safeFamilies.recognisedBadge", { year: review.year })}
                  </Badge>
                )}
              </Stack>
            </Group>
          </Paper>
        ))}
      </Stack>
      {canManage && open.length > 0 && (
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t("safeFamilies.decidedLevel")}
              value={level}
              onChange={(e) => setLevel(e.currentTarget.value as SafeFamilyDeciderLevel)}
              data={SAFE_FAMILY_DECIDER_LEVELS.map((l) => ({
                value: l,
                label: t(`safeFamilies.levels.${l}`),
              }))}
            />
            <TextInput
              label={t("safeFamilies.decidedBy")}
              placeholder={t("safeFamilies.decidedByPlaceholder")}
              value={decidedBy}
              maxLength={200}
              required
              onChange={(e) => setDecidedBy(e.currentTarget.value)}
            />
            <DateField
              label={t("safeFamilies.decidedOn")}
              value={decidedOn}
              required
              onChange={(e) => setDecidedOn(e.currentTarget.value)}
            />
            <TextInput
              label={t("safeFamilies.decisionNumber")}
              value={decisionNumber}
              maxLength={64}
              onChange={(e) => setDecisionNumber(e.currentTarget.value)}
            />
          </SimpleGrid>
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button size="lg" onClick={submit} disabled={chosen.size === 0} loading={mutation.isPending}>
              {chosen.size === 0
                ? t("safeFamilies.nothingChosen")
                : t("safeFamilies.submit", { n: formatNumber(chosen.size) })}
            </Button>
          </Group>
        </Stack>
      )}
      {done && (
        <Alert color="green" variant="outline" role="status">
          {t("safeFamilies.recorded", { recorded: done.recorded, already: done.alreadyRecognised })}
        </Alert>
      )}
    </Stack>
  );
}
