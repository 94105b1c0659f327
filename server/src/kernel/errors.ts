import { ERROR_MESSAGES, ERROR_STATUS, type ApiIssue, type ErrorCode } from "@toandan/contracts";

/** An error whose code, status and message are safe to send to a client. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: ApiIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    opts?: { issues?: ApiIssue[]; headers?: Record<string, string> },
  ) {
    super(message ?? ERROR_MESSAGES[code].vi);
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.issues = opts?.issues;
    this.headers = opts?.headers;
  }
}

export const notFound = (message?: string) => new AppError("not_found", message);
export const forbidden = (message?: string) => new AppError("forbidden", message);
export const unauthenticated = () => new AppError("unauthenticated");
export const conflict = (message: string) => new AppError("conflict", message);
export const validationFailed = (issues: ApiIssue[], message?: string) =>
  new AppError("validation_failed", message ?? ERROR_MESSAGES.validation_failed.vi, { issues });
export const invalidTransition = (from: string, to: string) =>
  new AppError("invalid_transition", `Không thể chuyển từ "${from}" sang "${to}".`);
