import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { BOUNDARIES_DIR, boundaryFileName, type BoundaryTopology } from "./boundaries";
import { SIMPLIFY_VERSION, simplifyForServing } from "./simplify-boundaries";

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** A boundary file as served (simplified): its bytes, a content hash, and both compressed forms. */
export type ServedFile = { hash: string; raw: Buffer; br: Buffer; gzip: Buffer };

const served = new Map<string, Promise<ServedFile>>();
const hashes = new Map<string, string>();

/**
 * The content hash of a served boundary file (first 16 hex digits of the SHA-256 of the official
 * file and the simplification's settings, which together fix the served bytes), read once.
 */
export function boundaryHash(name: string): string {
  let hash = hashes.get(name);
  if (!hash) {
    const raw = fs.readFileSync(path.join(BOUNDARIES_DIR, name));
    hash = createHash("sha256").update(raw).update(SIMPLIFY_VERSION).digest("hex").slice(0, 16);
    hashes.set(name, hash);
  }
  return hash;
}

/**
 * The file ready to send, simplified for the browser (simplify-boundaries.ts) and compressed once on
 * first use (Brotli quality 5 and gzip level 6, off the event loop), then kept for the life of the
 * process; the files never change while it runs.
 */
export function servedBoundaryFile(name: string): Promise<ServedFile> {
  let file = served.get(name);
  if (!file) {
    file = (async () => {
      const official = await fs.promises.readFile(path.join(BOUNDARIES_DIR, name), "utf8");
      const raw = Buffer.from(
        JSON.stringify(simplifyForServing(JSON.parse(official) as BoundaryTopology)),
        "utf8",
      );
      const [br, gz] = await Promise.all([
        brotli(raw, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
          },
        }),
        gzip(raw, { level: 6 }),
      ]);
      return { hash: boundaryHash(name), raw, br, gzip: gz };
    })();
    file.catch(() => served.delete(name));
    served.set(name, file);
  }
  return file;
}

/** Public URL of a boundary set, versioned by content: `?v=<hash>` answers are immutable. */
export function boundaryUrl(level: "provinces"): string;
export function boundaryUrl(level: "communes", provinceCode: string): string | null;
export function boundaryUrl(level: "provinces" | "communes", provinceCode?: string): string | null {
  if (level === "provinces") {
    return `/boundaries/provinces.topojson?v=${boundaryHash(boundaryFileName("provinces"))}`;
  }
  const name = boundaryFileName("communes", provinceCode ?? "");
  return name ? `/boundaries/communes/${provinceCode}.topojson?v=${boundaryHash(name)}` : null;
}
