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
  // The path is built only for what is found (the server runs this on every request's input).
  const found = unsafeAt(value);
  if (!found) return null;
  let path = prefix;
  for (let i = found.length - 1; i >= 0; i--) path = path === "" ? String(found[i]) : `${path}.${found[i]}`;
  return { path, message: UNSAFE_TEXT_MESSAGE };
}

/** Where the first unsafe string or key is, innermost key first; null when every string is safe. */
function unsafeAt(value: unknown): (string | number)[] | null {
  if (typeof value === "string") return UNSAFE_TEXT.test(value) ? [] : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unsafeAt(value[i]);
      if (found) {
        found.push(i);
        return found;
      }
    }
    return null;
  }
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value)) {
    for (const key of Object.keys(value)) {
      if (UNSAFE_TEXT.test(key)) return [key.replace(UNSAFE_TEXT, "?")];
      const found = unsafeAt((value as Record<string, unknown>)[key]);
      if (found) {
        found.push(key);
        return found;
      }
    }
  }
  return null;
}
