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
