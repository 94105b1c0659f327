import { z } from "zod";
import { IdSchema } from "../common";
import { LIMITS } from "../limits";
import { BodyKindSchema, RoleSchema } from "../permissions";
import { OrgUnitKindSchema } from "./org-units";

export * from "./password-policy";

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1, "Nhập tên đăng nhập").max(LIMITS.usernameMax),
  password: z.string().min(1, "Nhập mật khẩu").max(LIMITS.passwordMax),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const RoleAssignmentSchema = z.object({
  role: RoleSchema,
  orgUnitId: IdSchema,
  orgUnitName: z.string(),
  orgUnitKind: OrgUnitKindSchema,
  body: BodyKindSchema,
});
export type RoleAssignment = z.infer<typeof RoleAssignmentSchema>;

export const CurrentUserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(["vi", "en"]),
  roles: z.array(RoleAssignmentSchema),
  permissions: z.array(z.string()),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const SessionResponseSchema = z.object({ user: CurrentUserSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const ChangePasswordBodySchema = z
  .object({
    currentPassword: z.string().min(1).max(LIMITS.passwordMax),
    newPassword: z
      .string()
      .min(LIMITS.passwordMin, `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự`)
      .max(LIMITS.passwordMax),
  })
  .refine((b) => b.currentPassword !== b.newPassword, {
    path: ["newPassword"],
    message: "Mật khẩu mới phải khác mật khẩu hiện tại",
  });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;
