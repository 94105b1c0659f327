import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { rosterCryptoFor } from "./groups.crypto";
import { sealLegacyRoster } from "./roster-upgrade";
import { addMember, buildWorld, helpers, makeGroup, newArea, type World } from "./test-support";

// Issue 19 item 6: a Khmer-clan roster reveals ethnicity and religion, so its identities are sealed.
let w: World;
let clan: string;
const { api } = helpers(() => w);

const NAME = "Thạch Thị Sa Rây";
const ETHNICITY = "Khmer Sóc Trăng";
const RELIGION = "Phật giáo Nam tông Khmer";
const NOTES = "Ghi chú riêng về thành viên 7731";
const SECRETS = [NAME, ETHNICITY, RELIGION, NOTES];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

beforeAll(async () => {
  w = await buildWorld();
  const area = await newArea(w);
  clan = await makeGroup(w, area, { typeCode: "khmer_clan_group", name: "Tổ tự quản dòng tộc Thạch" });
  const res = await addMember(w, clan, {
    fullName: NAME,
    ethnicity: ETHNICITY,
    religion: RELIGION,
    notes: NOTES,
    joinedOn: "2021-03-01",
  });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => w.t.close());

describe("sealed rosters", () => {
  it("stores no identity of a Khmer-clan member in clear in the table's rows", async () => {
    const rows = await queryRows<{ j: string }>(
      w.t.app.db,
      sql`select row_to_json(m)::text as j from group_members m where group_id = ${clan}`,
    );
    expect(rows).toHaveLength(1);
    for (const s of SECRETS) expect(rows[0]!.j).not.toContain(s);
    // The folded name is not there either (the index is a keyed HMAC).
    expect(rows[0]!.j).not.toContain("thach thi sa ray");
    expect(rows[0]!.j).toContain('"full_name":null');
  });

  it("leaves no identity in clear in the database's files", async () => {
    const found: string[] = [];
    const scan = (name: string, bytes: Buffer) => {
      for (const s of SECRETS) if (bytes.includes(Buffer.from(s, "utf8"))) found.push(`${name}: ${s}`);
    };
    const pglite = w.t.database.pglite;
    if (pglite) {
      // Every file of the embedded database: tables, indexes, the write-ahead log.
      await pglite.query("checkpoint");
      for (const f of filesUnder(w.t.app.config.dataDir)) {
        if (f.includes(`${path.sep}keys${path.sep}`)) continue;
        scan(path.relative(w.t.app.config.dataDir, f), fs.readFileSync(f));
      }
    } else {
      // PostgreSQL: the files of group_members, its TOAST table and its indexes, read by the
      // server itself (the test role is a superuser), after a checkpoint has flushed them.
      await w.t.app.db.execute(sql`checkpoint`);
      const files = await queryRows<{ rel: string; file: string }>(
        w.t.app.db,
        sql`select c.relname as rel, pg_relation_filepath(c.oid) as file from pg_class c
            where c.oid = 'group_members'::regclass
               or c.oid = (select reltoastrelid from pg_class where oid = 'group_members'::regclass)
               or c.oid in (select indexrelid from pg_index where indrelid = 'group_members'::regclass)`,
      );
      expect(files.length).toBeGreaterThanOrEqual(2);
      const read: Buffer[] = [];
      for (const { rel, file } of files) {
        if (!file) continue;
        const [row] = await queryRows<{ hex: string }>(
          w.t.app.db,
          sql`select encode(pg_read_binary_file(${file}), 'hex') as hex`,
        );
        const bytes = Buffer.from(row?.hex ?? "", "hex");
        read.push(bytes);
        scan(rel, bytes);
      }
      // The files read are the right ones: they hold the member's blind index, stored in clear.
      const [member] = await queryRows<{ nameIndex: string }>(
        w.t.app.db,
        sql`select name_index as "nameIndex" from group_members where group_id = ${clan}`,
      );
      expect(Buffer.concat(read).includes(Buffer.from(member!.nameIndex, "utf8"))).toBe(true);
    }
    expect(found).toEqual([]);
  });

  it("gives the values back to a reader in scope, and finds the member by name without accents", async () => {
    const page = await api(w.baclieu, "GET", `/groups/${clan}/members`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toEqual([
      expect.objectContaining({
        fullName: NAME,
        ethnicity: ETHNICITY,
        religion: RELIGION,
        notes: NOTES,
        deidentified: false,
      }),
    ]);
    const folded = await api(
      w.baclieu,
      "GET",
      `/groups/${clan}/members?name=${encodeURIComponent("thach thi  sa ray")}`,
    );
    expect(folded.json().items.map((m: { fullName: string }) => m.fullName)).toEqual([NAME]);
    const other = await api(
      w.baclieu,
      "GET",
      `/groups/${clan}/members?name=${encodeURIComponent("Thạch Thị Sa")}`,
    );
    expect(other.json().items).toEqual([]);
  });

  it("answers 404 to a reader out of scope", async () => {
    expect((await api(w.anxuyen, "GET", `/groups/${clan}/members`)).statusCode).toBe(404);
  });

  it("seals a roster row written in clear before sealing at the start-up upgrade", async () => {
    const area = await newArea(w);
    const g = await makeGroup(w, area, { typeCode: "buddhist_group", name: "Tổ tự quản phật tử" });
    await w.t.app.db.execute(
      sql`insert into group_members (group_id, full_name, joined_on) values (${g}, 'Lâm Văn Cũ 5521', '2021-01-01')`,
    );
    expect(await sealLegacyRoster(w.t.app.db, rosterCryptoFor(w.t.app))).toBeGreaterThanOrEqual(1);
    const rows = await queryRows<{ j: string }>(
      w.t.app.db,
      sql`select row_to_json(m)::text as j from group_members m where group_id = ${g}`,
    );
    expect(rows[0]!.j).not.toContain("Lâm Văn Cũ");
    const page = await api(w.baclieu, "GET", `/groups/${g}/members?name=lam%20van%20cu%205521`);
    expect(page.json().items.map((m: { fullName: string }) => m.fullName)).toEqual(["Lâm Văn Cũ 5521"]);
    expect(await sealLegacyRoster(w.t.app.db, rosterCryptoFor(w.t.app))).toBe(0);
  });
});
