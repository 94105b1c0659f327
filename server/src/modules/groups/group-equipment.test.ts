import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { lastAuditEvent } from "../../test/factories";
import { buildWorld, helpers, makeGroup, newArea, type World } from "./test-support";

let w: World;
let area: string; // a residential area of Phường Bạc Liêu
let model: string; // a security-camera model there, founded 2020-01-01
let far: string; // a model in Phường An Xuyên

const { api, expectAudit, expectNothingWritten } = helpers(() => w);

beforeAll(async () => {
  w = await buildWorld();
  area = await newArea(w);
  model = await makeGroup(w, area, { typeCode: "security_camera", name: "Camera an ninh khóm 1" });
  far = await makeGroup(w, await newArea(w, w.anxuyenId), { name: "Tổ tự quản khóm 9" }, w.anxuyen);
});
afterAll(() => w.t.close());

const install = (groupId: string, body: Record<string, unknown>, s = w.baclieu) =>
  api(s, "POST", `/groups/${groupId}/equipment/installations`, {
    kind: "camera",
    quantity: 4,
    on: "2024-01-10",
    fundedBy: "community",
    ...body,
  });
const remove = (groupId: string, body: Record<string, unknown>, s = w.baclieu) =>
  api(s, "POST", `/groups/${groupId}/equipment/removals`, { kind: "camera", quantity: 1, ...body });
const count = (res: { json: () => { counts: { kind: string; count: number }[] } }, kind: string) =>
  res.json().counts.find((c) => c.kind === kind)?.count;

/** The figures recounted straight from the records, for the models existing on `on` under `prefix`. */
async function recount(prefix: string, on: string) {
  const kinds = await queryRows<{ kind: string; n: number }>(
    w.t.app.db,
    sql`select e.kind, sum(e.change)::int as n from group_equipment_changes e join groups g on g.id = e.group_id
        where g.rollup_path like ${`${prefix}%`} and e."on" <= ${on}::date and g.founded_on <= ${on}::date
          and (g.dissolved_on is null or g.dissolved_on > ${on}::date) group by e.kind`,
  );
  const [ch] = await queryRows<{ n: number; m: number }>(
    w.t.app.db,
    sql`select count(*)::int as n, coalesce(sum(c.members), 0)::int as m
        from group_online_channels c join groups g on g.id = c.group_id
        where g.rollup_path like ${`${prefix}%`} and c.started_on <= ${on}::date
          and (c.closed_on is null or c.closed_on > ${on}::date)
          and (g.dissolved_on is null or g.dissolved_on > ${on}::date)`,
  );
  return { kinds: Object.fromEntries(kinds.map((k) => [k.kind, k.n])), channels: ch!.n, members: ch!.m };
}

describe("model equipment", () => {
  it("records installations and removals, each audited, with counts on any date", async () => {
    const first = await install(model, {});
    expect(first.statusCode, first.body).toBe(200);
    await expectAudit("group.equipment_installed", model, {
      kind: "camera",
      quantity: 4,
      fundedBy: "community",
    });
    await install(model, { kind: "street_light", quantity: 3, on: "2024-02-01", fundedBy: "state" });
    const removed = await remove(model, { on: "2024-06-01", note: "Hỏng do mưa bão" });
    expect(removed.statusCode, removed.body).toBe(200);
    await expectAudit("group.equipment_removed", model, { kind: "camera", quantity: 1 });
    expect(count(removed, "camera")).toBe(3);
    expect(count(removed, "street_light")).toBe(3);
    expect(removed.json().changes.map((c: { change: number }) => c.change)).toEqual([-1, 3, 4]);
    const back = await api(w.baclieu, "GET", `/groups/${model}/equipment?on=2024-03-01`);
    expect(count(back, "camera")).toBe(4);
    const before = await api(w.baclieu, "GET", `/groups/${model}/equipment?on=2024-01-09`);
    expect(count(before, "camera")).toBe(0);
  });

  it("refuses a removal of more than the model has on that date or on a later one, writing nothing", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    const early = await remove(model, { on: "2024-01-05" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("validation_failed");
    expect(early.json().error.issues[0].path).toBe("quantity");
    // 4 on 2024-03-01 but only 3 from 2024-06-01: removing 4 on 2024-03-01 would leave −1 later.
    const later = await remove(model, { on: "2024-03-01", quantity: 4 });
    expect(later.statusCode).toBe(400);
    expect(later.json().error.issues[0].path).toBe("quantity");
    await expectNothingWritten(before);
  });

  it("is 400 for a bad kind, a zero quantity, a future date or a date before founding", async () => {
    const before = await lastAuditEvent(w.t.app.db);
    expect((await install(model, { kind: "drone" })).statusCode).toBe(400);
    const zero = await install(model, { quantity: 0 });
    expect(zero.json().error.issues).toEqual([{ path: "quantity", message: "Số lượng ít nhất là 1" }]);
    const future = await install(model, { on: "2999-01-01" });
    expect(future.json().error.issues).toEqual([
      { path: "on", message: "Ngày lắp đặt không được ở tương lai" },
    ]);
    const early = await install(model, { on: "2019-12-31" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe("on");
    await expectNothingWritten(before);
  });

  it("is 404 outside the caller's units and 403 for a viewer", async () => {
    expect((await api(w.anxuyen, "GET", `/groups/${model}/equipment`)).statusCode).toBe(404);
    expect((await install(model, {}, w.anxuyen)).statusCode).toBe(404);
    expect((await install(model, {}, w.viewer)).statusCode).toBe(403);
    const viewed = await api(w.viewer, "GET", `/groups/${model}/equipment`);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json().can.manage).toBe(false);
  });
});

describe("online groups", () => {
  let facebook: string;
  it("adds Zalo and Facebook groups and closes one; closing twice is 409", async () => {
    const zalo = await api(w.baclieu, "POST", `/groups/${model}/online-channels`, {
      platform: "zalo",
      name: "Zalo Camera an ninh khóm 1",
      members: 250,
      startedOn: "2023-05-01",
    });
    expect(zalo.statusCode, zalo.body).toBe(200);
    await expectAudit("group.channel_added", model, { platform: "zalo", members: 250 });
    const fb = await api(w.baclieu, "POST", `/groups/${model}/online-channels`, {
      platform: "facebook",
      name: "Khóm 1 an toàn",
      members: 100,
      startedOn: "2023-06-01",
      forTips: false,
    });
    facebook = fb.json().channels.find((c: { platform: string }) => c.platform === "facebook").id;
    const closed = await api(w.baclieu, "POST", `/groups/${model}/online-channels/${facebook}/close`, {
      closedOn: "2025-01-01",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await expectAudit("group.channel_closed", model, { channelId: facebook, closedOn: "2025-01-01" });
    const again = await api(w.baclieu, "POST", `/groups/${model}/online-channels/${facebook}/close`, {
      closedOn: "2025-02-01",
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
  });

  it("refuses a group used for nothing and a member count below zero", async () => {
    const res = await api(w.baclieu, "POST", `/groups/${model}/online-channels`, {
      platform: "zalo",
      name: "X",
      members: -1,
      startedOn: "2023-05-01",
      forPropaganda: false,
      forTips: false,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.issues.map((i: { path: string }) => i.path)
        .sort(),
    ).toEqual(["forPropaganda", "members"]);
  });
});

describe("totals per subtree", () => {
  it("match a recount from the records, on several dates, and stay inside the caller's units", async () => {
    await install(far, { quantity: 7, on: "2024-01-01", kind: "gate", fundedBy: "donor" }, w.anxuyen);
    const [commune] = await queryRows<{ path: string }>(
      w.t.app.db,
      sql`select path from org_units where id = ${w.baclieuId}`,
    );
    for (const on of ["2024-01-09", "2024-03-01", "2024-07-01", "2025-06-01"]) {
      const res = await api(w.baclieu, "GET", `/groups/equipment-totals?orgUnitId=${w.baclieuId}&on=${on}`);
      expect(res.statusCode, res.body).toBe(200);
      const t = res.json();
      const r = await recount(commune!.path, on);
      for (const k of t.byKind) expect(k.count, `${on} ${k.kind}`).toBe(r.kinds[k.kind] ?? 0);
      expect(t.channels).toBe(r.channels);
      expect(t.channelMembers).toBe(r.members);
    }
    const mid = (
      await api(w.baclieu, "GET", `/groups/equipment-totals?orgUnitId=${w.baclieuId}&on=2024-07-01`)
    ).json();
    expect(mid.byKind.find((k: { kind: string }) => k.kind === "camera").count).toBe(3);
    expect(mid.byKind.find((k: { kind: string }) => k.kind === "gate").count).toBe(0);
    expect(mid.byFunder).toContainEqual({ fundedBy: "community", installed: 4 });
    expect(mid.channels).toBe(2);
    expect(mid.channelMembers).toBe(350);
    // Unfiltered, the caller sees only its own units: An Xuyên's gates are not Bạc Liêu's.
    const mine = (await api(w.baclieu, "GET", "/groups/equipment-totals?on=2024-07-01")).json();
    expect(mine.byKind.find((k: { kind: string }) => k.kind === "gate").count).toBe(0);
    const theirs = (await api(w.anxuyen, "GET", "/groups/equipment-totals?on=2024-07-01")).json();
    expect(theirs.byKind.find((k: { kind: string }) => k.kind === "gate").count).toBe(7);
    expect(theirs.byKind.find((k: { kind: string }) => k.kind === "camera").count).toBe(0);
    expect(
      (await api(w.anxuyen, "GET", `/groups/equipment-totals?orgUnitId=${w.baclieuId}`)).statusCode,
    ).toBe(404);
  });

  it("stops counting a dissolved model's equipment from its dissolution", async () => {
    const gone = await makeGroup(w, area, { name: "Đèn an ninh tổ 5", typeCode: "security_light" });
    await install(gone, { kind: "street_light", quantity: 10, on: "2022-01-01", fundedBy: "state" });
    const moved = await api(w.baclieu, "POST", `/groups/${gone}/status`, {
      status: "dissolved",
      date: "2024-04-01",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const lights = async (on: string) =>
      (await api(w.baclieu, "GET", `/groups/equipment-totals?orgUnitId=${w.baclieuId}&on=${on}`))
        .json()
        .byKind.find((k: { kind: string }) => k.kind === "street_light").count;
    expect(await lights("2024-03-31")).toBe(13);
    expect(await lights("2024-04-01")).toBe(3);
    const late = await install(gone, { on: "2024-05-01" });
    expect(late.statusCode).toBe(409);
  });
});
