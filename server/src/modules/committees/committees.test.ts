import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent } from "../../test/factories";
import { api, buildCaseWorld, type CaseWorld } from "../cases/test-support";

let w: CaseWorld;

beforeAll(async () => {
  w = await buildCaseWorld();
});
afterAll(() => w.t.close());

const member = (fullName: string, role: string, over: Record<string, unknown> = {}) => ({
  fullName,
  position: role === "head" ? "Chủ tịch UBND phường" : "Trưởng Công an phường",
  organisation: role === "head" ? "UBND phường" : "Công an phường",
  role,
  area: "Phụ trách chung",
  joinedOn: "2026-01-05",
  ...over,
});

const create = (over: Record<string, unknown> = {}) =>
  api(w, w.as.sameCommuneFront, "POST", "/committees", {
    orgUnitId: w.ward,
    name: "Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào Toàn dân bảo vệ ANTQ",
    decisionKind: "consolidated",
    decisionNumber: "12/QĐ-UBND",
    decisionOn: "2026-01-05",
    decisionIssuer: "UBND phường Bạc Liêu",
    members: [member("Nguyễn Văn Trưởng", "head"), member("Trần Văn Phó", "deputy")],
    ...over,
  });

describe("steering committees", () => {
  it("consolidates a committee with its members, meetings and assignments; each write audited", async () => {
    const res = await create();
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ decisionKind: "consolidated", activeMembers: 2, can: { manage: true } });
    expect(c.members.map((m: { role: string }) => m.role)).toEqual(["head", "deputy"]);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({
      action: "committee.created",
      data: { decisionNumber: "12/QĐ-UBND", members: 2 },
    });

    const added = await api(w, w.as.police, "POST", `/committees/${c.id}/members`, {
      ...member("Lê Thị Ủy Viên", "member"),
      organisation: "Hội Liên hiệp Phụ nữ phường",
      position: "Chủ tịch Hội",
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().activeMembers).toBe(3);
    const memberId = added
      .json()
      .members.find((m: { fullName: string }) => m.fullName === "Lê Thị Ủy Viên").id;
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "committee.member_added" });

    const secondHead = await api(w, w.as.police, "POST", `/committees/${c.id}/members`, member("X", "head"));
    expect(secondHead.statusCode).toBe(400);

    const ids = added.json().members.map((m: { id: string }) => m.id);
    const meeting = await api(w, w.as.police, "POST", `/committees/${c.id}/meetings`, {
      heldOn: "2026-03-31",
      kind: "interim_review",
      attendeeIds: ids,
      agenda: "Sơ kết quý I",
      conclusions: "Tăng cường tuần tra",
    });
    expect(meeting.statusCode, meeting.body).toBe(200);
    expect(meeting.json().meetings[0]).toMatchObject({
      kind: "interim_review",
      attendeeIds: expect.any(Array),
    });
    expect(meeting.json().meetings[0].attendeeIds).toHaveLength(3);
    const meetingId = meeting.json().meetings[0].id;

    const assigned = await api(w, w.as.police, "POST", `/committees/${c.id}/assignments`, {
      title: "Rà soát tổ tự quản",
      responsibleMemberId: memberId,
      dueOn: "2026-06-30",
      meetingId,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const task = assigned.json().assignments[0];
    expect(task).toMatchObject({ responsibleMemberName: "Lê Thị Ủy Viên", doneOn: null, meetingId });
    const done = await api(w, w.as.police, "POST", `/committees/${c.id}/assignments/${task.id}/done`, {
      doneOn: "2026-06-20",
    });
    expect(done.json().assignments[0].doneOn).toBe("2026-06-20");
    expect(
      (
        await api(w, w.as.police, "POST", `/committees/${c.id}/assignments/${task.id}/done`, {
          doneOn: "2026-06-21",
        })
      ).statusCode,
    ).toBe(409);

    const removed = await api(w, w.as.police, "POST", `/committees/${c.id}/members/${memberId}/removal`, {
      leftOn: "2026-07-01",
      reason: "Chuyển công tác",
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().activeMembers).toBe(2);
    expect(await lastAuditEvent(w.t.app.db)).toMatchObject({ action: "committee.member_removed" });
    const late = await api(w, w.as.police, "POST", `/committees/${c.id}/meetings`, {
      heldOn: "2026-09-30",
      kind: "regular",
      attendeeIds: [memberId],
      agenda: "Họp quý III",
    });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.issues[0].path).toBe("attendeeIds.0");

    const totals = await api(
      w,
      w.as.provinceFront,
      "GET",
      `/committees/totals?orgUnitId=${w.province}&on=2026-08-01`,
    );
    expect(totals.statusCode, totals.body).toBe(200);
    expect(totals.json()).toMatchObject({ committees: 1, consolidated: 1, members: 2 });
    const before = await api(
      w,
      w.as.provinceFront,
      "GET",
      `/committees/totals?orgUnitId=${w.province}&on=2026-05-01`,
    );
    expect(before.json().members).toBe(3);
    expect(before.json().byUnit).toEqual([
      { orgUnitId: w.ward, orgUnitName: expect.any(String), committees: 1, members: 3 },
    ]);
  });

  it("401, 403, 400 with nothing written, 404 for another commune", async () => {
    expect((await api(w, null, "POST", "/committees", {})).statusCode).toBe(401);
    expect((await api(w, w.as.frontViewer, "POST", "/committees", {})).statusCode).toBe(403);
    const before = await lastAuditEvent(w.t.app.db);
    const bad = await create({ decisionNumber: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ path: "decisionNumber" });
    const freeText = await create({ decisionNumber: "QĐ kiện toàn tháng 1" });
    expect(freeText.statusCode).toBe(400);
    expect(freeText.json().error.issues[0]).toMatchObject({ path: "decisionNumber" });
    const twoHeads = await create({ members: [member("A", "head"), member("B", "head")] });
    expect(twoHeads.statusCode).toBe(400);
    const atArea = await create({ orgUnitId: w.area });
    expect(atArea.statusCode).toBe(400);
    expect((await lastAuditEvent(w.t.app.db))!.id).toBe(before!.id);

    const other = await api(w, w.as.otherCommunePolice, "POST", "/committees", {
      orgUnitId: w.ward,
      name: "x",
      decisionKind: "established",
      decisionNumber: "1/QĐ",
      decisionOn: "2026-01-01",
      decisionIssuer: "UBND",
    });
    expect(other.statusCode).toBe(404);
    const c = (await create()).json();
    expect((await api(w, w.as.otherCommunePolice, "GET", `/committees/${c.id}`)).statusCode).toBe(404);
    expect(
      (await api(w, w.as.otherCommunePolice, "POST", `/committees/${c.id}/members`, member("Y", "member")))
        .statusCode,
    ).toBe(404);
    const list = await api(w, w.as.otherCommunePolice, "GET", "/committees");
    expect(list.json().items.find((i: { id: string }) => i.id === c.id)).toBeUndefined();
    const otherTotals = await api(
      w,
      w.as.otherCommunePolice,
      "GET",
      `/committees/totals?orgUnitId=${w.ward}`,
    );
    expect(otherTotals.statusCode).toBe(404);
    const read = await api(w, w.as.frontViewer, "GET", `/committees/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().can).toEqual({ manage: false });
    expect((await api(w, w.as.frontViewer, "GET", "/committees")).json().can).toEqual({ create: false });
    expect((await api(w, w.as.police, "GET", "/committees")).json().can).toEqual({ create: true });
  });
});
