import "../../locales/register-cases";
import type { CaseDetail } from "@toandan/contracts";
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { mockFetch, writes } from "../../test/fetch";
import { renderWithProviders } from "../../test/render";
import { CaseHelpSections } from "./case-help";

const ID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1";
const HELP = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb1";
const REF = "cccccccc-cccc-4ccc-8ccc-ccccccccccc1";

const can = { help: true, refer: true, communitySession: false };
function file(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: ID,
    kind: "drug_user",
    helpInstances: [
      {
        id: "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbb0",
        receivedOn: "2026-03-02",
        kind: "counselling",
        helper: "Tổ tự quản khóm 3",
        outcome: "relapsed",
        outcomeOn: "2026-05-01",
        notes: null,
      },
      {
        id: HELP,
        receivedOn: "2026-05-10",
        kind: "family_mentoring",
        helper: "Chi hội Phụ nữ khóm 3",
        outcome: "ongoing",
        outcomeOn: null,
        notes: "Gia đình kèm cặp",
      },
    ],
    referrals: [
      {
        id: REF,
        referredOn: "2026-05-03",
        mode: "compulsory",
        facility: "Cơ sở cai nghiện ma túy tỉnh",
        decisionNumber: "25/QĐ-TA",
        outcome: "pending",
        outcomeOn: null,
        notes: null,
      },
    ],
    communitySessions: [],
    can: { ...can } as CaseDetail["can"],
    ...over,
  } as CaseDetail;
}

describe("CaseHelpSections", () => {
  it("lists a drug user's help instances with their outcomes and the referral, in Vietnamese", async () => {
    mockFetch({});
    renderWithProviders(<CaseHelpSections file={file()} onChange={() => {}} />);
    expect(screen.getByRole("heading", { name: "Các lượt tiếp nhận giúp đỡ, giáo dục" })).toBeVisible();
    expect(screen.getByText("Tái phạm — 01/05/2026")).toBeVisible();
    expect(screen.getByText(/Đang giúp đỡ/)).toBeVisible();
    expect(screen.getByRole("heading", { name: "Chuyển đi cai nghiện" })).toBeVisible();
    expect(screen.getByText("Bắt buộc tại cơ sở cai nghiện")).toBeVisible();
    expect(screen.getByText(/Chờ tiếp nhận/)).toBeVisible();
    expect(screen.queryByRole("heading", { name: "Giáo dục trước cộng đồng dân cư" })).toBeNull();
  });

  it("records the outcome of the ongoing instance", async () => {
    const calls = mockFetch({
      [`POST /cases/${ID}/help-instances/${HELP}/outcome`]: { body: file() },
    });
    const onChange = vi.fn();
    const { user } = renderWithProviders(<CaseHelpSections file={file()} onChange={onChange} />);
    const row = screen.getByText("Chi hội Phụ nữ khóm 3").closest("tr")!;
    await user.click(within(row).getByRole("button", { name: "Ghi kết quả" }));
    const dialog = await screen.findByRole("dialog", { name: "Kết quả lượt giúp đỡ" });
    await user.click(within(dialog).getByRole("button", { name: "Lưu" }));
    await expect.poll(() => writes(calls).length).toBe(1);
    expect(writes(calls)[0]!.body).toMatchObject({ outcome: "reformed" });
    expect((writes(calls)[0]!.body as { outcomeOn: string }).outcomeOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect.poll(() => onChange.mock.calls.length).toBe(1);
  });

  it("offers a session before the community, not help instances, on a community-education file", async () => {
    mockFetch({});
    renderWithProviders(
      <CaseHelpSections
        file={file({
          kind: "community_reprimand",
          helpInstances: [],
          referrals: [],
          can: { ...can, help: false, refer: false, communitySession: true } as CaseDetail["can"],
        })}
        onChange={() => {}}
      />,
    );
    expect(screen.getByRole("heading", { name: "Giáo dục trước cộng đồng dân cư" })).toBeVisible();
    expect(screen.getByRole("button", { name: "Ghi buổi giáo dục" })).toBeVisible();
    expect(screen.queryByRole("heading", { name: "Các lượt tiếp nhận giúp đỡ, giáo dục" })).toBeNull();
  });
});
