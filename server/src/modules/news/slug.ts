import { foldVietnamese } from "@toandan/contracts";

/** A Vietnamese title as a URL slug: "Cảnh báo lừa đảo qua mạng" → "canh-bao-lua-dao-qua-mang". */
export function vietnameseSlug(title: string): string {
  const slug = foldVietnamese(title)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "bai-viet";
}
