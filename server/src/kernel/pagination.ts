import { validationFailed } from "./errors";

/** Opaque offset cursor. Lists here are small per page; keyset cursors can replace this later. */
export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!Number.isInteger(n) || n < 0) {
    throw validationFailed([{ path: "cursor", message: "Con trỏ phân trang không hợp lệ" }]);
  }
  return n;
}

/** Builds a page from `limit + 1` fetched rows. */
export function pageFrom<T>(rows: T[], offset: number, limit: number) {
  const hasMore = rows.length > limit;
  return {
    items: hasMore ? rows.slice(0, limit) : rows,
    nextCursor: hasMore ? Buffer.from(String(offset + limit)).toString("base64url") : null,
  };
}
