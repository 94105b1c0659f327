import { useQuery } from "@tanstack/react-query";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { api } from "../api/client";
import { mockFetch } from "../test/fetch";
import { renderWithProviders } from "../test/render";
import { QueryState } from "./query-state";

function Unit() {
  const query = useQuery({
    queryKey: ["unit"],
    queryFn: () => api<{ fullName: string }>("/org-units/x"),
  });
  return <QueryState query={query}>{(u) => <h1>{u.fullName}</h1>}</QueryState>;
}

describe("QueryState", () => {
  it("shows a named loader, then the content", async () => {
    mockFetch({ "GET /org-units/x": { body: { fullName: "Phường Bến Thành" } } });
    renderWithProviders(<Unit />);
    expect(screen.getByLabelText("Đang tải…")).toBeInTheDocument();
    expect(await screen.findByRole("heading", { name: "Phường Bến Thành" })).toBeVisible();
    expect(screen.queryByLabelText("Đang tải…")).toBeNull();
  });

  it("shows the failure in Vietnamese with its request id, and tries again on request", async () => {
    let n = 0;
    mockFetch({
      "GET /org-units/x": () =>
        ++n === 1
          ? { status: 500, body: { error: { code: "internal_error", message: "boom", requestId: "req-42" } } }
          : { body: { fullName: "Phường Bến Thành" } },
    });
    const { user } = renderWithProviders(<Unit />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Đã có lỗi xảy ra (mã: req-42)");
    expect(screen.queryByText("boom")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByRole("heading", { name: "Phường Bến Thành" })).toBeVisible();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(n).toBe(2);
  });
});
