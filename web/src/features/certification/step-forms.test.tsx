import type { CertificationCycleDetail, CertificationEvidence } from "@toandan/contracts";
import { setClock } from "@toandan/contracts";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mockFetch, validationFailed, writes, type Reply } from "../../test/fetch";
import { fill, renderWithProviders } from "../../test/render";
import { AppraisalForm, DecisionForm, ReviewMeetingForm, SelfAssessmentForm } from "./step-forms";

const CYCLE_ID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const cycle = { id: CYCLE_ID, selfAssessment: null } as unknown as CertificationCycleDetail;
const url = (step: string) => `/certification/cycles/${CYCLE_ID}/${step}`;

const box = (name: RegExp) => screen.getByRole("textbox", { name });
const expectIssue = (el: HTMLElement, message: string) =>
  expect(el).toHaveAccessibleDescription(expect.stringContaining(message));

function post(step: string, reply: Reply) {
  return mockFetch({ [`POST ${url(step)}`]: reply });
}

describe("ReviewMeetingForm", () => {
  it("dates the meeting today in Vietnam and reads the attendees one per line", async () => {
    setClock("2025-12-02T17:30:00Z"); // 00:30 on 3 December in Vietnam
    const calls = post("review-meeting", { body: {} });
    const { user } = renderWithProviders(<ReviewMeetingForm cycle={cycle} />);
    expect(box(/^Ngày họp/)).toHaveValue("03/12/2025");
    await fill(user, box(/^Người chủ trì/), "Nguyễn Văn An");
    await fill(
      user,
      box(/^Thành phần dự họp/),
      "Nguyễn Văn An - Bí thư chi bộ\n  \nTrần Thị Bình - Trưởng ban - công tác Mặt trận\nLê Văn Cường",
    );
    await fill(user, box(/^Nội dung biên bản/), "Thống nhất đề nghị công nhận.");
    await user.type(box(/^Số ý kiến tán thành/), "3");
    await user.type(box(/^Tổng số người dự/), "3");
    await user.click(screen.getByRole("button", { name: "Họp bình xét" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      meetingDate: "2025-12-03",
      chair: "Nguyễn Văn An",
      attendees: [
        { name: "Nguyễn Văn An", role: "Bí thư chi bộ" },
        { name: "Trần Thị Bình", role: "Trưởng ban - công tác Mặt trận" },
        { name: "Lê Văn Cường", role: "Thành viên" },
      ],
      minutes: "Thống nhất đề nghị công nhận.",
      votesFor: 3,
      votesTotal: 3,
    });
  });

  it("sends nothing while the contract refuses, and shows why on each field", async () => {
    const calls = post("review-meeting", { body: {} });
    const { user } = renderWithProviders(<ReviewMeetingForm cycle={cycle} />);
    await user.clear(box(/^Ngày họp/));
    await fill(user, box(/^Ngày họp/), "32/12/2025");
    await user.click(screen.getByRole("button", { name: "Họp bình xét" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Vui lòng kiểm tra lại các trường được đánh dấu.",
    );
    expectIssue(box(/^Người chủ trì/), "Chưa nhập người chủ trì");
    expectIssue(box(/^Thành phần dự họp/), "Chưa nhập thành phần dự họp");
    expectIssue(box(/^Nội dung biên bản/), "Chưa nhập nội dung biên bản");
    expect(box(/^Ngày họp/)).toHaveAttribute("aria-invalid", "true");
    expect(box(/^Số ý kiến tán thành/)).toHaveAttribute("aria-invalid", "true");
    expect(writes(calls)).toEqual([]);
  });

  it("puts the server's issue on its field", async () => {
    post(
      "review-meeting",
      validationFailed([{ path: "votesFor", message: "Số ý kiến tán thành vượt quá số người dự" }]),
    );
    const { user } = renderWithProviders(<ReviewMeetingForm cycle={cycle} />);
    await fill(user, box(/^Người chủ trì/), "Nguyễn Văn An");
    await fill(user, box(/^Thành phần dự họp/), "Nguyễn Văn An - Bí thư");
    await fill(user, box(/^Nội dung biên bản/), "Biên bản");
    await user.type(box(/^Số ý kiến tán thành/), "5");
    await user.type(box(/^Tổng số người dự/), "3");
    await user.click(screen.getByRole("button", { name: "Họp bình xét" }));
    await waitFor(() => expectIssue(box(/^Số ý kiến tán thành/), "Số ý kiến tán thành vượt quá số người dự"));
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Dữ liệu không hợp lệ. Vui lòng kiểm tra các ô được đánh dấu.",
    );
  });
});

describe("AppraisalForm", () => {
  it("sends the recommendation chosen", async () => {
    setClock("2025-12-03T16:30:00Z"); // 23:30 on 3 December in Vietnam
    const calls = post("appraisal", { body: {} });
    const { user } = renderWithProviders(<AppraisalForm cycle={cycle} />);
    expect(box(/^Ngày thẩm định/)).toHaveValue("03/12/2025");
    await user.selectOptions(screen.getByRole("combobox", { name: "Đề xuất" }), "not_recognise");
    await fill(user, box(/^Ý kiến thẩm định/), "Còn vụ việc phức tạp.");
    await user.click(screen.getByRole("button", { name: "Thẩm định" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      appraisedOn: "2025-12-03",
      recommendation: "not_recognise",
      opinion: "Còn vụ việc phức tạp.",
    });
  });
});

describe("DecisionForm", () => {
  it("lists what the server says is missing when the step is refused", async () => {
    post("decision", {
      status: 409,
      body: {
        error: {
          code: "invalid_transition",
          message: "Hồ sơ chưa đủ",
          issues: [
            { path: "documents.submission", message: "Thiếu Tờ trình" },
            { path: "lateReason", message: "Quyết định sau hạn cần nêu lý do" },
          ],
        },
      },
    });
    const { user } = renderWithProviders(<DecisionForm cycle={cycle} />);
    await fill(user, box(/^Số quyết định/), "125/QĐ-UBND");
    await fill(user, box(/^Người ký/), "Phạm Văn Dũng");
    await fill(user, box(/^Chức vụ người ký/), "Chủ tịch UBND phường");
    await user.click(screen.getByRole("button", { name: "Quyết định công nhận" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Không thể chuyển sang trạng thái này.");
    expect(within(alert).getByText("Thiếu Tờ trình")).toBeVisible();
    expectIssue(box(/^Lý do quyết định chậm/), "Quyết định sau hạn cần nêu lý do");
  });
});

describe("SelfAssessmentForm", () => {
  const evidence = {
    criteria: [
      { code: "c1", article: "Điều 5.1", titleVi: "Có nghị quyết", verdict: "met" },
      { code: "c2", article: "Điều 5.2", titleVi: "Không để xảy ra trọng án", verdict: "not_met" },
      { code: "c3", article: "Điều 5.3", titleVi: "Có mô hình hiệu quả", verdict: "unknown" },
    ],
  } as unknown as CertificationEvidence;

  it("starts from the system's verdicts and sends the unit's answers and figures", async () => {
    const calls = post("self-assessment", { body: {} });
    const { user } = renderWithProviders(<SelfAssessmentForm cycle={cycle} evidence={evidence} />);
    const group = screen.getByRole("group", { name: "Tự đánh giá" });
    expect(within(group).getByRole("checkbox", { name: "Điều 5.1: Có nghị quyết" })).toBeChecked();
    expect(
      within(group).getByRole("checkbox", { name: "Điều 5.2: Không để xảy ra trọng án" }),
    ).not.toBeChecked();
    expect(within(group).getByRole("checkbox", { name: "Điều 5.3: Có mô hình hiệu quả" })).toBeChecked();
    await user.click(within(group).getByRole("checkbox", { name: "Điều 5.3: Có mô hình hiệu quả" }));
    await user.clear(box(/^Ngày tự đánh giá/));
    await fill(user, box(/^Ngày tự đánh giá/), "1/12/2025");
    await user.type(box(/^Số vụ phạm tội trong kỳ/), "2");
    await fill(user, box(/^Số vụ phạm tội năm trước/), "1.157");
    await user.type(box(/^Số người, vụ tệ nạn xã hội trong kỳ/), "0");
    await user.type(box(/^Tệ nạn xã hội năm trước/), "4");
    await user.click(screen.getByRole("button", { name: "Tự đánh giá" }));
    await waitFor(() => expect(writes(calls)).toHaveLength(1));
    expect(writes(calls)[0]!.body).toEqual({
      assessedOn: "2025-12-01",
      answers: [
        { criterionCode: "c1", met: true },
        { criterionCode: "c2", met: false },
        { criterionCode: "c3", met: false },
      ],
      crimes: 2,
      crimesPreviousYear: 1157,
      socialEvils: 0,
      socialEvilsPreviousYear: 4,
    });
  });
});
