import { z } from "zod";

/** Closed list of error codes. Clients branch on these; messages are for people. */
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "account_locked",
  "account_disabled",
  "csrf_invalid",
  "forbidden",
  "not_found",
  "conflict",
  "reference_missing",
  "invalid_transition",
  "period_locked",
  "idempotency_key_reused",
  "record_restricted",
  "version_conflict",
  "payload_too_large",
  "rate_limited",
  "uri_too_long",
  "headers_too_large",
  "unsupported_media_type",
  "not_acceptable",
  "internal_error",
  "service_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_STATUS = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 429,
  account_disabled: 403,
  csrf_invalid: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  reference_missing: 409,
  invalid_transition: 409,
  period_locked: 409,
  idempotency_key_reused: 409,
  record_restricted: 409,
  version_conflict: 412,
  payload_too_large: 413,
  rate_limited: 429,
  uri_too_long: 414,
  headers_too_large: 431,
  unsupported_media_type: 415,
  not_acceptable: 406,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

/** Default human messages (Vietnamese first, English second) per code. */
export const ERROR_MESSAGES = {
  validation_failed: { vi: "Dữ liệu không hợp lệ.", en: "The input is not valid." },
  unauthenticated: { vi: "Bạn chưa đăng nhập.", en: "You are not signed in." },
  invalid_credentials: {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa sau nhiều lần nhập sai. Vui lòng kiểm tra lại hoặc thử lại sau ít phút.",
    en: "Wrong username or password, or the account is locked for a while after too many failed sign-ins. Check and try again later.",
  },
  account_locked: {
    vi: "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.",
    en: "Too many failed sign-ins. The account is locked for a while.",
  },
  account_disabled: { vi: "Tài khoản đã bị vô hiệu hóa.", en: "This account is disabled." },
  csrf_invalid: {
    vi: "Phiên làm việc không hợp lệ, vui lòng tải lại trang.",
    en: "Invalid CSRF token; reload the page.",
  },
  forbidden: { vi: "Bạn không có quyền thực hiện thao tác này.", en: "You may not do this." },
  not_found: { vi: "Không tìm thấy.", en: "Not found." },
  conflict: { vi: "Dữ liệu bị trùng hoặc xung đột.", en: "Conflicts with existing data." },
  reference_missing: {
    vi: "Dữ liệu tham chiếu không tồn tại.",
    en: "A referenced record does not exist.",
  },
  invalid_transition: {
    vi: "Không thể chuyển sang trạng thái này.",
    en: "This state change is not allowed.",
  },
  /** A write dated in a period an approved report locked; the message names the period. */
  period_locked: {
    vi: "Kỳ báo cáo đã được duyệt và khóa số liệu; cấp trên cần mở khóa trước khi sửa.",
    en: "The report period is approved and its records are locked; the level above must unlock it first.",
  },
  /** An Idempotency-Key already used by this account for a different request. */
  idempotency_key_reused: {
    vi: "Mã gửi này đã được dùng cho một bản ghi khác; hãy tạo bản ghi mới.",
    en: "This idempotency key was already used for a different request; send it as a new record.",
  },
  /**
   * A write to a record whose processing is restricted at the data subject's request (Law
   * 91/2025; decision 0017): nothing is written until the data-protection officer lifts it.
   */
  record_restricted: {
    vi: "Hồ sơ này đang bị hạn chế xử lý theo yêu cầu của người có dữ liệu; không thể sửa hay bổ sung cho đến khi cán bộ bảo vệ dữ liệu cá nhân gỡ hạn chế.",
    en: "Processing of this record is restricted at the data subject's request; it cannot be changed or added to until the data-protection officer lifts the restriction.",
  },
  /** An edit's If-Match names a version the record has moved past. */
  version_conflict: {
    vi: "Bản ghi đã được người khác sửa sau khi bạn mở; hãy xem bản mới nhất rồi sửa lại.",
    en: "The record was changed by someone else since you opened it; review the latest version and edit again.",
  },
  payload_too_large: { vi: "Dữ liệu gửi lên quá lớn.", en: "The request is too large." },
  rate_limited: { vi: "Quá nhiều yêu cầu, vui lòng thử lại sau.", en: "Too many requests." },
  uri_too_long: { vi: "Địa chỉ yêu cầu quá dài.", en: "The request URL is too long." },
  headers_too_large: {
    vi: "Phần đầu (header) của yêu cầu quá lớn.",
    en: "The request's header fields are too large.",
  },
  unsupported_media_type: {
    vi: "Định dạng nội dung gửi lên không được hỗ trợ.",
    en: "The request's content type is not supported.",
  },
  not_acceptable: {
    vi: "Không có định dạng phản hồi phù hợp với yêu cầu.",
    en: "No response format matches the request.",
  },
  internal_error: { vi: "Đã có lỗi xảy ra.", en: "Something went wrong." },
  /** The database is unreachable for a moment; the answer carries Retry-After. */
  service_unavailable: {
    vi: "Hệ thống tạm thời gián đoạn, vui lòng thử lại sau ít phút.",
    en: "The service is briefly unavailable; try again in a moment.",
  },
} as const satisfies Record<ErrorCode, { vi: string; en: string }>;

export const ApiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    issues: z.array(ApiIssueSchema).optional(),
    requestId: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
