import { ApiErrorBodySchema } from "@toandan/contracts";

/** The error shape, documented on every operation. */
export const ERROR_RESPONSES = {
  400: ApiErrorBodySchema,
  401: ApiErrorBodySchema,
  403: ApiErrorBodySchema,
  404: ApiErrorBodySchema,
  409: ApiErrorBodySchema,
  429: ApiErrorBodySchema,
  /** The database is unreachable for a moment (with Retry-After). */
  503: ApiErrorBodySchema,
} as const;
