import { ROLE_PERMISSIONS } from "@toandan/contracts";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { NOT_PERSONAL, PERSONAL_COLUMN, PROCESSING_REGISTER } from "./register";

const tables = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => v instanceof PgTable)
  .map((t) => getTableConfig(t))
  .map((c) => ({ name: c.name, columns: c.columns.map((col) => col.name) }));
const registered = new Set(PROCESSING_REGISTER.flatMap((a) => a.tables));

describe("the register of processing", () => {
  it("has an entry for every table with a column that looks personal, or a reasoned exception", () => {
    const missing: string[] = [];
    for (const t of tables) {
      if (registered.has(t.name)) continue;
      for (const c of t.columns) {
        if (PERSONAL_COLUMN.test(c) && !NOT_PERSONAL[`${t.name}.${c}`]) missing.push(`${t.name}.${c}`);
      }
    }
    expect(missing, "add a register entry (privacy/register) or a NOT_PERSONAL reason").toEqual([]);
  });

  it("names only tables that exist, and no stale or needless exception", () => {
    const names = new Set(tables.map((t) => t.name));
    expect([...registered].filter((t) => !names.has(t))).toEqual([]);
    const stale = Object.keys(NOT_PERSONAL).filter((key) => {
      const [table, column] = key.split(".");
      const t = tables.find((x) => x.name === table);
      return !t || !t.columns.includes(column!) || !PERSONAL_COLUMN.test(column!) || registered.has(table!);
    });
    expect(stale).toEqual([]);
  });

  it("the heuristic catches what it must: a new table with a name, a phone or a religion fails", () => {
    for (const c of ["full_name", "phone", "religion_sealed", "birth_date", "contact", "address", "notes"]) {
      expect(PERSONAL_COLUMN.test(c), c).toBe(true);
    }
    for (const c of ["org_unit_id", "rollup_path", "created_at", "status", "year"]) {
      expect(PERSONAL_COLUMN.test(c), c).toBe(false);
    }
  });

  it("marks sensitive data where the law does: crime data, ethnicity and religion", () => {
    const byId = new Map(PROCESSING_REGISTER.map((a) => [a.id, a]));
    for (const id of ["case_files", "tips", "group_rosters"]) {
      expect(byId.get(id)?.categories, id).toContain("sensitive");
    }
    expect(new Set(PROCESSING_REGISTER.map((a) => a.id)).size).toBe(PROCESSING_REGISTER.length);
  });

  it("lists as readers of sealed data only roles that hold the sealed permission, never the officer", () => {
    const cases = PROCESSING_REGISTER.find((a) => a.id === "case_files")!;
    expect(cases.readers).not.toContain("data_protection_officer");
    for (const r of cases.readers) expect(ROLE_PERMISSIONS[r] as readonly string[]).toContain("case.read");
  });
});
