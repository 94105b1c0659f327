import {
  activeCalendar,
  addWorkingDays,
  isWorkingDay,
  setClock,
  VIETNAM_CALENDAR_DAYS,
} from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastAuditEvent, rootUnit, signedInAs } from "../../test/factories";
import { call, createTestContext, type Session, type TestContext } from "../../test/harness";
import { citizen, places } from "../citizen/test-support";
import { refreshWorkingCalendarIfChanged } from "./index";

let ctx: TestContext;
let admin: Session;
let provinceFront: Session;
let viewer: Session;
let p: Awaited<ReturnType<typeof places>>;

beforeAll(async () => {
  // Tuesday 1 December 2026, 10:00 in Vietnam: ten working days later is Tuesday 15 December.
  setClock("2026-12-01T03:00:00Z");
  ctx = await createTestContext();
  p = await places(ctx.app);
  const root = await rootUnit(ctx.app.db);
  admin = await signedInAs(ctx.app, "system_admin", root.id);
  provinceFront = await signedInAs(ctx.app, "province_front", p.province.id);
  viewer = await signedInAs(ctx.app, "viewer", root.id);
}, 300_000);
afterAll(async () => {
  setClock(null);
  await ctx?.close();
});

const H = "/api/v1/calendar/holidays";
const feedback = () => ({
  kind: "phan_anh",
  topic: "movement",
  title: "Đèn đường hỏng",
  content: "Đèn đường hẻm 5 khóm 1 hỏng nhiều tuần, ban đêm rất tối.",
  provinceId: p.province.id,
  communeId: p.baclieu.id,
});
async function acceptanceDue(): Promise<string> {
  const res = await citizen(ctx.app, "/feedback", feedback());
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ acceptanceDueOn: string }>().acceptanceDueOn;
}

describe("the holidays table", () => {
  it("holds the shipped 2025–2027 days after migration; anyone signed in lists it by year", async () => {
    for (const year of [2025, 2026, 2027]) {
      const res = await call(ctx.app, viewer, "GET", `${H}?year=${year}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ items: { date: string }[]; can: { manage: boolean } }>();
      const shipped = VIETNAM_CALENDAR_DAYS.filter((d) => d.date.startsWith(String(year)));
      expect(body.items.map((d) => d.date).sort()).toEqual(shipped.map((d) => d.date).sort());
      expect(body.can).toEqual({ manage: false });
    }
    const tet = (await call(ctx.app, viewer, "GET", `${H}?year=2026`)).json<{ items: object[] }>().items;
    expect(tet).toContainEqual(
      expect.objectContaining({ date: "2026-02-17", kind: "day_off", confidence: "official" }),
    );
    expect((await call(ctx.app, admin, "GET", H)).json().can).toEqual({ manage: true });
    expect((await call(ctx.app, null, "GET", H)).statusCode).toBe(401);
    expect((await call(ctx.app, viewer, "GET", `${H}?year=abc`)).statusCode).toBe(400);
  });

  it("a new holiday moves a feedback item's acceptance deadline by one working day; deleting it moves it back", async () => {
    expect(await acceptanceDue()).toBe("2026-12-15");
    const put = await call(ctx.app, admin, "PUT", `${H}/2026-12-10`, {
      kind: "day_off",
      name: "Ngày nghỉ thử nghiệm",
      confidence: "official",
      source: "Thông báo số 1/TB-TEST",
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ date: "2026-12-10", source: "Thông báo số 1/TB-TEST" });
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({
      action: "calendar.holiday_upserted",
      entityId: "2026-12-10",
    });
    expect(isWorkingDay("2026-12-10")).toBe(false);
    expect(await acceptanceDue()).toBe("2026-12-16");
    // Upsert by date: correcting the same day changes it, not adds one.
    await call(ctx.app, admin, "PUT", `${H}/2026-12-10`, {
      kind: "day_off",
      name: "Ngày nghỉ thử nghiệm (sửa)",
      confidence: "projected",
    });
    const dec = (await call(ctx.app, viewer, "GET", `${H}?year=2026`)).json<{
      items: { date: string; name: string }[];
    }>();
    expect(dec.items.filter((d) => d.date === "2026-12-10").map((d) => d.name)).toEqual([
      "Ngày nghỉ thử nghiệm (sửa)",
    ]);
    const noReason = await call(ctx.app, admin, "POST", `${H}/2026-12-10/delete`, {});
    expect(noReason.statusCode).toBe(400);
    const del = await call(ctx.app, admin, "POST", `${H}/2026-12-10/delete`, { reason: "Nhập nhầm" });
    expect(del.statusCode, del.body).toBe(200);
    expect(await lastAuditEvent(ctx.app.db)).toMatchObject({
      action: "calendar.holiday_deleted",
      data: { date: "2026-12-10", reason: "Nhập nhầm" },
    });
    expect(await acceptanceDue()).toBe("2026-12-15");
    expect(
      (await call(ctx.app, admin, "POST", `${H}/2026-12-10/delete`, { reason: "Lần nữa" })).statusCode,
    ).toBe(404);
  });

  it("a make-up Saturday counts as a working day", async () => {
    const put = await call(ctx.app, admin, "PUT", `${H}/2026-12-05`, {
      kind: "working_weekend",
      name: "Làm bù thử nghiệm",
      confidence: "official",
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await acceptanceDue()).toBe("2026-12-14");
    await call(ctx.app, admin, "POST", `${H}/2026-12-05/delete`, { reason: "Thử xong" });
  });

  it("only a national system administrator changes it (403); bad input is 400 and changes nothing", async () => {
    const body = { kind: "day_off", name: "Ngày nghỉ", confidence: "official" };
    expect((await call(ctx.app, provinceFront, "PUT", `${H}/2026-12-11`, body)).statusCode).toBe(403);
    expect((await call(ctx.app, viewer, "PUT", `${H}/2026-12-11`, body)).statusCode).toBe(403);
    expect(
      (await call(ctx.app, viewer, "POST", `${H}/2026-01-01/delete`, { reason: "x x x" })).statusCode,
    ).toBe(403);
    const badDate = await call(ctx.app, admin, "PUT", `${H}/2026-02-30`, body);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.code).toBe("validation_failed");
    expect((await call(ctx.app, admin, "PUT", `${H}/12-11-2026`, body)).statusCode).toBe(400);
    const saturdayOff = await call(ctx.app, admin, "PUT", `${H}/2026-12-12`, body);
    expect(saturdayOff.statusCode).toBe(400);
    expect(saturdayOff.json().error.issues[0].path).toBe("kind");
    const weekdayMakeUp = await call(ctx.app, admin, "PUT", `${H}/2026-12-11`, {
      ...body,
      kind: "working_weekend",
    });
    expect(weekdayMakeUp.statusCode).toBe(400);
    const badKind = await call(ctx.app, admin, "PUT", `${H}/2026-12-11`, { ...body, kind: "party" });
    expect(badKind.statusCode).toBe(400);
    const dec = (await call(ctx.app, viewer, "GET", `${H}?year=2026`)).json<{ items: { date: string }[] }>();
    expect(dec.items.map((d) => d.date)).not.toContain("2026-12-11");
    expect(dec.items.map((d) => d.date)).not.toContain("2026-12-12");
  });

  it("another process's change is picked up by the periodic refresh", async () => {
    expect(activeCalendar().holidays.has("2026-12-24")).toBe(false);
    // As another server process would write it.
    await ctx.app.db.execute(
      sql`insert into calendar_days (date, kind, name, confidence) values ('2026-12-24', 'day_off', 'Khác', 'official')`,
    );
    expect(await refreshWorkingCalendarIfChanged(ctx.app.db)).toBe(true);
    expect(addWorkingDays("2026-12-23", 1)).toBe("2026-12-25");
    expect(await refreshWorkingCalendarIfChanged(ctx.app.db)).toBe(false);
    await ctx.app.db.execute(sql`delete from calendar_days where date = '2026-12-24'`);
    expect(await refreshWorkingCalendarIfChanged(ctx.app.db)).toBe(true);
    expect(addWorkingDays("2026-12-23", 1)).toBe("2026-12-24");
  });
});
