import { pgTable, text, uuid, customType } from "drizzle-orm/pg-core";
import { orgUnits } from "../org-units/org-units.table";

/** A binary column (sealed content, receipt verifiers, images) as a Buffer on both engines. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Communes in remote mountain or island areas: urgent tips get 48 hours instead of 24. */
export const remoteCommunes = pgTable("remote_communes", {
  orgUnitId: uuid("org_unit_id")
    .primaryKey()
    .references(() => orgUnits.id),
  note: text("note"),
});
