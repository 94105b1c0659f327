import { customType } from "drizzle-orm/pg-core";

/**
 * Raw bytes (`bytea`) as a Buffer. Sealed values (kernel/envelope.ts) use it — ciphertext is all
 * that ever reaches the database — as do attachments and other binary columns.
 */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (v) => v,
  fromDriver: (v) => Buffer.from(v),
});

/** A sealed value (kernel/envelope.ts): the same column type, named for what it holds. */
export const sealed = bytea;
