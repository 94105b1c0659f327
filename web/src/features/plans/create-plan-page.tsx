import "../../locales/register-console";
import { Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client";
import { indicatorsQuery } from "../../api/indicators";
import { NotFoundContent } from "../../app/fallback-pages";
import { AnchorLink } from "../../components/anchor-link";
import { usePageTitle } from "../../components/use-page-title";
import { can } from "../../lib/permissions";
import { useCurrentUser } from "../../lib/use-session";
import { planListQuery, planQuery } from "./api";
import { CreatePlanForm } from "./plan-form";

export function EditPlanPage() {
  const { id } = useParams({ from: "/console/ke-hoach/$id/sua" });
  const { t } = useTranslation("console");
  usePageTitle(t("createPlan.editTitle"));
  const indicators = useQuery(indicatorsQuery);
  const plan = useQuery(planQuery(id));
  // The plan says whether this caller may correct it (`can.update`, computed by the server).
  if ((plan.data && !plan.data.can.update) || (isApiError(plan.error) && plan.error.status < 500)) {
    return <NotFoundContent />;
  }
  return (
    <Stack gap="lg">
      <AnchorLink to="/ke-hoach/$id" params={{ id }} size="sm">
        {t("createPlan.backToPlan")}
      </AnchorLink>
      <Title order={1}>{t("createPlan.editTitle")}</Title>
      {indicators.data && plan.data ? (
        <CreatePlanForm indicators={indicators.data.items} existing={plan.data} />
      ) : (
        <Text>{t("common.loading")}</Text>
      )}
    </Stack>
  );
}

export function CreatePlanPage() {
  const user = useCurrentUser();
  const { t } = useTranslation("console");
  usePageTitle(t("createPlan.title"));
  const indicators = useQuery(indicatorsQuery);
  // Whether this caller may create a plan: the list's `can.create`, computed by the server.
  const list = useInfiniteQuery({ ...planListQuery({}), enabled: can(user, "plan.read") });
  if (!can(user, "plan.read") || (list.data && !list.data.pages[0]?.can.create)) return <NotFoundContent />;
  return (
    <Stack gap="lg">
      <AnchorLink to="/ke-hoach" size="sm">
        {t("plan.back")}
      </AnchorLink>
      <Title order={1}>{t("createPlan.title")}</Title>
      {indicators.data ? (
        <CreatePlanForm indicators={indicators.data.items} />
      ) : (
        <Text>{t("common.loading")}</Text>
      )}
    </Stack>
  );
}
