import { LIMITS } from "../limits";
import { foldVietnamese } from "../text";

/**
 * The one password policy for NEW passwords (account creation, password change, an
 * administrator's reset, the create-admin command): at least `LIMITS.passwordMin` characters and
 * a zxcvbn score of at least `PASSWORD_MIN_SCORE` (of 0–4), judged with the account's own words
 * (username, display name, unit names, the system's name) as guessable. Existing passwords are
 * not re-judged: sign-in checks only the hash.
 *
 * The estimator, its dictionaries (≈1.5 MB) and its Vietnamese feedback (password-estimator.ts)
 * are loaded on first use with a dynamic import, so a web page that never checks a password never
 * downloads them.
 */
export const PASSWORD_MIN_SCORE = 3;

/** What the account is known by: its words make a password easier to guess. */
export type PasswordContext = {
  username?: string | undefined;
  displayName?: string | undefined;
  unitNames?: readonly string[] | undefined;
};

export type PasswordVerdict = { ok: true; score: number } | { ok: false; score: number; message: string };

export const PASSWORD_TOO_SHORT = `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự`;
const TOO_GUESSABLE = "Mật khẩu quá dễ đoán";
const DEFAULT_HINT = "hãy dùng vài từ ít gặp ghép lại, dài hơn";

/** Words every password here should avoid, besides the account's own. */
const SYSTEM_WORDS = ["toandan", "toàn dân", "toan dan", "toàn dân bảo vệ an ninh tổ quốc", "mttq", "congan"];

/**
 * The account's words in every form a person might type them: as written, lower case, without
 * accents (đ → d), with and without spaces, and each word alone.
 */
export function passwordUserInputs(context: PasswordContext): string[] {
  const phrases = [context.username, context.displayName, ...(context.unitNames ?? []), ...SYSTEM_WORDS];
  const out = new Set<string>();
  for (const phrase of phrases) {
    if (!phrase?.trim()) continue;
    for (const form of [phrase.toLowerCase().trim(), foldVietnamese(phrase)]) {
      // Every run of consecutive words, joined with and without spaces: "phường bạc liêu" gives
      // "bac lieu", "baclieu", "lieu", …
      const words = form.split(/[\s._-]+/).filter(Boolean);
      for (let i = 0; i < words.length; i++) {
        for (let j = i + 1; j <= Math.min(words.length, i + 6); j++) {
          const run = words.slice(i, j);
          if (run.join("").length < 3) continue;
          out.add(run.join(" "));
          out.add(run.join(""));
        }
      }
    }
  }
  return [...out];
}

/** Judges a new password; the refusal's message is Vietnamese, for the password field. */
export async function checkNewPassword(password: string, context: PasswordContext): Promise<PasswordVerdict> {
  if (password.length < LIMITS.passwordMin) return { ok: false, score: 0, message: PASSWORD_TOO_SHORT };
  const { loadPasswordEstimator } = await import("./password-estimator");
  const zxcvbn = await loadPasswordEstimator();
  const inputs = passwordUserInputs(context);
  const result = zxcvbn.check(password, inputs);
  // The estimator knows no diacritics: "Toàn Dân" is judged as the "toandan" it hides too.
  const folded = foldVietnamese(password).replace(/\s+/g, "");
  const foldedResult = folded !== password ? zxcvbn.check(folded, inputs) : result;
  const worst = foldedResult.score < result.score ? foldedResult : result;
  if (worst.score >= PASSWORD_MIN_SCORE) return { ok: true, score: worst.score };
  const hint = worst.feedback.warning ?? worst.feedback.suggestions[0] ?? DEFAULT_HINT;
  return { ok: false, score: worst.score, message: `${TOO_GUESSABLE}: ${hint}.` };
}
