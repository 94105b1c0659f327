import { AUDIT_ACTIONS, type AuditAction, type AuditEventDataMap } from "@toandan/contracts";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { i18n } from "../../app/i18n";
import { renderWithProviders } from "../../test/render";
import { Details } from "./audit-page";
import {
  describeEvent,
  eventSentence,
  readableData,
  recordPage,
  SUMMARIES,
  SUMMARY_NAMESPACES,
  type SummaryContext,
} from "./audit-summary";
import "../../locales/register-commendations";
import "../../locales/register-hotspots";

const ID = "3f2a9c1e-5b7d-4e2f-9a1b-0c4d6e8f1a2b";
const ID2 = "7b1c2d3e-4f5a-4b6c-8d9e-0f1a2b3c4d5e";

/** Data as the server writes it, one per action (group.updated is never written). */
const SAMPLES = {
  "auth.login": {},
  "auth.logout": {},
  "auth.login_failed": { failures: 3 },
  "auth.locked": { minutes: 15 },
  "auth.password_changed": {},
  "org_unit.created": {
    parentId: ID,
    kind: "residential_area",
    name: "Khóm 3",
    code: "K3",
  },
  "org_unit.imported": { created: 12, communes: ["31942", "31945", null] },
  "account.created": {
    username: "mttq.phuong1",
    roles: [{ role: "commune_front", orgUnitId: ID, body: "front" }],
    isDemo: false,
  },
  "account.updated": {
    displayName: "Nguyễn Văn A",
    unlock: true,
    passwordReset: true,
  },
  "system.units_imported": { units: 13_431, lineage: 10_500, changes: 3 },
  "system.demo_seeded": { households: 40, commitments: 31 },
  "plan.created": { number: "279/KH-UBND", tasks: 5, targets: 3 },
  "plan.updated": {
    before: {
      number: "279/KH-UBND",
      title: "Kế hoạch",
      periodFrom: 2025,
      periodTo: 2026,
    },
    after: {
      number: "279/KH-UBND",
      title: "Kế hoạch năm",
      periodFrom: 2025,
      periodTo: 2027,
    },
    tasks: 5,
    milestones: 2,
    targets: 3,
  },
  "plan.deleted": { number: "279/KH-UBND", title: "Kế hoạch năm" },
  "plan.source_registered": { kind: "chuong_trinh", number: "20-CTr/TU", issuer: "Ban Thường vụ Thành ủy" },
  "plan.reviewed": { number: "20-CTr/TU", kind: "five_year", year: 2017, sourceNumber: "09-CT/TW" },
  "activity.created": {
    orgUnitId: ID,
    kind: "meeting",
    date: "2026-03-02",
    topics: ["drugs"],
    channels: ["zalo_group"],
    tags: [],
    title: null,
    notes: null,
    attendees: 45,
    households: 0,
    students: 0,
    leaflets: 0,
    panels: 0,
    slogans: 0,
    broadcastItems: 0,
    broadcastHours: 0,
    organizerBodyIds: [ID, ID2],
  },
  "activity.updated": {
    before: { attendees: 40, title: null },
    after: { attendees: 45, title: "Họp" },
  },
  "activity.deleted": {
    before: {
      id: ID,
      orgUnitId: ID2,
      orgUnitName: "Phường 1",
      kind: "training",
      date: "2026-03-02",
      title: null,
      topics: [],
      tags: [],
      notes: null,
      organizers: [{ id: ID, kind: "front", name: "Ủy ban MTTQ" }],
      createdAt: "2026-03-02T01:00:00.000Z",
      updatedAt: "2026-03-02T01:00:00.000Z",
      attendees: 10,
      households: 0,
      students: 0,
      leaflets: 0,
      panels: 0,
      slogans: 0,
      broadcastItems: 0,
      broadcastHours: 0,
      organizerBodyIds: [ID],
    },
  },
  "activity.training_recorded": { level: "commune", form: "tap_huan", trainees: 24 },
  "festival.created": {
    year: 2026,
    level: "commune",
    showcase: false,
    planDate: "2026-08-19",
    venues: ["Hội trường UBND phường"],
    organizerBodyIds: [ID],
  },
  "festival.updated": { before: { venues: [] }, after: { venues: ["Nhà văn hóa khóm 5"] } },
  "festival.held_recorded": {
    heldOn: "2026-08-18",
    attendees: 450,
    gifts: 30,
    giftValue: 15000000,
    awards: 12,
    activityId: ID,
  },
  "group.created": {
    orgUnitId: ID,
    typeCode: "grassroots_security_team",
    name: "Tổ bảo vệ ANTT khóm 3",
    foundedOn: "2025-01-10",
    status: "active",
  },
  "group.status_changed": {
    from: "pilot",
    to: "active",
    date: "2026-01-05",
    reason: null,
  },
  "group.member_added": {
    memberId: ID,
    joinedOn: "2026-01-05",
    role: "Tổ trưởng",
    disciplined: false,
    ageException: null,
  },
  "group.member_left": { memberId: ID, leftOn: "2026-02-01" },
  "group.surveyed": {
    surveyId: ID,
    surveyedOn: "2026-01-20",
    crimes: 2,
    drugUsers: 1,
    gangs: 0,
    socialEvils: 3,
  },
  "group.evaluated": {
    evaluationId: ID,
    evaluatedOn: "2026-01-15",
    periodFrom: "2025-01-01",
    periodTo: "2025-12-31",
    rating: "good",
    reasons: [],
  },
  "group.year_rated": {
    year: 2026,
    evaluatedOn: "2026-11-10",
    team: { rating: "good", previous: null },
    members: [{ memberId: ID, rating: "completed", previous: "good" }],
  },
  "group.equipment_installed": {
    changeId: ID,
    kind: "camera",
    quantity: 4,
    on: "2026-03-01",
    fundedBy: "community",
  },
  "group.equipment_removed": { changeId: ID, kind: "camera", quantity: 1, on: "2026-05-01" },
  "group.channel_added": { channelId: ID, platform: "zalo", members: 120, startedOn: "2025-01-10" },
  "group.channel_closed": { channelId: ID, closedOn: "2026-06-01" },
  "pilot.designated": {
    orgUnitId: ID,
    typeCode: "crime_drug_free_area",
    decisionNumber: "15/QĐ-MTTQ",
    decisionOn: "2026-02-01",
  },
  "pilot.evaluated": { evaluationId: ID, evaluatedOn: "2026-08-01", result: "replicable" },
  "pilot.replicated": { replicationId: ID, orgUnitId: ID2, replicatedOn: "2026-09-01" },
  "household.created": { members: 4, memberOrgs: ["women"], code: "12" },
  "household.updated": { fields: ["headName", "members"], members: 5 },
  "household.imported": { created: 120 },
  "household.safe_family_recorded": {
    householdId: ID,
    year: 2025,
    decidedLevel: "commune",
    decidedOn: "2025-11-15",
    decisionNumber: "45/QĐ-UBND",
  },
  "household.safe_family_withdrawn": {
    householdId: ID,
    year: 2025,
    withdrawnOn: "2026-02-01",
    reason: "Vi phạm",
  },
  "commitment.recorded": {
    householdId: ID,
    year: 2026,
    signedOn: "2026-01-05",
    formVersion: "2024",
  },
  "commitment.scan_attached": {
    year: 2026,
    type: "application/pdf",
    bytes: 204_800,
  },
  "commitment_template.created": { name: "Mẫu cam kết 2026" },
  "certification.registered": {
    orgUnitId: ID,
    year: 2026,
    registeredOn: "2026-01-10",
    partyResolution: true,
    planAdopted: false,
    unitType: "residential_area",
  },
  "certification.self_assessed": {
    from: "registered",
    to: "self_assessed",
    assessedOn: "2026-10-01",
    answers: [
      { criterionCode: "ra-1", met: true },
      { criterionCode: "ra-2", met: false },
    ],
    crimes: 0,
    crimesPreviousYear: 1,
    socialEvils: 0,
    socialEvilsPreviousYear: 0,
    figuresSource: null,
  },
  "certification.reviewed": {
    from: "self_assessed",
    to: "reviewed",
    meetingDate: "2026-10-05",
    attendees: 12,
    votesFor: 11,
    votesTotal: 12,
  },
  "certification.appraised": {
    from: "reviewed",
    to: "appraised",
    appraisedOn: "2026-10-20",
    recommendation: "recognise",
    opinion: "Đủ điều kiện",
  },
  "certification.decided": {
    from: "appraised",
    to: "recognised",
    outcome: "recognised",
    decisionNumber: "15/QĐ-UBND",
    decisionDate: "2026-11-02",
    late: false,
    lateReason: null,
  },
  "certification.document_uploaded": {
    kind: "minutes",
    type: "image/png",
    bytes: 900,
  },
  "certification.classified": {
    sheetCode: "510-2023",
    scores: { a: 40, b: 45.5 },
    total: 85.5,
    level: "good",
  },
  "certification.event_recorded": {
    kind: "serious_crime",
    occurredOn: "2026-04-01",
    severity: "serious",
    forceMajeure: false,
    reportedPromptly: true,
  },
  "certification.history_recorded": {
    year: 2016,
    unitType: "commune",
    certified: true,
    decisionNumber: "215/QĐ-UBND",
    decisionDate: "2016-11-18",
    decisionAuthority: "UBND thành phố Bạc Liêu",
  },
  "certification.history_imported": { created: 12, certified: 9, years: [2016, 2017] },
  "certification.criteria_updated": {
    provinceId: "00000000-0000-4000-8000-000000000096",
    effectiveFrom: "2027-01-01",
    basis: "Quyết định 99/QĐ-UBND",
    extraCriteria: [{ unitType: "residential_area", code: "tinh.1", article: "Điều 2" }],
    authorities: [],
  },
  "case.created": {
    kind: "released_prisoner",
    reportedInOn: "2026-03-06",
    assignDueOn: "2026-03-11",
    fileDueOn: "2026-03-13",
  },
  "case.assigned": {
    assigneeBodyId: ID,
    previousAssigneeBodyId: null,
    decisionNumber: "12/QĐ-UBND",
    decidedOn: "2026-03-10",
    onTime: true,
    fileOpenedOn: null,
  },
  "case.report_recorded": {
    reportId: ID,
    quarter: "2026-Q1",
    reportedOn: "2026-03-31",
  },
  "case.classified": {
    quarter: "2026-Q1",
    group: "B",
    classifiedOn: "2026-04-02",
  },
  "case.support_recorded": {
    supportId: ID,
    kind: "job",
    providedOn: "2026-04-10",
    provider: "Hội Liên hiệp Phụ nữ phường",
  },
  "case.help_recorded": {
    instanceId: ID,
    kind: "family_mentoring",
    receivedOn: "2026-04-10",
    helper: "Chi hội Phụ nữ khóm 1",
  },
  "case.help_outcome_recorded": { instanceId: ID, outcome: "reformed", outcomeOn: "2026-09-10" },
  "case.referral_recorded": {
    referralId: ID,
    mode: "compulsory",
    referredOn: "2026-04-12",
    facility: "Cơ sở cai nghiện ma túy tỉnh",
  },
  "case.referral_outcome_recorded": { referralId: ID, outcome: "admitted", outcomeOn: "2026-04-15" },
  "case.community_session_recorded": { sessionId: ID, heldOn: "2026-04-20", presidedBy: "Trưởng khóm" },
  "case.closed": {
    outcome: "expunged",
    closedOn: "2027-03-06",
    decisionNumber: null,
  },
  "case.transferred": {
    transferId: ID,
    fromCommuneId: ID,
    toCommuneId: ID2,
    movedOn: "2026-11-30",
    transferredOn: "2026-12-01",
    receiveDueOn: "2026-12-08",
    residenceCheckDueOn: "2026-12-04",
    previousAssigneeBodyId: null,
  },
  "case.transfer_received": {
    transferId: ID,
    orgUnitId: ID2,
    receivedOn: "2026-12-07",
    residenceCheckedOn: "2026-12-04",
    onTime: true,
    assignDueOn: "2026-12-10",
  },
  "case.read": {
    basis: "case_officer",
    reason: "Kiểm tra định kỳ",
    caseIds: [ID],
  },
  "case.listed": {
    basis: "commune_police",
    reason: "Danh sách",
    caseIds: [ID, ID2],
  },
  "case.exported": { basis: "export", reason: "Báo cáo quý", caseIds: [] },
  "hotspot.designated": {
    orgUnitId: ID,
    name: "Khu vực chợ đêm",
    designatedOn: "2026-02-01",
    reasons: ["drugs"],
    tasks: [{ title: "Tuần tra", responsibleBodyId: ID }],
  },
  "committee.created": {
    decisionKind: "consolidated",
    decisionNumber: "12/QĐ-UBND",
    decisionOn: "2026-01-05",
    members: 3,
  },
  "committee.member_added": { memberId: ID, role: "member", joinedOn: "2026-01-05" },
  "committee.member_removed": { memberId: ID, leftOn: "2026-06-01" },
  "committee.meeting_recorded": { meetingId: ID, heldOn: "2026-03-31", kind: "regular", attendees: 9 },
  "committee.assignment_created": { assignmentId: ID, responsibleMemberId: ID, dueOn: "2026-06-30" },
  "committee.assignment_done": { assignmentId: ID, doneOn: "2026-06-20" },
  "hotspot.status_changed": {
    from: "designated",
    to: "transforming",
    date: "2026-03-01",
    reason: "Kế hoạch chuyển hóa",
  },
  "hotspot.evidence_recorded": {
    evidenceId: ID,
    observedOn: "2026-03-15",
    summary: "Giảm",
    incidents: 2,
  },
  "supervision.created": {
    title: "Giám sát phong trào",
    subjectKind: "movement",
    form: "delegation",
    periodFrom: "2026-05-01",
    periodTo: "2026-05-31",
    decisionNumber: null,
    members: 3,
  },
  "supervision.finding_recorded": { findingId: ID, foundOn: "2026-05-10" },
  "supervision.recommendation_added": {
    recommendationId: ID,
    addresseeBodyId: null,
    madeOn: "2026-05-31",
    dueOn: "2026-06-30",
  },
  "supervision.response_recorded": { recommendationId: ID, respondedOn: "2026-06-20", late: false },
  "supervision.closed": { closedOn: "2026-07-01", result: "good", unanswered: 0 },
  "commendation.nominated": {
    nomineeKind: "person",
    nominatedOn: "2026-05-01",
    evidence: [{ kind: "activity", id: ID }],
  },
  "commendation.endorsed": {
    level: "commune",
    approve: true,
    endorsedOn: "2026-05-05",
    byUnitId: ID,
  },
  "commendation.decided": {
    awardForm: "giay_khen",
    decisionNumber: "20/QĐ-UBND",
    decidedOn: "2026-05-20",
    issuer: "UBND phường",
  },
  "commendation.consent_recorded": {
    given: true,
    on: "2026-05-21",
    method: "written",
  },
  "commendation.published": { published: true },
  "report.created": {
    template: "six_month",
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
    symbol: "BC-MTTQ",
  },
  "report.updated": { fields: ["subject", "signerName", "somethingNew"] },
  "report.compiled": { children: 3, missing: 1 },
  "report.submitted": { from: "draft", to: "submitted" },
  "report.returned": {
    from: "submitted",
    to: "returned",
    comment: "Bổ sung số liệu",
  },
  "report.approved": { from: "submitted", to: "approved" },
  "period.unlocked": {
    reason: "Sửa số liệu",
    periodFrom: "2026-01-01",
    periodTo: "2026-06-30",
    locks: [ID],
  },
  "tip.triaged": { code: "TB-7KQ2M", urgency: "urgent", duplicateOfCode: null },
  "tip.message_sent": { code: "TB-7KQ2M", n: 2 },
  "tip.outcome_recorded": {
    code: "TB-7KQ2M",
    from: "triaged",
    outcome: "case_opened",
    casesSolved: 1,
    arrests: 2,
    peopleHandled: 2,
  },
  "tip.extended": { code: "TB-7KQ2M", level: 1 },
  "tip.resumed": { code: "TB-7KQ2M", ground: "expert_pending" },
  "tip.notice_recorded": {
    code: "TB-7KQ2M",
    kind: "suspension",
    recipient: "procuracy",
    channel: "dispatch",
    sentAt: "2026-03-22T03:00:00.000Z",
  },
  "tip.content_read": { code: "TB-7KQ2M" },
  "tip.intake_recorded": { code: "TB-7KQ2M", channel: "phone", anonymous: true, signedRecord: false },
  "remote_commune.set": {
    basisNumber: "861/QĐ-TTg",
    basisDate: "2017-06-04",
    basisText: "Quyết định của Thủ tướng Chính phủ",
    previous: null,
  },
  "remote_commune.unset": { basisNumber: "861/QĐ-TTg", basisDate: "2017-06-04" },
  "feedback.answered": { code: "PA-9XK3", from: "received", to: "answered" },
  "feedback.acceptance_recorded": {
    code: "PA-9XK3",
    decision: "accepted",
    noticedOn: "2026-03-02",
    channel: "in_writing",
  },
  "calendar.holiday_upserted": {
    date: "2026-04-27",
    kind: "day_off",
    name: "Giỗ Tổ Hùng Vương (nghỉ bù)",
    confidence: "official",
    source: "Thông báo của Bộ Nội vụ",
    before: { kind: "day_off", name: "Giỗ Tổ Hùng Vương", confidence: "projected" },
  },
  "calendar.holiday_deleted": { date: "2026-04-27", kind: "day_off", name: "Nhập nhầm", reason: "Sai ngày" },
  "news.created": {
    slug: "canh-bao-lua-dao",
    kind: "warning",
    title: "Cảnh báo lừa đảo",
    image: false,
  },
} satisfies {
  [A in Exclude<AuditAction, "group.updated">]: AuditEventDataMap[A];
};

function eventOf(action: AuditAction, data: Record<string, unknown>) {
  return {
    id: 1,
    occurredAt: "2026-03-02T01:00:00.000Z",
    actorId: null,
    actorUsername: null,
    actorDisplayName: null,
    action,
    entityType: "household_commitment",
    entityId: ID,
    orgUnitId: null,
    data,
  };
}

async function contextIn(lang: "vi" | "en"): Promise<SummaryContext> {
  await i18n.changeLanguage(lang);
  return { t: i18n.getFixedT(lang, [...SUMMARY_NAMESPACES]), lang };
}

describe("audit event summaries", () => {
  it("has a label in both languages and a summary for every action", async () => {
    for (const lang of ["vi", "en"] as const) {
      const x = await contextIn(lang);
      for (const action of AUDIT_ACTIONS) {
        expect(i18n.exists(`console:audit.actions.${action}`, { lng: lang }), `${lang} ${action}`).toBe(true);
        expect(typeof SUMMARIES[action], action).toBe("function");
        if (action === "group.updated") continue;
        const { summary, parsed } = describeEvent(eventOf(action, SAMPLES[action]), x);
        expect(parsed, `${action} parses`).toBe(true);
        expect(summary, `${lang} ${action}`).not.toMatch(/\{\{|undefined|NaN|audit\.|:\w+\./);
        if (Object.keys(SAMPLES[action]).length > 0) expect(summary, `${lang} ${action}`).not.toBe("");
      }
    }
  });

  it("says what happened in a short sentence", async () => {
    const vi = await contextIn("vi");
    const summary = (action: keyof typeof SAMPLES, x: SummaryContext) =>
      describeEvent(eventOf(action, SAMPLES[action]), x).summary;
    expect(summary("commitment.recorded", vi)).toBe("Cam kết năm 2026, ký ngày 05/01/2026");
    expect(summary("report.returned", vi)).toBe("Đã gửi, chờ duyệt → Bị trả lại — “Bổ sung số liệu”");
    expect(summary("case.closed", vi)).toBe(
      "Được xóa án tích (đương nhiên hoặc theo quyết định của Tòa án) ngày 06/03/2027",
    );
    expect(summary("account.updated", vi)).toBe("tên hiển thị “Nguyễn Văn A”; mở khóa; đặt lại mật khẩu");
    expect(summary("report.updated", vi)).toBe("Sửa: trích yếu, người ký, somethingNew");
    expect(summary("report.compiled", vi)).toBe("Tổng hợp 3 báo cáo cấp dưới đã duyệt; 1 đơn vị chưa có");
    expect(summary("tip.outcome_recorded", vi)).toBe("Tin báo TB-7KQ2M: Đang xác minh → Đã khởi tố vụ án");
    const en = await contextIn("en");
    expect(summary("commitment.recorded", en)).toBe("2026 commitment, signed on 05/01/2026");
    expect(summary("hotspot.status_changed", en)).toMatch(/→/);
  });

  it("tells the demo seeding events apart by their data", async () => {
    const vi = await contextIn("vi");
    const seeded = (data: AuditEventDataMap["system.demo_seeded"]) =>
      describeEvent(eventOf("system.demo_seeded", data), vi).summary;
    expect(seeded({ cycles: 3, year: 2026 })).toBe("3 hồ sơ công nhận mẫu năm 2026");
    expect(seeded({ cases: 4, hotspots: 1, commendations: 2 })).toBe("4 hồ sơ mẫu, 1 địa bàn, 2 khen thưởng");
    expect(seeded({ activities: 1200, sources: ["seed 004"] })).toBe("1.200 hoạt động mẫu");
  });

  it("shows the stored data of a row its action's schema does not read", async () => {
    const vi = await contextIn("vi");
    expect(describeEvent(eventOf("commitment.recorded", { i: 99, tên: "Khóm" }), vi)).toEqual({
      summary: "i: 99; tên: Khóm",
      parsed: false,
    });
    expect(describeEvent(eventOf("group.updated", { name: "x" }), vi).parsed).toBe(false);
  });

  it("renders the summary with the stored data under it", async () => {
    renderWithProviders(<Details event={eventOf("commitment.recorded", SAMPLES["commitment.recorded"])} />, {
      route: { pattern: "/nhat-ky", path: "/nhat-ky" },
    });
    expect(
      await screen.findByText("Ghi nhận cam kết: Cam kết năm 2026, ký ngày 05/01/2026."),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Xem bản ghi: Cam kết của hộ" })).toHaveAttribute(
      "href",
      `/ho-gia-dinh/${SAMPLES["commitment.recorded"].householdId}`,
    );
    expect(screen.getByText("Dữ liệu gốc")).toBeInTheDocument();
    expect(screen.getByText(/formVersion: 2024/)).toBeInTheDocument();
  });

  it("reads each event as a sentence, with quarters as people write them and no raw ids", async () => {
    const vi = await contextIn("vi");
    const en = await contextIn("en");
    const sentence = (action: keyof typeof SAMPLES, x: SummaryContext) =>
      eventSentence(eventOf(action, SAMPLES[action]), x);
    expect(sentence("commitment.recorded", vi)).toBe(
      "Ghi nhận cam kết: Cam kết năm 2026, ký ngày 05/01/2026.",
    );
    expect(sentence("commitment.recorded", en)).toBe(
      "Recorded a commitment: 2026 commitment, signed on 05/01/2026.",
    );
    expect(sentence("auth.login", vi)).toMatch(/^[^:]+\.$/);
    const report = sentence("case.report_recorded", vi);
    expect(report).toContain("Quý ");
    expect(report).not.toMatch(/\d{4}-Q\d/);
    for (const action of AUDIT_ACTIONS) {
      if (action === "group.updated") continue;
      expect(sentence(action, vi), action).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|caseIds|basis:/);
    }
  });

  it("words data no summary reads: known fields by name, ids shortened or counted, numbers as 1.157", async () => {
    const vi = await contextIn("vi");
    expect(readableData({ headName: "x", caseIds: [ID, ID], total: 1157, moved: true, who: ID }, vi)).toBe(
      `họ tên chủ hộ: x; caseIds: 2 hồ sơ; total: 1.157; moved: Có; who: ${ID.slice(0, 8)}…`,
    );
  });

  it("links an event to its record's page, a commitment to its household", () => {
    expect(recordPage({ entityType: "case", entityId: ID, data: {} })).toEqual({
      to: "/ho-so/$id",
      id: ID,
    });
    expect(
      recordPage({
        entityType: "household_commitment",
        entityId: "x",
        data: { householdId: ID },
      }),
    ).toEqual({
      to: "/ho-gia-dinh/$id",
      id: ID,
    });
    expect(recordPage({ entityType: "system", entityId: null, data: {} })).toBeNull();
  });
});
