import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { captureLayout } from "./route-roots";

/** Offline capture of the residential-area cadre (features/capture). */
const page = <P extends string>(path: P, load: () => Promise<Record<string, unknown>>, name: string) =>
  createRoute({
    getParentRoute: () => captureLayout,
    path,
    // fix: an outbox record to correct or merge; edit: the server id of a sent record to edit.
    validateSearch: (search: Record<string, unknown>): { fix?: string; edit?: string } => ({
      ...(typeof search.fix === "string" ? { fix: search.fix } : {}),
      ...(typeof search.edit === "string" ? { edit: search.edit } : {}),
    }),
    component: lazyRouteComponent(load as never, name as never),
  });

export const captureRoutes = [
  page("/thu-thap", () => import("../features/capture/capture-hub-page"), "CaptureHubPage"),
  page(
    "/thu-thap/hoat-dong",
    () => import("../features/capture/activity-capture-page"),
    "ActivityCapturePage",
  ),
  page(
    "/thu-thap/ho-gia-dinh",
    () => import("../features/capture/household-capture-page"),
    "HouseholdCapturePage",
  ),
  page("/thu-thap/to", () => import("../features/capture/roster-capture-page"), "RosterCapturePage"),
  page("/thu-thap/truc", () => import("../features/capture/duty-capture-page"), "DutyCapturePage"),
  page("/thu-thap/tren-may", () => import("../features/capture/outbox-page"), "OutboxPage"),
] as const;
