import type { Activity } from "@toandan/contracts";
import { setClock } from "@toandan/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockFetch, validationFailed, writes, type Call } from "../../test/fetch";
import { FRONT_BODY_ID, POLICE_BODY_ID, PROVINCE, WARD_ID, WARD_ORGANIZERS } from "../../test/fixtures";
import { fill, renderWithProviders } from "../../test/render";
import { ActivityForm } from "./activity-form";

const units = {
  "GET /org-units": { body: { items: [], nextCursor: null } },
  [`GET /org-units/${WARD_ID}/organizer-bodies`]: { body: WARD_ORGANIZERS },
};

const saved = (over: Partial<Activity> = {}) =>
  ({ id: "55555555-5555-4555-8555-555555555555", orgUnitId: WARD_ID, ...over }) as Activity;

function setup(post: (call: Call) => { status?: number; body?: unknown }, activity?: Activity) {
  const calls = mockFetch({
    ...units,
    "POST /activities": post,
    [`PATCH /activities/${activity?.id}`]: post,
  });
  const onSaved = vi.fn();
  const r = renderWithProviders(<ActivityForm activity={activity} onSaved={onSaved} />);
  return { ...r, calls, onSaved };
}

const dateBox = () => screen.getByRole("textbox", { name: /^Ngày \(dd\/mm\/yyyy\)/ });
const organizers = () => screen.getByRole("group", { name: /^Đơn vị tổ chức/ });
/** The field announces `message` (Mantine links its error through aria-describedby). */
const expectIssue = (field: HTMLElement, message: string) =>
  expect(field).toHaveAccessibleDescription(expect.stringContaining(message));

describe("ActivityForm", () => {
  it.each([
    // 00:30 on 3 December in Vietnam is still 2 December in UTC (and 07:30 on the 2nd in Honolulu).
    ["00:30", "2025-12-02T17:30:00Z"],
    // 23:30 on 3 December in Vietnam; already 4 December nowhere that matters, 3 December in UTC.
    ["23:30", "2025-12-03T16:30:00Z"],
  ])("dates a new activity today in Vietnam at %s Vietnam time", async (_time, instant) => {
    setClock(instant);
    setup(() => ({ body: saved() }));
    expect(dateBox()).toHaveValue("03/12/2025");
    expect(await within(organizers()).findByRole("checkbox", { name: "Công an phường" })).toBeVisible();
  });

  it("offers the bodies of the unit and of the units above it", async () => {
    setup(() => ({ body: saved() }));
    const group = organizers();
    expect(await within(group).findByText("Phường Bến Thành")).toBeVisible();
    expect(await within(group).findByText("Thành phố Hồ Chí Minh")).toBeVisible();
    expect(
      within(group)
        .getAllByRole("checkbox")
        .map((c) => c.getAttribute("value")),
    ).toEqual([FRONT_BODY_ID, POLICE_BODY_ID, PROVINCE.bodies[0]!.id]);
  });

  it("refuses, before sending, a future date and no organiser, with the form's own words", async () => {
    setClock("2025-12-03T16:30:00Z"); // 23:30 on 3 December in Vietnam
    const { user, calls } = setup(() => ({ body: saved() }));
    await user.clear(dateBox());
    await fill(user, dateBox(), "04/12/2025");
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    expect(await screen.findByText("Ngày không được ở tương lai.")).toBeVisible();
    expectIssue(dateBox(), "Ngày không được ở tương lai.");
    expectIssue(organizers(), "Cần ít nhất một đơn vị tổ chức.");
    expect(dateBox()).toHaveAttribute("aria-invalid", "true");
    expect(writes(calls)).toEqual([]);
  });

  it("refuses a date that does not exist", async () => {
    const { user, calls } = setup(() => ({ body: saved() }));
    await user.click(await within(organizers()).findByRole("checkbox", { name: "Công an phường" }));
    await user.clear(dateBox());
    await fill(user, dateBox(), "31/02/2025");
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    expect(await screen.findByText("Giá trị không hợp lệ.")).toBeVisible();
    expectIssue(dateBox(), "Giá trị không hợp lệ.");
    expect(writes(calls)).toEqual([]);
  });

  it("sends the typed figures as numbers and the date as ISO", async () => {
    setClock("2025-12-03T01:00:00Z");
    const { user, calls, onSaved } = setup(() => ({ status: 201, body: saved({ title: "Ngày hội" }) }));
    await user.click(
      await within(organizers()).findByRole("checkbox", { name: "Ủy ban MTTQ Việt Nam phường" }),
    );
    await user.clear(dateBox());
    await fill(user, dateBox(), "1/12/2025");
    await fill(user, screen.getByRole("textbox", { name: "Tiêu đề (không bắt buộc)" }), "Ngày hội");
    await fill(user, screen.getByRole("textbox", { name: "Người tham dự" }), "1.157");
    await user.type(screen.getByRole("textbox", { name: "Giờ phát thanh" }), "2,5");
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved({ title: "Ngày hội" })));
    const [post] = writes(calls);
    expect(post).toMatchObject({
      method: "POST",
      path: "/activities",
      body: {
        orgUnitId: WARD_ID,
        kind: "propaganda_session",
        date: "2025-12-01",
        organizerBodyIds: [FRONT_BODY_ID],
        topics: [],
        tags: [],
        title: "Ngày hội",
        attendees: 1157,
        broadcastHours: 2.5,
        households: 0,
      },
    });
    expect(post!.body).not.toHaveProperty("notes");
  });

  it("records a broadcast's airings and shows the hours they make, without an hours field", async () => {
    setClock("2025-12-03T01:00:00Z");
    const { user, calls, onSaved } = setup(() => ({ status: 201, body: saved() }));
    await user.click(
      await within(organizers()).findByRole("checkbox", { name: "Ủy ban MTTQ Việt Nam phường" }),
    );
    expect(screen.queryByRole("textbox", { name: "Tổng số lượt phát" })).toBeNull();
    await user.selectOptions(screen.getByRole("combobox", { name: /^Loại/ }), "broadcast");
    await fill(user, screen.getByRole("textbox", { name: "Số cụm loa phát" }), "10");
    await fill(user, screen.getByRole("textbox", { name: "Tổng số lượt phát" }), "140");
    await fill(user, screen.getByRole("textbox", { name: "Số phút mỗi lượt" }), "15");
    expect(await screen.findByText("140 lượt × 15 phút = 35 giờ phát thanh")).toBeVisible();
    // The hours are computed: no field to type them in while airings are recorded.
    expect(screen.queryByRole("textbox", { name: "Giờ phát thanh" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [post] = writes(calls);
    expect(post!.body).toMatchObject({
      kind: "broadcast",
      broadcastStations: 10,
      broadcastAirings: 140,
      broadcastMinutes: 15,
    });
    // No hours typed: the server computes them (35) from the airings.
    expect((post!.body as { broadcastHours?: number }).broadcastHours ?? 0).toBe(0);
  });

  it("refuses airings without their minutes before sending", async () => {
    const { user, calls } = setup(() => ({ status: 201, body: saved() }));
    await user.click(await within(organizers()).findByRole("checkbox", { name: "Công an phường" }));
    await user.selectOptions(screen.getByRole("combobox", { name: /^Loại/ }), "broadcast");
    await fill(user, screen.getByRole("textbox", { name: "Tổng số lượt phát" }), "20");
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    expectIssue(
      await screen.findByRole("textbox", { name: "Số phút mỗi lượt" }),
      "Cần thời lượng mỗi lượt phát (phút).",
    );
    expect(writes(calls)).toEqual([]);
  });

  it("shows the server's issues next to the fields they are about", async () => {
    const { user, calls, onSaved } = setup(() =>
      validationFailed([
        { path: "organizerBodyIds.0", message: "Công an phường không thuộc hệ thống tổ chức của đơn vị" },
        { path: "date", message: "Kỳ báo cáo tháng 12/2025 đã khóa" },
      ]),
    );
    await user.click(await within(organizers()).findByRole("checkbox", { name: "Công an phường" }));
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    expect(await screen.findByText("Kỳ báo cáo tháng 12/2025 đã khóa")).toBeVisible();
    expectIssue(dateBox(), "Kỳ báo cáo tháng 12/2025 đã khóa");
    expectIssue(organizers(), "Công an phường không thuộc hệ thống tổ chức của đơn vị");
    // The issues are on the fields, so no general alert repeats them.
    expect(screen.queryByRole("alert")).toBeNull();
    expect(writes(calls)).toHaveLength(1);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("shows a general error, in Vietnamese, for a failure that is not about a field", async () => {
    const { user } = setup(() => ({
      status: 403,
      body: { error: { code: "forbidden", message: "raw server text", requestId: "r-9" } },
    }));
    await user.click(await within(organizers()).findByRole("checkbox", { name: "Công an phường" }));
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Bạn không có quyền thực hiện thao tác này.");
    expect(screen.queryByText("raw server text")).toBeNull();
  });

  it("shows the server's own message for a date in an approved, locked period", async () => {
    const lock =
      "Kỳ báo cáo 01/01/2026–03/12/2026 đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.";
    const { user } = setup(() => ({
      status: 409,
      body: { error: { code: "period_locked", message: lock, requestId: "r-10" } },
    }));
    await user.click(await within(organizers()).findByRole("checkbox", { name: "Công an phường" }));
    await user.click(screen.getByRole("button", { name: "Lưu hoạt động" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(lock);
    expect(screen.queryByText(/trùng hoặc xung đột/)).toBeNull();
  });

  it("edits an activity without its unit and clears a blanked title", async () => {
    const activity = {
      id: "66666666-6666-4666-8666-666666666666",
      orgUnitId: WARD_ID,
      orgUnitName: "Phường Bến Thành",
      kind: "meeting",
      date: "2025-11-20",
      organizers: [{ id: POLICE_BODY_ID, kind: "police", name: "Công an phường" }],
      topics: [],
      tags: ["an ninh"],
      title: "Họp tổ",
      notes: null,
      attendees: 1157,
      households: 0,
      students: 0,
      leaflets: 0,
      panels: 0,
      slogans: 0,
      broadcastItems: 0,
      broadcastHours: 0,
    } as unknown as Activity;
    const { user, calls, onSaved } = setup(() => ({ body: activity }), activity);
    expect(
      screen.getByText("Đơn vị: Phường Bến Thành (không đổi được đơn vị của hoạt động đã ghi)."),
    ).toBeVisible();
    expect(dateBox()).toHaveValue("20/11/2025");
    expect(screen.getByRole("textbox", { name: "Người tham dự" })).toHaveValue("1.157");
    expect(await within(organizers()).findByRole("checkbox", { name: "Công an phường" })).toBeChecked();
    await user.clear(screen.getByRole("textbox", { name: "Tiêu đề (không bắt buộc)" }));
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [patch] = writes(calls);
    expect(patch).toMatchObject({
      method: "PATCH",
      path: `/activities/${activity.id}`,
      body: {
        kind: "meeting",
        date: "2025-11-20",
        title: null,
        notes: null,
        attendees: 1157,
        tags: ["an ninh"],
      },
    });
    expect(patch!.body).not.toHaveProperty("orgUnitId");
  });
});
