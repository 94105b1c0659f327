// Moving a case file to another commune (Circular 10/2024/TT-BCA Art. 15): the sender's record of
// the move, the receiver's takeover, and the destinations a file may go to.
import { z } from "zod";
import { IdSchema, IsoDateSchema } from "../common";

const text = (max: number) => z.string().trim().max(max);

/**
 * Clocks of a move. The receiving commune continues management within 5 working days of the
 * transfer (Circular 10/2024 Art. 15) [V]. The residence check within 3 working days is Art. 8's
 * clock for a release notice applied to a transferred file [?] unverified for moves: configuration.
 * After receiving, the new commune's chairman assigns within 3 working days (Art. 10.3 by analogy) [?].
 */
export const CASE_TRANSFER_DEADLINES = {
  receiveWorkingDays: 5,
  residenceCheckWorkingDays: 3,
  reassignWorkingDays: 3,
} as const;

/** The sending commune records the move (Circular 10/2024 Art. 14, 15): where, when, why. */
export const TransferCaseBodySchema = z.object({
  toCommuneId: IdSchema,
  movedOn: IsoDateSchema,
  reason: text(1000).min(5, "Ghi rõ lý do chuyển (ít nhất 5 ký tự)"),
});
export type TransferCaseBody = z.infer<typeof TransferCaseBodySchema>;

/** What the sender learns: the file has gone (it can no longer read it) and the receiver's clocks. */
export const TransferCaseResultSchema = z.object({
  id: IdSchema,
  transferId: IdSchema,
  toCommuneId: IdSchema,
  toCommuneName: z.string(),
  transferredOn: IsoDateSchema,
  receiveDueOn: IsoDateSchema,
  residenceCheckDueOn: IsoDateSchema,
});
export type TransferCaseResult = z.infer<typeof TransferCaseResultSchema>;

/** The receiving commune takes the file over ("nhận hồ sơ") after checking the residence. */
export const ReceiveCaseTransferBodySchema = z
  .object({
    orgUnitId: IdSchema,
    residenceCheckedOn: IsoDateSchema,
    receivedOn: IsoDateSchema,
  })
  .refine((b) => b.receivedOn >= b.residenceCheckedOn, {
    path: ["receivedOn"],
    message: "Ngày nhận hồ sơ không thể trước ngày kiểm tra cư trú",
  });
export type ReceiveCaseTransferBody = z.infer<typeof ReceiveCaseTransferBodySchema>;

export const TransferDestinationsQuerySchema = z.object({
  q: text(100).min(2, "Nhập ít nhất 2 ký tự tên xã, phường"),
});
export const TransferDestinationSchema = z.object({
  id: IdSchema,
  name: z.string(),
  provinceName: z.string().nullable(),
  code: z.string(),
});
export const TransferDestinationListSchema = z.object({ items: z.array(TransferDestinationSchema) });
