import { createRoute, createRouter, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { forgetSession, sessionQuery } from "../api/session";
import { landingPath } from "../lib/landing";
import { queryClient, setUnauthenticatedHandler } from "./query-client";
import {
  activitiesRoute,
  createActivityRoute,
  activityRoute,
  festivalsRoute,
  groupsRoute,
  groupRoute,
  householdsRoute,
  householdRoute,
  certificationRoute,
  certificationCriteriaRoute,
  certificationCycleRoute,
  casesRoute,
  caseRoute,
  hotspotsRoute,
  hotspotRoute,
  committeesRoute,
  committeeRoute,
  pilotsRoute,
  mediaRoute,
  pilotRoute,
  supervisionsRoute,
  supervisionRoute,
  commendationsRoute,
  commendationRoute,
} from "./record-routes";
import { captureLayout, consoleLayout, publicLayout, rootRoute } from "./route-roots";
import { captureRoutes } from "./capture-routes";
import { safeRedirect, validateAtSearch, validateDashboardSearch, validateUnitsSearch } from "./search";

const homeRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/",
  component: lazyRouteComponent(() => import("../features/portal/home-page"), "HomePage"),
});

const signInRoute = createRoute({
  getParentRoute: () => publicLayout,
  path: "/dang-nhap",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => {
    const target = safeRedirect(search.redirect);
    return target ? { redirect: target } : {};
  },
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (session) redirect({ href: search.redirect ?? landingPath(session.user), throw: true });
  },
  component: lazyRouteComponent(() => import("../features/auth/sign-in-page"), "SignInPage"),
});

const unitsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/don-vi",
  validateSearch: validateUnitsSearch,
  component: lazyRouteComponent(() => import("../features/org-units/units-page"), "UnitsPage"),
});

const unitRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/don-vi/$id",
  validateSearch: validateAtSearch,
  component: lazyRouteComponent(() => import("../features/org-units/unit-page"), "UnitPage"),
});

const accountsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/tai-khoan",
  component: lazyRouteComponent(() => import("../features/accounts/accounts-page"), "AccountsPage"),
});

const auditRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/nhat-ky",
  component: lazyRouteComponent(() => import("../features/audit/audit-page"), "AuditPage"),
});

const plansRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ke-hoach",
  component: lazyRouteComponent(() => import("../features/plans/plans-page"), "PlansPage"),
});

const createPlanRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ke-hoach/moi",
  component: lazyRouteComponent(() => import("../features/plans/create-plan-page"), "CreatePlanPage"),
});

const planRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ke-hoach/$id",
  component: lazyRouteComponent(() => import("../features/plans/plan-page"), "PlanPage"),
});

const editPlanRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ke-hoach/$id/sua",
  component: lazyRouteComponent(() => import("../features/plans/create-plan-page"), "EditPlanPage"),
});

const dashboardRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/bang-dieu-khien",
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import("../features/dashboard/dashboard-page"), "DashboardPage"),
});

/** A unit's dashboard: drilling down changes the address, so Back and bookmarks work. */
const unitDashboardRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/bang-dieu-khien/$unitId",
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(() => import("../features/dashboard/dashboard-page"), "DashboardPage"),
});

const reportsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/bao-cao",
  component: lazyRouteComponent(() => import("../features/reports/reports-page"), "ReportsPage"),
});

const createReportRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/bao-cao/moi",
  component: lazyRouteComponent(() => import("../features/reports/create-report-page"), "CreateReportPage"),
});

const reportRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/bao-cao/$id",
  component: lazyRouteComponent(() => import("../features/reports/report-page"), "ReportPage"),
});

const tipsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/tin-bao",
  component: lazyRouteComponent(() => import("../features/tips/tips-page"), "TipsPage"),
});

const tipRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/tin-bao/$id",
  component: lazyRouteComponent(() => import("../features/tips/tip-page"), "TipPage"),
});

const tipIntakeRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/tiep-nhan-tin-bao",
  component: lazyRouteComponent(() => import("../features/tips/intake-page"), "TipIntakePage"),
});

const remoteCommunesRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/xa-vung-sau-vung-xa",
  component: lazyRouteComponent(() => import("../features/tips/remote-communes-page"), "RemoteCommunesPage"),
});

const feedbackRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/kien-nghi",
  component: lazyRouteComponent(() => import("../features/feedback/feedback-page"), "FeedbackPage"),
});

const holidaysRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ngay-nghi-le",
  component: lazyRouteComponent(() => import("../features/calendar/holidays-page"), "HolidaysPage"),
});

const retentionRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/luu-tru-du-lieu",
  component: lazyRouteComponent(() => import("../features/retention/retention-page"), "RetentionPage"),
});

const privacyRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/du-lieu-ca-nhan",
  component: lazyRouteComponent(() => import("../features/privacy/privacy-page"), "PrivacyPage"),
});

const privacyRequestRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/du-lieu-ca-nhan/yeu-cau/$id",
  component: lazyRouteComponent(() => import("../features/privacy/request-page"), "RequestPage"),
});

const newsAdminRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/dang-tin",
  component: lazyRouteComponent(() => import("../features/news/news-admin-page"), "NewsAdminPage"),
});

const routeTree = rootRoute.addChildren([
  publicLayout.addChildren([homeRoute, signInRoute]),
  consoleLayout.addChildren([
    unitsRoute,
    unitRoute,
    accountsRoute,
    auditRoute,
    plansRoute,
    createPlanRoute,
    planRoute,
    editPlanRoute,
    activitiesRoute,
    createActivityRoute,
    activityRoute,
    festivalsRoute,
    groupsRoute,
    groupRoute,
    householdsRoute,
    householdRoute,
    certificationRoute,
    certificationCriteriaRoute,
    certificationCycleRoute,
    casesRoute,
    caseRoute,
    hotspotsRoute,
    hotspotRoute,
    committeesRoute,
    committeeRoute,
    pilotsRoute,
    mediaRoute,
    pilotRoute,
    supervisionsRoute,
    supervisionRoute,
    commendationsRoute,
    commendationRoute,
    dashboardRoute,
    unitDashboardRoute,
    reportsRoute,
    createReportRoute,
    reportRoute,
    tipsRoute,
    tipRoute,
    tipIntakeRoute,
    remoteCommunesRoute,
    feedbackRoute,
    newsAdminRoute,
    holidaysRoute,
    retentionRoute,
    privacyRoute,
    privacyRequestRoute,
  ]),
  captureLayout.addChildren([...captureRoutes]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
});

setUnauthenticatedHandler(() => {
  const here = router.state.location.href;
  forgetSession(queryClient);
  if (!router.state.location.pathname.startsWith("/dang-nhap")) {
    void router.navigate({ to: "/dang-nhap", search: { redirect: here } });
  }
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
