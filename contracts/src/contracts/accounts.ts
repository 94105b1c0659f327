import { z } from "zod";
import { IdSchema, PageQuerySchema, pageOf } from "../common";
import { LIMITS } from "../limits";
import { BodyKindSchema, RoleSchema } from "../permissions";
import { RoleAssignmentSchema } from "./auth";

export const AccountSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  isDemo: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(RoleAssignmentSchema),
});
export type Account = z.infer<typeof AccountSchema>;
export const AccountPageSchema = pageOf(AccountSchema);

export const ListAccountsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(LIMITS.searchMax).optional(),
});

export const RoleGrantSchema = z.object({
  role: RoleSchema,
  orgUnitId: IdSchema,
  body: BodyKindSchema,
});
export type RoleGrant = z.infer<typeof RoleGrantSchema>;

export const UsernameSchema = z
  .string()
  .trim()
  .min(LIMITS.usernameMin, `Tên đăng nhập cần ít nhất ${LIMITS.usernameMin} ký tự`)
  .max(LIMITS.usernameMax, `Tên đăng nhập tối đa ${LIMITS.usernameMax} ký tự`)
  .regex(/^[a-z0-9._-]+$/, "Chỉ dùng chữ thường không dấu, số và . _ -");

export const CreateAccountBodySchema = z.object({
  username: UsernameSchema,
  displayName: z.string().trim().min(1, "Tên hiển thị không được để trống").max(LIMITS.displayNameMax),
  password: z
    .string()
    .min(LIMITS.passwordMin, `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự`)
    .max(LIMITS.passwordMax),
  roles: z.array(RoleGrantSchema).min(1, "Cần ít nhất một vai trò").max(20),
});
export type CreateAccountBody = z.infer<typeof CreateAccountBodySchema>;

export const UpdateAccountBodySchema = z
  .object({
    displayName: z.string().trim().min(1).max(LIMITS.displayNameMax).optional(),
    disabled: z.boolean().optional(),
    password: z.string().min(LIMITS.passwordMin).max(LIMITS.passwordMax).optional(),
    roles: z.array(RoleGrantSchema).min(1).max(20).optional(),
    unlock: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "Không có gì để cập nhật" });
export type UpdateAccountBody = z.infer<typeof UpdateAccountBodySchema>;

export const RoleInfoSchema = z.object({
  role: RoleSchema,
  permissions: z.array(z.string()),
  unitKinds: z.array(z.string()),
  bodies: z.array(BodyKindSchema),
});
