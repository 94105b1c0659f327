// The restricted person's records and their neighbours for the restriction tests (not a test file):
// a household and a roster member each, a tip and a feedback item, restricted by a privacy request.
import { evaluationYearOf, todayInVietnam } from "@toandan/contracts";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../../db/client";
import { signedInAs } from "../../test/factories";
import { call, type Session } from "../../test/harness";
import { buildCaseWorld, type CaseWorld } from "../cases/test-support";
import { citizen } from "../citizen/test-support";
import { seedGroupTypes } from "../groups";

/** The world, its officer and the commune Front's cadre, and the team; set by buildRestrictWorld. */
export const S = {} as { w: CaseWorld; dpo: Session; front: Session; groupId: string };
export const PERSON = "Đặng Thị Hạn";
export const NEIGHBOUR = "Đặng Thị Hàng";
export const PHONE = "0912 345 987";
export const TODAY = todayInVietnam();
export const YEAR = Number(TODAY.slice(0, 4));
/** The last whole evaluation year (15/11–14/11): the members served all of it. */
export const EVAL_YEAR = evaluationYearOf(TODAY).year - 1;
export const PDF = Buffer.concat([
  Buffer.from("%PDF-1.4\n"),
  Buffer.alloc(512, 0x20),
  Buffer.from("\n%%EOF\n"),
]);
/** r: restricted; n: the neighbour, never restricted. */
export const h = { r: "", n: "" };
export const m = { r: "", n: "" };
export const sf = { r: "", n: "" };
export const ids = { tip: "", feedback: "" };

/** An answer as the tests read it (an error's body by default). */
export type Res = {
  statusCode: number;
  body: string;
  json: <T = { error: { code: string; issues?: { path: string }[] } }>() => T;
};
export const api = (
  s: Session | null,
  method: "GET" | "POST" | "PATCH" | "PUT",
  url: string,
  body?: unknown,
) => call(S.w.t.app, s, method, `/api/v1${url}`, body) as Promise<Res>;
export const ok = (r: Res, code = 201) => expect(r.statusCode, r.body).toBe(code);
export const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(S.w.t.app.db, q);
export const idOf = (r: Res) => r.json<{ id: string }>().id;

export const safeFamily = (year: number) => ({
  year,
  decidedLevel: "residential_area",
  decidedBy: "Ban Công tác Mặt trận khóm thử",
  decidedOn: year === YEAR ? TODAY : `${year}-11-20`,
});

/** Builds the world and restricts the person's four records. */
export async function buildRestrictWorld(): Promise<void> {
  const w = await buildCaseWorld();
  const dpo = await signedInAs(w.t.app, "data_protection_officer", w.province, "police");
  Object.assign(S, { w, dpo, front: w.as.sameCommuneFront });
  await seedGroupTypes(S.w.t.app.db);
  const household = async (headName: string) => {
    const r = await api(S.front, "POST", "/households", {
      orgUnitId: S.w.area,
      headName,
      address: "Hẻm 3",
      members: 4,
    });
    ok(r);
    const id = idOf(r);
    ok(
      await api(S.front, "POST", `/households/${id}/commitments`, {
        year: YEAR - 1,
        signedOn: `${YEAR - 1}-03-02`,
        formVersion: "Mẫu 2025",
      }),
    );
    const rec = await api(S.front, "POST", `/households/${id}/safe-families`, safeFamily(YEAR - 1));
    ok(rec);
    return { id, sf: idOf(rec) };
  };
  const hr = await household(PERSON);
  const hn = await household(NEIGHBOUR);
  [h.r, h.n, sf.r, sf.n] = [hr.id, hn.id, hr.sf, hn.sf];
  const group = await api(S.front, "POST", "/groups", {
    orgUnitId: S.w.area,
    typeCode: "grassroots_security_team",
    name: "Tổ bảo vệ an ninh, trật tự hẻm 3",
    foundedOn: "2020-01-01",
  });
  ok(group);
  S.groupId = idOf(group);
  const member = async (fullName: string) => {
    const r = await api(S.front, "POST", `/groups/${S.groupId}/members`, {
      fullName,
      birthDate: "1980-02-03",
      joinedOn: "2021-01-01",
    });
    ok(r);
    return idOf(r);
  };
  m.r = await member(PERSON);
  m.n = await member(NEIGHBOUR);
  const tip = await citizen(S.w.t.app, "/tips", {
    category: "drugs",
    description: "Có người lạ tụ tập ở cuối hẻm 3",
    provinceId: S.w.province,
    communeId: S.w.ward,
    contact: { consent: true, name: PERSON, phone: PHONE },
  });
  ok(tip);
  const fb = await citizen(S.w.t.app, "/feedback", {
    kind: "kien_nghi",
    topic: "officials",
    title: "Đèn đường hẻm 3",
    content: "Đèn đường hẻm 3 hỏng đã lâu.",
    provinceId: S.w.province,
    communeId: S.w.ward,
    identity: { consent: true, name: PERSON, phone: PHONE },
  });
  ok(fb);
  const byCode = async (table: string, r: Res) =>
    (
      await rows<{ id: string }>(
        sql`select id from ${sql.identifier(table)} where code = ${r.json<{ code: string }>().code}`,
      )
    )[0]!.id;
  ids.tip = await byCode("tips", tip);
  ids.feedback = await byCode("feedback_items", fb);
  const created = await api(S.dpo, "POST", "/privacy/requests", {
    orgUnitId: S.w.province,
    kind: "restrict",
    channel: "in_person",
    identityCheckedBy: "Lê Văn Kiểm, đối chiếu CCCD bản gốc",
    subject: { fullName: PERSON, phone: "0912345987" },
  });
  ok(created);
  ok(await api(S.dpo, "POST", `/privacy/requests/${idOf(created)}/execute`, { confirm: true }), 200);
  const restricted = await rows<{ id: string }>(sql`select record_id as id from citizen_restrictions`);
  expect(restricted.map((r) => r.id).sort()).toEqual([h.r, m.r, ids.tip, ids.feedback].sort());
}
