import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/client";
import { createTestContext, type TestContext } from "../test/harness";
import { preparedRows } from "./statements";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await t.database.db.execute(
    sql`create table statements_probe (id int primary key, note text not null, at timestamptz, tags text[])`,
  );
}, 300_000);
afterAll(() => t?.close());

const insert = {
  text: "insert into statements_probe (id, note, at, tags) values ($1, $2, $3, $4) returning *",
  params: [],
};
const byId = (id: number) => ({
  text: "select id, note, at, tags from statements_probe where id = $1",
  params: [id],
});

describe("preparedRows (named prepared statements on either engine)", () => {
  it("answers the rows and types a plain query gives, call after call", async () => {
    const db = t.database.db;
    const at = "2026-03-01T02:03:04.000Z";
    for (let id = 1; id <= 7; id++) {
      const [row] = await preparedRows<{ id: number; note: string }>(db, {
        ...insert,
        params: [id, `ghi chú ${id}`, at, [`nhãn ${id}`, "b"]],
      });
      expect(row).toMatchObject({ id, note: `ghi chú ${id}` });
    }
    for (let id = 1; id <= 7; id++) {
      const prepared = await preparedRows(db, byId(id));
      const plain = await queryRows(
        db,
        sql`select id, note, at, tags from statements_probe where id = ${id}`,
      );
      expect(prepared).toEqual(plain);
      expect(prepared).toHaveLength(1);
    }
    // Drizzle SQL is accepted, and null parameters pass as null.
    const none = await preparedRows(db, sql`select id from statements_probe where note = ${null}::text`);
    expect(none).toEqual([]);
  });

  it("surfaces the database's error with its code, and the next statements run normally", async () => {
    const db = t.database.db;
    const dup = preparedRows(db, { ...insert, params: [1, "trùng", null, null] });
    await expect(dup).rejects.toMatchObject({ cause: { code: "23505" } });
    // The engine is not left in an aborted state: prepared, plain and transactional statements still run.
    expect(await preparedRows(db, byId(2))).toHaveLength(1);
    await db.transaction(async (tx) => {
      await preparedRows(tx, { ...insert, params: [100, "trong giao dịch", null, null] });
      expect(await preparedRows(tx, byId(100))).toHaveLength(1);
    });
    await db
      .transaction(async (tx) => {
        await preparedRows(tx, { ...insert, params: [101, "bị hủy", null, null] });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await preparedRows(db, byId(100))).toHaveLength(1);
    expect(await preparedRows(db, byId(101))).toHaveLength(0);
  });

  it("keeps its answers right while concurrent calls interleave with a transaction", async () => {
    const db = t.database.db;
    const tx = db.transaction(async (x) => {
      await preparedRows(x, { ...insert, params: [200, "giao dịch dài", null, null] });
      await new Promise((r) => setTimeout(r, 20));
      return preparedRows(x, byId(200));
    });
    const reads = await Promise.all([3, 4, 5, 6].map((id) => preparedRows<{ id: number }>(db, byId(id))));
    expect(reads.map((r) => r[0]?.id)).toEqual([3, 4, 5, 6]);
    expect(await tx).toHaveLength(1);
  });
});
