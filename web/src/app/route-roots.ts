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

/** Everything below needs a session; the shell and the pages load as separate chunks. */
export const consoleLayout = createRoute({
  getParentRoute: () => rootRoute,
  id: "console",
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) redirect({ to: "/dang-nhap", search: { redirect: location.href }, throw: true });
    return { session };
  },
  component: lazyRouteComponent(() => import("./console-shell"), "ConsoleShell"),
});
