import { checkNewPassword, LIMITS, type PasswordContext, type PasswordVerdict } from "@toandan/contracts";
import { useEffect, useState } from "react";

/**
 * Live feedback on a new password from the server's own policy (contracts/password-policy.ts):
 * null until the password is long enough, then the estimator's verdict, a moment after typing
 * stops. The estimator's dictionaries load on the first check only — on the pages that set a
 * password, never in the console's first download. The server checks again on submit.
 */
export function usePasswordVerdict(password: string, context: PasswordContext): PasswordVerdict | null {
  const [verdict, setVerdict] = useState<{ password: string; verdict: PasswordVerdict } | null>(null);
  const contextKey = JSON.stringify(context);
  useEffect(() => {
    if (password.length < LIMITS.passwordMin) return;
    let live = true;
    const timer = setTimeout(() => {
      checkNewPassword(password, JSON.parse(contextKey) as PasswordContext).then(
        (v) => live && setVerdict({ password, verdict: v }),
        () => undefined,
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [password, contextKey]);
  return verdict && verdict.password === password ? verdict.verdict : null;
}
