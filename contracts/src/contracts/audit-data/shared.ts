// What the audit data schemas of every module share (see ../audit-data.ts).
import { z } from "zod";

/** Actions that store no data (`{}`): the actor, entity and time say it all. */
export const NoData = z.record(z.string(), z.never());

/** Actions no call site writes (kept in AUDIT_ACTIONS for stored rows and filters). */
export const NotWritten = z.never();

export const count = z.number().int();

export const text = z.string();

/** The file types an upload accepts (sniffed from the bytes). */
export const UploadTypeSchema = z.enum(["application/pdf", "image/jpeg", "image/png"]);

export const fromTo = <S extends z.ZodType>(status: S) => ({
  from: status,
  to: status,
});
