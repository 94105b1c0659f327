import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { consoleLayout } from "./route-roots";

/** The pages of the movement's records (activities to commendations); the tree is in router.tsx. */
export const activitiesRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/hoat-dong",
  component: lazyRouteComponent(() => import("../features/activities/activities-page"), "ActivitiesPage"),
});

export const createActivityRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/hoat-dong/moi",
  component: lazyRouteComponent(() => import("../features/activities/activity-page"), "CreateActivityPage"),
});

export const activityRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/hoat-dong/$id",
  component: lazyRouteComponent(() => import("../features/activities/activity-page"), "ActivityPage"),
});

export const festivalsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ngay-hoi",
  component: lazyRouteComponent(() => import("../features/activities/festivals-page"), "FestivalsPage"),
});

export const groupsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/to-mo-hinh",
  component: lazyRouteComponent(() => import("../features/groups/groups-page"), "GroupsPage"),
});

export const groupRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/to-mo-hinh/$id",
  component: lazyRouteComponent(() => import("../features/groups/group-page"), "GroupPage"),
});

export const householdsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ho-gia-dinh",
  component: lazyRouteComponent(() => import("../features/households/households-page"), "HouseholdsPage"),
});

export const householdRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ho-gia-dinh/$id",
  component: lazyRouteComponent(() => import("../features/households/household-page"), "HouseholdPage"),
});

export const certificationRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/chung-nhan",
  component: lazyRouteComponent(
    () => import("../features/certification/certification-page"),
    "CertificationPage",
  ),
});

export const certificationCriteriaRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/chung-nhan/tieu-chi",
  component: lazyRouteComponent(() => import("../features/certification/criteria-page"), "CriteriaPage"),
});

export const certificationCycleRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/chung-nhan/$id",
  component: lazyRouteComponent(
    () => import("../features/certification/cycle-page"),
    "CycleCertificationPage",
  ),
});

export const casesRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ho-so",
  component: lazyRouteComponent(() => import("../features/cases/cases-page"), "CasesPage"),
});

export const caseRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ho-so/$id",
  component: lazyRouteComponent(() => import("../features/cases/case-page"), "CasePage"),
});

export const hotspotsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/dia-ban-trong-diem",
  component: lazyRouteComponent(() => import("../features/hotspots/hotspots-page"), "HotspotsPage"),
});

export const hotspotRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/dia-ban-trong-diem/$id",
  component: lazyRouteComponent(() => import("../features/hotspots/hotspot-page"), "HotspotPage"),
});

export const committeesRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ban-chi-dao",
  component: lazyRouteComponent(() => import("../features/committees/committees-page"), "CommitteesPage"),
});

export const committeeRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/ban-chi-dao/$id",
  component: lazyRouteComponent(() => import("../features/committees/committee-page"), "CommitteePage"),
});

export const mediaRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/bao-chi",
  component: lazyRouteComponent(() => import("../features/media/media-page"), "MediaPage"),
});

export const pilotsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/xay-dung-diem",
  component: lazyRouteComponent(() => import("../features/pilots/pilots-page"), "PilotsPage"),
});

export const pilotRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/xay-dung-diem/$id",
  component: lazyRouteComponent(() => import("../features/pilots/pilot-page"), "PilotPage"),
});

export const supervisionsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/giam-sat",
  component: lazyRouteComponent(
    () => import("../features/supervision/supervisions-page"),
    "SupervisionsPage",
  ),
});

export const supervisionRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/giam-sat/$id",
  component: lazyRouteComponent(() => import("../features/supervision/supervision-page"), "SupervisionPage"),
});

export const commendationsRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/khen-thuong",
  component: lazyRouteComponent(
    () => import("../features/commendations/commendations-page"),
    "CommendationsPage",
  ),
});

export const commendationRoute = createRoute({
  getParentRoute: () => consoleLayout,
  path: "/khen-thuong/$id",
  component: lazyRouteComponent(
    () => import("../features/commendations/commendation-page"),
    "CommendationPage",
  ),
});
