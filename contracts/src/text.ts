/**
 * Folds Vietnamese text for accent-insensitive search: lower case, tone and vowel marks
 * removed, đ → d, whitespace collapsed. "Bạc Liêu" → "bac lieu".
 */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Characters PostgreSQL cannot store in text or jsonb: NUL (U+0000, "invalid byte sequence") and
 * a lone UTF-16 surrogate (a JSON "\ud800" without its pair: text silently turns it into U+FFFD,
 * jsonb refuses it).
 */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The message of the issue {@link findUnsafeText} reports. */
export const UNSAFE_TEXT_MESSAGE = "Chứa ký tự không hợp lệ (ký tự NUL hoặc mã Unicode lỗi)";

/** Whether a string holds a character PostgreSQL cannot store. */
export function hasUnsafeText(s: string): boolean {
  return UNSAFE_TEXT.test(s);
}

/**
 * The first string (or object key) in a request value that holds a character PostgreSQL cannot
 * store, as an issue whose path names it (`prefix.field.0.name`); null when every string is safe.
 * The server checks the query, path parameters and body of every request with it before validation.
 */
export function findUnsafeText(value: unknown, prefix = ""): { path: string; message: string } | null {
  const join = (key: string | number) => (prefix === "" ? String(key) : `${prefix}.${key}`);
  if (typeof value === "string") {
    return hasUnsafeText(value) ? { path: prefix, message: UNSAFE_TEXT_MESSAGE } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], join(i));
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    for (const [key, v] of Object.entries(value)) {
      if (hasUnsafeText(key)) {
        return { path: join(key.replace(UNSAFE_TEXT, "?")), message: UNSAFE_TEXT_MESSAGE };
      }
      const found = findUnsafeText(v, join(key));
      if (found) return found;
    }
  }
  return null;
}
