import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { createTestContext, type TestContext } from "../../test/harness";
import { mediaFigures } from "../media";
import { seedDemoMedia } from "./seed-media";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("demo media partnerships", () => {
  it("seeds Cà Mau's partnerships once, marked demo, counted by the media figures", async () => {
    const first = await seedDemoMedia(t.app.db);
    expect(first.partnerships).toBeGreaterThanOrEqual(2);
    expect((await seedDemoMedia(t.app.db)).partnerships).toBe(0);
    const rows = await queryRows<{ notes: string; unit: string }>(
      t.app.db,
      sql`select p.notes, u.full_name as unit from media_partnerships p join org_units u on u.id = p.org_unit_id`,
    );
    expect(rows.length).toBe(first.partnerships);
    expect(rows.every((r) => r.notes.includes("demo"))).toBe(true);
    expect(rows.map((r) => r.unit)).toContain("Tỉnh Cà Mau");
    const [province] = await queryRows<{ path: string }>(
      t.app.db,
      sql`select path from org_units where kind = 'province' and valid_to is null and full_name = 'Tỉnh Cà Mau'`,
    );
    const y2025 = await mediaFigures(t.app.db, {
      rollupPathPrefix: province!.path,
      from: "2025-01-01",
      to: "2025-12-31",
    });
    expect(y2025).toEqual({ items: 3, partnerships: 2 });
  });
});
