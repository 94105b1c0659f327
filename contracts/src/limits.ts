/** Shared validation limits, used by server schemas and web forms alike. */
export const LIMITS = {
  usernameMin: 3,
  usernameMax: 64,
  /** New passwords only (sign-in accepts any stored password); see contracts/password-policy.ts. */
  passwordMin: 10,
  passwordMax: 256,
  displayNameMax: 200,
  unitNameMax: 200,
  unitCodeMax: 32,
  searchMax: 100,
  pageDefault: 50,
  pageMax: 500,
  csvMaxBytes: 5 * 1024 * 1024,
  csvMaxRows: 20_000,
  /** Sign-in back-off: failures before the account is locked, and the first lock length. */
  loginMaxFailures: 5,
  loginLockMinutes: 15,
  sessionTtlHours: 12,
} as const;

/** Counts under this are shown as "<5" outside the police (tips, cases, public statistics). */
export const SMALL_CELL_THRESHOLD = 5;
