import { afterEach, describe, expect, it, vi } from "vitest";
import { mockFetch, validationFailed } from "../test/fetch";
import { api, ApiError, isApiError, setCsrfToken, withQuery } from "./client";

afterEach(() => setCsrfToken(null));

async function failure(p: Promise<unknown>): Promise<ApiError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isApiError(e)) throw new Error(`expected an ApiError, got ${String(e)}`);
  return e;
}

describe("withQuery", () => {
  it("adds the set values and leaves out empty ones", () => {
    expect(withQuery("/activities", { kind: "meeting", from: "", to: undefined, q: null, limit: 50 })).toBe(
      "/activities?kind=meeting&limit=50",
    );
    expect(withQuery("/activities", { flag: false })).toBe("/activities?flag=false");
    expect(withQuery("/x", {})).toBe("/x");
    expect(withQuery("/x")).toBe("/x");
    expect(withQuery("/units", { q: "Bến Thành & Co" })).toBe("/units?q=B%E1%BA%BFn+Th%C3%A0nh+%26+Co");
  });
});

describe("api", () => {
  it("reads /api/v1 with the session cookie and no CSRF token on a GET", async () => {
    const fetchSpy = vi.fn(async () => new Response(JSON.stringify({ ok: 1 }), { status: 200 }));
    vi.stubGlobal("fetch", fetchSpy);
    setCsrfToken("tok");
    await expect(api("/org-units", { query: { kind: "province" } })).resolves.toEqual({ ok: 1 });
    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/v1/org-units?kind=province");
    expect(init.method).toBe("GET");
    expect(init.credentials).toBe("same-origin");
    expect(init.headers).toEqual({ accept: "application/json" });
  });

  it("sends JSON with the CSRF token on a write", async () => {
    const calls = mockFetch({ "POST /activities": { status: 201, body: { id: "a1" } } });
    setCsrfToken("csrf-123");
    const fetchSpy = vi.mocked(fetch);
    await expect(api("/activities", { method: "POST", body: { title: "Họp tổ" } })).resolves.toEqual({
      id: "a1",
    });
    expect(calls[0]!.body).toEqual({ title: "Họp tổ" });
    const init = fetchSpy.mock.calls[0]![1]!;
    expect(init.headers).toEqual({
      accept: "application/json",
      "content-type": "application/json",
      "x-csrf-token": "csrf-123",
    });
  });

  it("sends FormData as it is, letting the browser set the content type", async () => {
    const fetchSpy = vi.fn(async () => new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", fetchSpy);
    const form = new FormData();
    form.set("file", "x");
    await api("/households/import", { method: "POST", body: form });
    const init = (fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.body).toBe(form);
    expect(init.headers).not.toHaveProperty("content-type");
  });

  it("turns the shared error shape into an ApiError with its issues", async () => {
    mockFetch({
      "POST /groups": validationFailed([
        { path: "name", message: "Tên tổ không được để trống" },
        { path: "foundedOn", message: "Ngày thành lập không được sau hôm nay" },
      ]),
    });
    const e = await failure(api("/groups", { method: "POST", body: {} }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(400);
    expect(e.code).toBe("validation_failed");
    expect(e.requestId).toBe("req-400");
    expect(e.issues).toEqual([
      { path: "name", message: "Tên tổ không được để trống" },
      { path: "foundedOn", message: "Ngày thành lập không được sau hôm nay" },
    ]);
  });

  it("drops malformed issues", async () => {
    mockFetch({
      "GET /x": {
        status: 400,
        body: {
          error: { code: "validation_failed", issues: [{ path: "a", message: "ok" }, { path: 1 }, "b"] },
        },
      },
    });
    const e = await failure(api("/x"));
    expect(e.issues).toEqual([{ path: "a", message: "ok" }]);
  });

  it("keeps the server's own sentence, for the refusals it explains", async () => {
    const message =
      "Kỳ báo cáo 01/01/2026–03/12/2026 đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.";
    mockFetch({
      "POST /activities": {
        status: 409,
        body: { error: { code: "period_locked", message, requestId: "r" } },
      },
    });
    const e = await failure(api("/activities", { method: "POST", body: {} }));
    expect(e.code).toBe("period_locked");
    expect(e.serverMessage).toBe(message);
  });

  it("reads Retry-After on a locked account", async () => {
    mockFetch({
      "POST /auth/login": {
        status: 429,
        headers: { "retry-after": "900" },
        body: { error: { code: "account_locked", message: "Tài khoản tạm khóa" } },
      },
    });
    const e = await failure(api("/auth/login", { method: "POST", body: {} }));
    expect(e.code).toBe("account_locked");
    expect(e.retryAfter).toBe(900);
  });

  it("treats an answer that is not JSON as an internal error", async () => {
    vi.stubGlobal("fetch", async () => new Response("<html>502 Bad Gateway</html>", { status: 502 }));
    const e = await failure(api("/x"));
    expect(e.status).toBe(502);
    expect(e.code).toBe("internal_error");
    expect(e.requestId).toBeNull();
    expect(e.retryAfter).toBeNull();
  });

  it("reports a network failure as network_error with status 0", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const e = await failure(api("/x"));
    expect(e.code).toBe("network_error");
    expect(e.status).toBe(0);
  });

  it("lets an abort through as it is (a cancelled query is not an error to show)", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new DOMException("aborted", "AbortError");
    });
    await expect(api("/x")).rejects.toMatchObject({ name: "AbortError" });
  });
});
