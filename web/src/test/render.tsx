import { MantineProvider } from "@mantine/core";
import type { CurrentUser } from "@toandan/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
  useLocation,
} from "@tanstack/react-router";
import { render, type RenderResult } from "@testing-library/react";
import userEvent, { type UserEvent } from "@testing-library/user-event";
import type { ReactElement, ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { sessionQueryKey } from "../api/session";
import { i18n } from "../app/i18n";
import { cssVariablesResolver, theme } from "../app/theme";
import { makeUser } from "./fixtures";

export type RenderOptions = {
  /** The signed-in user (default: a ward Front cadre); `null` renders signed out. */
  user?: CurrentUser | null;
  /**
   * Renders `ui` as the page at `pattern` (a console route such as `/ke-hoach/$id/sua`, so
   * `useParams({ from: "/console/…" })` works) opened at `path`. Other paths show their pathname
   * in a `location` element, so a test can see where a page navigated.
   */
  route?: { pattern: string; path: string };
};

export type Rendered = RenderResult & { user: UserEvent; queryClient: QueryClient };

/** A client per test: no retries, no cache shared between tests. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
}

function Location() {
  const { pathname } = useLocation();
  return <p data-testid="location">{pathname}</p>;
}

function routed(ui: ReactElement, route: { pattern: string; path: string }, queryClient: QueryClient) {
  const root = createRootRoute({ component: Outlet });
  const consoleLayout = createRoute({ getParentRoute: () => root, id: "console", component: Outlet });
  const page = createRoute({ getParentRoute: () => consoleLayout, path: route.pattern, component: () => ui });
  const elsewhere = createRoute({ getParentRoute: () => consoleLayout, path: "$", component: Location });
  const router = createRouter({
    routeTree: root.addChildren([consoleLayout.addChildren([page, elsewhere])]),
    history: createMemoryHistory({ initialEntries: [route.path] }),
    context: { queryClient },
  });
  return <RouterProvider router={router} />;
}

/**
 * Renders with what the console gives every page: the Mantine theme (test env: no transitions,
 * no portals), i18n in Vietnamese, a fresh QueryClient holding the session, and a router if asked.
 */
export function renderWithProviders(ui: ReactElement, options: RenderOptions = {}): Rendered {
  const queryClient = testQueryClient();
  const user = options.user === undefined ? makeUser() : options.user;
  queryClient.setQueryData(sessionQueryKey, user ? { user, csrfToken: "csrf-test" } : null);
  // A wrapper (not a wrapped element), so `rerender` keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      forceColorScheme="light"
      env="test"
    >
      <I18nextProvider i18n={i18n}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </I18nextProvider>
    </MantineProvider>
  );
  const result = render(options.route ? routed(ui, options.route, queryClient) : ui, { wrapper });
  return { ...result, user: userEvent.setup({ delay: null }), queryClient };
}

/** Puts `text` in a field in one go, as a paste does (typing key by key is slow and adds nothing). */
export async function fill(user: UserEvent, field: HTMLElement, text: string): Promise<void> {
  await user.clear(field);
  await user.paste(text);
}
