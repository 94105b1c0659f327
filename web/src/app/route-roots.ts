import {
  createRootRouteWithContext,
  createRoute,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import type { QueryClient } from "@tanstack/react-query";
import { sessionQuery } from "../api/session";
import { ErrorPage, NotFoundPage } from "./fallback-pages";
import { PublicLayout } from "./public-layout";

export const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

export const publicLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "public",
  component: PublicLayout,
});

const signedIn = async ({
  context,
  location,
}: {
  context: { queryClient: QueryClient };
  location: { href: string };
}) => {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session) redirect({ to: "/dang-nhap", search: { redirect: location.href }, throw: true });
  return { session };
};

/** Everything below needs a session; the shell and the pages load as separate chunks. */
export const consoleLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "console",
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import("./console-shell"), "ConsoleShell"),
});

/**
 * The residential-area cadre's capture screens (/thu-thap…): their own light frame, so a phone on
 * a slow line loads neither the console's shell nor its strings (capture-shell.tsx).
 */
export const captureLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "capture",
  beforeLoad: signedIn,
  component: lazyRouteComponent(() => import("./capture-shell"), "CaptureShell"),
});
