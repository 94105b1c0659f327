/**
 * The local control channel of a server on the embedded database: a Unix domain socket
 * `DATA_DIR/control.sock`, mode 0600, so only the service user (and root) can use it. PGlite
 * allows one process per data folder, so a CLI command that needs the database while the server
 * runs (a backup) asks the server through this socket instead of opening the folder itself.
 *
 * Protocol: the client sends one line of JSON (`{"op":"ping"}` or `{"op":"snapshot"}`); the server
 * answers one line of JSON (`{"ok":true,…}` or `{"ok":false,"error":…}`), then, for a snapshot,
 * the gzipped data-folder tar until the connection ends.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import type { DatabaseManifest } from "./manifest";
import { gzipTar, snapshotPglite } from "./pglite-snapshot";

export const CONTROL_SOCKET = "control.sock";
/** Linux's limit on a socket path is 108 bytes. */
const MAX_SOCKET_PATH = 100;

export const controlSocketPath = (dataDir: string) => path.join(dataDir, CONTROL_SOCKET);

export type ControlChannel = { path: string | null; close: () => Promise<void> };

type Reply =
  { ok: true; pid: number; manifest?: DatabaseManifest; tarBytes?: number } | { ok: false; error: string };

/**
 * Starts the channel for a server on PGlite. Refuses when another live server answers on the
 * socket; removes a stale socket left by a killed process.
 */
export async function startControlChannel(opts: {
  dataDir: string;
  pglite: PGlite | undefined;
  onError?: (message: string) => void;
}): Promise<ControlChannel> {
  const { pglite } = opts;
  const socket = controlSocketPath(opts.dataDir);
  const warn = opts.onError ?? ((m: string) => process.stderr.write(`${m}\n`));
  if (!pglite) return { path: null, close: async () => undefined };
  if (socket.length > MAX_SOCKET_PATH) {
    warn(
      `control channel off: ${socket} is longer than ${MAX_SOCKET_PATH} bytes (backups need the server stopped)`,
    );
    return { path: null, close: async () => undefined };
  }
  const live = await probeServer(opts.dataDir).catch(() => null);
  if (live) throw new Error(`Another server (pid ${live.pid}) already serves ${opts.dataDir}.`);
  fs.rmSync(socket, { force: true });

  let busy = false;
  const server = net.createServer((conn) => {
    conn.on("error", () => undefined);
    readLine(conn)
      .then(async (line) => {
        const req = JSON.parse(line) as { op?: string };
        if (req.op === "ping") return send(conn, { ok: true, pid: process.pid });
        if (req.op !== "snapshot") return send(conn, { ok: false, error: `unknown operation ${req.op}` });
        if (busy) return send(conn, { ok: false, error: "a backup is already being taken" });
        busy = true;
        try {
          const snap = await snapshotPglite(pglite);
          conn.resume(); // nothing more is read from the client
          const reply: Reply = {
            ok: true,
            pid: process.pid,
            manifest: snap.manifest,
            tarBytes: snap.tar.size,
          };
          conn.write(`${JSON.stringify(reply)}\n`);
          await pipeline(gzipTar(snap.tar), conn);
        } finally {
          busy = false;
        }
      })
      .catch((err: unknown) => {
        warn(`control channel: ${err instanceof Error ? err.message : String(err)}`);
        send(conn, { ok: false, error: err instanceof Error ? err.message : String(err) });
      });
  });
  // The socket is created owner-only (umask), then chmod'ed again in case the umask was ignored.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socket, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  fs.chmodSync(socket, 0o600);
  return {
    path: socket,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(socket, { force: true });
      }),
  };
}

function send(conn: net.Socket, reply: Reply): void {
  conn.end(`${JSON.stringify(reply)}\n`);
}

/** Reads the first line; what follows stays in the stream (unshifted). */
function readLine(stream: Readable, limit = 64 * 1024): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const nl = buf.indexOf(10);
      if (nl >= 0) {
        cleanup();
        stream.pause();
        const rest = buf.subarray(nl + 1);
        if (rest.length > 0) stream.unshift(rest);
        resolve(buf.subarray(0, nl).toString("utf8"));
      } else if (buf.length > limit) {
        cleanup();
        reject(new Error("control channel: line too long"));
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new Error("control channel: the connection ended early"));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const cleanup = () => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
    };
    stream.on("data", onData);
    stream.on("end", onEnd);
    stream.on("error", onError);
  });
}

function connect(dataDir: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(controlSocketPath(dataDir));
    conn.once("connect", () => {
      conn.off("error", reject);
      resolve(conn);
    });
    conn.once("error", reject);
  });
}

export class ControlChannelError extends Error {}

/**
 * The live server holding `dataDir`, or null when none answers (no socket, or a stale one).
 * A socket this user may not open is an error: a server runs, as another user.
 */
export async function probeServer(dataDir: string, timeoutMs = 3000): Promise<{ pid: number } | null> {
  let conn: net.Socket;
  try {
    conn = await connect(dataDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ECONNREFUSED") return null;
    if (code === "EACCES") {
      throw new ControlChannelError(
        `A server holds ${dataDir}, but this user may not use its control channel: run the command as the service user.`,
      );
    }
    throw err;
  }
  try {
    conn.write(`${JSON.stringify({ op: "ping" })}\n`);
    const line = await withTimeout(
      readLine(conn),
      timeoutMs,
      "the server did not answer on its control channel",
    );
    const reply = JSON.parse(line) as Reply;
    return reply.ok ? { pid: reply.pid } : null;
  } finally {
    conn.destroy();
  }
}

/** Asks the live server for a snapshot: its manifest, then the gzipped tar as a stream. */
export async function requestSnapshot(
  dataDir: string,
): Promise<{ pid: number; manifest: DatabaseManifest; tarBytes: number; payload: Readable }> {
  const conn = await connect(dataDir);
  conn.write(`${JSON.stringify({ op: "snapshot" })}\n`);
  const line = await withTimeout(readLine(conn), 120_000, "the server did not start the snapshot");
  const reply = JSON.parse(line) as Reply;
  if (!reply.ok) {
    conn.destroy();
    throw new ControlChannelError(`The server refused the backup: ${reply.error}.`);
  }
  if (!reply.manifest) throw new ControlChannelError("The server sent no manifest.");
  return { pid: reply.pid, manifest: reply.manifest, tarBytes: reply.tarBytes ?? -1, payload: conn };
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new ControlChannelError(message)), ms);
    }),
  ]);
}
