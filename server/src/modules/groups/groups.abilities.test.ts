import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorld, helpers, makeGroup, newArea, type World } from "./test-support";

let w: World;
let area: string; // a residential area of Phường Bạc Liêu
const { api } = helpers(() => w);

const canOf = async (s: World["baclieu"], id: string) => {
  const res = await api(s, "GET", `/groups/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().can as unknown;
};

beforeAll(async () => {
  w = await buildWorld();
  area = await newArea(w);
});
afterAll(() => w.t.close());

describe("group abilities", () => {
  it("tells the manager what it may do, along the lifecycle, and a viewer that it may only read", async () => {
    const pilot = await makeGroup(w, area, { status: "pilot" });
    expect(await canOf(w.baclieu, pilot)).toEqual({ manage: true, moveTo: ["active", "dissolved"] });
    expect(await canOf(w.viewer, pilot)).toEqual({ manage: false, moveTo: [] });

    const moved = await api(w.baclieu, "POST", `/groups/${pilot}/status`, {
      status: "active",
      date: "2021-01-01",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await canOf(w.baclieu, pilot)).toEqual({ manage: true, moveTo: ["dissolved"] });

    const gone = await api(w.baclieu, "POST", `/groups/${pilot}/status`, {
      status: "dissolved",
      date: "2022-01-01",
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(await canOf(w.baclieu, pilot)).toEqual({ manage: false, moveTo: [] });
    // The server refuses what `can` does not offer.
    const member = await api(w.baclieu, "POST", `/groups/${pilot}/members`, {
      fullName: "Nguyễn Văn B",
      joinedOn: "2022-02-01",
    });
    expect(member.statusCode).toBe(409);
  });

  it("answers a new group with its abilities", async () => {
    const res = await api(w.baclieu, "POST", "/groups", {
      orgUnitId: area,
      typeCode: "self_management_group",
      name: "Tổ tự quản khóm 2",
      foundedOn: "2020-01-01",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().can).toEqual({ manage: true, moveTo: ["dissolved"] });
  });

  it("lists carry whether the caller may register a group there", async () => {
    const can = async (s: World["baclieu"], query = "") => {
      const res = await api(s, "GET", `/groups${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().can as unknown;
    };
    expect(await can(w.baclieu)).toEqual({ create: true });
    expect(await can(w.baclieu, `?orgUnitId=${area}`)).toEqual({ create: true });
    expect(await can(w.viewer)).toEqual({ create: false });
    expect(await can(w.viewer, `?orgUnitId=${area}`)).toEqual({ create: false });
  });
});
