import type { ApiIssue } from "@toandan/contracts";
import { vi } from "vitest";

export type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };
export type Call = { method: string; path: string; query: URLSearchParams; body: unknown };
type Route = Reply | ((call: Call) => Reply);

/**
 * Replaces `fetch` with canned answers keyed `"<METHOD> <path>"`, the path after `/api/v1` and
 * without the query (`"GET /org-units/<id>"`). Anything else answers 404 `not_found`. Returns the
 * calls made, bodies parsed.
 */
export function mockFetch(routes: Record<string, Route>): Call[] {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, "http://localhost");
    const method = init?.method ?? "GET";
    const path = url.pathname.replace(/^\/api\/v1/, "");
    const raw = init?.body;
    const call: Call = {
      method,
      path,
      query: url.searchParams,
      body: typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw,
    };
    calls.push(call);
    const route = routes[`${method} ${path}`];
    const reply: Reply =
      typeof route === "function"
        ? route(call)
        : (route ?? { status: 404, body: { error: { code: "not_found", message: "Không tìm thấy" } } });
    return new Response(JSON.stringify(reply.body ?? null), {
      status: reply.status ?? 200,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

/** The server's 400 answer to a body that breaks a rule the form could not check. */
export function validationFailed(issues: ApiIssue[]): Reply {
  return {
    status: 400,
    body: {
      error: { code: "validation_failed", message: "Dữ liệu không hợp lệ", issues, requestId: "req-400" },
    },
  };
}

/** The writes among the calls (what reached the server). */
export function writes(calls: readonly Call[]): Call[] {
  return calls.filter((c) => c.method !== "GET");
}
