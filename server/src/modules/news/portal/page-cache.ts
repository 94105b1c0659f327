import { VersionedCache } from "../../../kernel/cache-version";

/**
 * Pages that every visitor gets alike (home, statistics, the forms) are kept rendered and
 * compressed for a short while, so a cheap phone on a slow network waits only for the network.
 * Publishing news bumps the portal's cache version in its transaction (`bumpCacheVersion(tx,
 * PORTAL_CACHE)`): every app process renders its pages again on its next request.
 */
export const PORTAL_CACHE = "portal";

export type Rendered = { html: string; gzip: Buffer };

export const pageCache = new VersionedCache<Rendered>(PORTAL_CACHE, { ttlMs: 30_000 });
