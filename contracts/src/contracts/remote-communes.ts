// Remote communes: communes in remote mountain or island areas with difficult travel, whose
// commune police have 48 hours instead of 24 to transfer an urgent crime report (Joint Circular
// 01/2017/TTLT Art. 8.5). Kept by province-level administrators, each entry with the decision that
// classifies the commune (e.g. a Prime Minister's or Committee for Ethnic Minority Affairs decision).
import { z } from "zod";
import { IdSchema, IsoDateSchema, PageQuerySchema, pageOf } from "../common";

/** The legal source shown wherever the list or its effect is seen. */
export const REMOTE_COMMUNE_BASIS =
  "Căn cứ: khoản 5 Điều 8 Thông tư liên tịch 01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC: Công an xã ở vùng núi cao, hải đảo đi lại khó khăn chuyển tin báo khẩn trong 48 giờ (nơi khác 24 giờ).";

export const REMOTE_COMMUNE_LIMITS = { basisNumberMax: 60, basisTextMax: 500, noteMax: 1000 } as const;

export const SetRemoteCommuneBodySchema = z
  .object({
    /** true: classify the commune as remote; false: remove it from the list. */
    remote: z.boolean({ error: "Chọn xếp hoặc bỏ xếp xã vùng sâu, vùng xa" }),
    /** Number and symbol of the classifying decision, e.g. "861/QĐ-TTg". */
    basisNumber: z
      .string()
      .trim()
      .max(REMOTE_COMMUNE_LIMITS.basisNumberMax, "Số hiệu văn bản quá dài")
      .optional(),
    basisDate: IsoDateSchema.optional(),
    /** Issuer and title of the decision, free text. */
    basisText: z.string().trim().max(REMOTE_COMMUNE_LIMITS.basisTextMax, "Trích yếu quá dài").optional(),
    note: z.string().trim().max(REMOTE_COMMUNE_LIMITS.noteMax, "Ghi chú quá dài").optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.remote) return;
    if (!b.basisNumber) {
      ctx.addIssue({ code: "custom", path: ["basisNumber"], message: "Nhập số hiệu văn bản xếp loại xã" });
    }
    if (!b.basisDate) {
      ctx.addIssue({ code: "custom", path: ["basisDate"], message: "Nhập ngày ban hành văn bản" });
    }
    if (!b.basisText || b.basisText.length < 5) {
      ctx.addIssue({
        code: "custom",
        path: ["basisText"],
        message: "Nhập cơ quan ban hành và trích yếu văn bản (ví dụ: Quyết định của Thủ tướng Chính phủ …)",
      });
    }
  });
export type SetRemoteCommuneBody = z.infer<typeof SetRemoteCommuneBodySchema>;

export const ListRemoteCommunesQuerySchema = PageQuerySchema.extend({
  provinceId: IdSchema.optional(),
  /** Accent-insensitive part of the commune's name. */
  q: z.string().trim().max(100).optional(),
  /** "remote": only the communes on the list (default); "all": every current commune in scope. */
  status: z.enum(["remote", "all"]).default("remote"),
});
export type ListRemoteCommunesQuery = z.infer<typeof ListRemoteCommunesQuerySchema>;

export const RemoteCommuneSchema = z.object({
  orgUnitId: IdSchema,
  name: z.string(),
  provinceId: IdSchema,
  provinceName: z.string(),
  remote: z.boolean(),
  basisNumber: z.string().nullable(),
  basisDate: IsoDateSchema.nullable(),
  basisText: z.string().nullable(),
  note: z.string().nullable(),
  /** When it was set (ISO instant), null when not on the list. */
  setAt: z.string().nullable(),
  /** The caller may set or unset this commune (province administrator over it). */
  can: z.object({ set: z.boolean() }),
});
export type RemoteCommune = z.infer<typeof RemoteCommuneSchema>;
export const RemoteCommunePageSchema = pageOf(RemoteCommuneSchema);
export type RemoteCommunePage = z.infer<typeof RemoteCommunePageSchema>;
