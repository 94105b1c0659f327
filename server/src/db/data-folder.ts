import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The data folder (DATA_DIR) of an embedded database: its permissions, and the lock file that
 * gives one process at a time the PGlite folder in it. Two PGlite instances on one folder corrupt
 * it (and the second dies with "Aborted()"), so every opener takes the lock first.
 */

/** A start that cannot go on: the message is one line for the operator, and the exit is non-zero. */
export class StartupError extends Error {}

export const LOCK_FILE = "pglite.lock";

export type FolderOwner = {
  pid: number;
  /** What the owner runs: "start" for the server, else the CLI command. */
  command: string;
  startedAt: string;
  /** The server's HTTP address, when the owner is a server. */
  host?: string | undefined;
  port?: number | undefined;
  /** Linux: the process's start time in clock ticks since boot, to tell a reused pid. */
  bootTicks?: number | undefined;
};

const held = new Set<string>();
process.on("exit", () => {
  for (const file of held) {
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone
    }
  }
});

function bootTicks(pid: number): number | undefined {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name's closing parenthesis.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]);
  } catch {
    return undefined;
  }
}

function isAlive(owner: FolderOwner, file: string): boolean {
  // Our own pid: held by this process now, or left by an earlier life (a container restarts as pid 1).
  if (owner.pid === process.pid) return held.has(file);
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = bootTicks(owner.pid);
  return owner.bootTicks === undefined || now === undefined || now === owner.bootTicks;
}

function readOwner(file: string): FolderOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, "utf8")) as FolderOwner;
    return Number.isInteger(owner.pid) ? owner : { pid: -1, command: "?", startedAt: "?" };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // Half-written or garbage: a process that died between creating and writing it.
    return { pid: -1, command: "?", startedAt: "?" };
  }
}

/**
 * The live process that holds the data folder's PGlite database, or null: e.g. to ask a running
 * server for a snapshot instead of opening the folder.
 */
export function folderOwner(dataDir: string): FolderOwner | null {
  const file = path.join(dataDir, LOCK_FILE);
  const owner = readOwner(file);
  return owner && owner.pid > 0 && isAlive(owner, file) ? owner : null;
}

function notWritable(dataDir: string, e: NodeJS.ErrnoException): StartupError {
  const why = e.code === "EROFS" ? "it is on a read-only file system" : `${e.code ?? e.message}`;
  return new StartupError(
    `Data folder ${dataDir} is not writable (${why}); give user ${os.userInfo().username} write access to it, or set DATA_DIR to a writable folder.`,
  );
}

/**
 * Takes the data folder's lock (O_EXCL), or throws StartupError naming the live owner. A lock left
 * by a dead process is taken over (and `onStale` told). Returns the release function.
 */
export function acquireFolderLock(
  dataDir: string,
  owner: Omit<FolderOwner, "pid" | "startedAt" | "bootTicks">,
  onStale: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  if (held.has(file)) {
    throw new StartupError(`Data folder ${dataDir} is already open in this process.`);
  }
  const mine: FolderOwner = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    bootTicks: bootTicks(process.pid),
    ...owner,
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code !== "EEXIST") throw notWritable(dataDir, err);
      const other = readOwner(file);
      if (!other) continue; // released meanwhile
      if (other.pid > 0 && isAlive(other, file)) {
        const what = other.command === "start" ? "a server" : `the command "${other.command}"`;
        throw new StartupError(
          `Data folder ${dataDir} is used by process ${other.pid} (${what}, started ${other.startedAt}); stop it first.`,
        );
      }
      // Stale: move it aside (one process wins the rename), check it is the one we read, drop it.
      const aside = `${file}.${process.pid}.stale`;
      try {
        fs.renameSync(file, aside);
      } catch {
        continue;
      }
      const moved = readOwner(aside);
      if (moved && moved.pid === other.pid && moved.startedAt === other.startedAt) {
        fs.rmSync(aside, { force: true });
        onStale(
          other.pid > 0
            ? `Taking over the lock of process ${other.pid} (started ${other.startedAt}), which is no longer running.`
            : `Taking over an unreadable lock file ${file}.`,
        );
      } else {
        // A fresh lock taken by another process meanwhile: put it back.
        try {
          fs.linkSync(aside, file);
        } catch {
          // it re-created its lock already
        }
        fs.rmSync(aside, { force: true });
      }
      continue;
    }
    fs.writeSync(fd, `${JSON.stringify(mine)}\n`);
    fs.closeSync(fd);
    held.add(file);
    return () => {
      if (!held.delete(file)) return;
      const now = readOwner(file);
      if (now?.pid === mine.pid && now.startedAt === mine.startedAt) fs.rmSync(file, { force: true });
    };
  }
  throw new StartupError(`Data folder ${dataDir}: could not take its lock file ${file}; try again.`);
}

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

/**
 * Refuses a data folder that others could write into: the folder or its pglite folder writable by
 * group or others, or — when others can reach the pglite folder — a file in it that they can write.
 * The fix is one chmod, named in the message. Files this server writes are owner-only (umask 077).
 */
export function checkDataFolderModes(dataDir: string): void {
  const fix = `run: chmod -R go-rwx ${dataDir}`;
  const pglite = path.join(dataDir, "pglite");
  for (const dir of [dataDir, pglite]) {
    if (!fs.existsSync(dir)) continue;
    const mode = modeOf(dir);
    if ((mode & 0o022) !== 0) {
      throw new StartupError(
        `Data folder ${dir} is writable by other users (mode ${mode.toString(8)}); ${fix}`,
      );
    }
  }
  if (!fs.existsSync(pglite)) return;
  // Others reach the files only through both folders.
  const reach = modeOf(dataDir) & modeOf(pglite) & 0o011;
  if (reach === 0) return;
  const stack = [pglite];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      const mode = modeOf(p);
      if ((mode & 0o022) !== 0) {
        throw new StartupError(
          `Database file ${p} is writable by other users (mode ${mode.toString(8)}); ${fix}`,
        );
      }
      if (entry.isDirectory() && (mode & 0o011) !== 0) stack.push(p);
    }
  }
}

/** Creates the data folder (0700) when missing, and checks that it can be written. */
export function prepareDataFolder(dataDir: string): void {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.accessSync(dataDir, fs.constants.W_OK);
  } catch (e) {
    throw notWritable(dataDir, e as NodeJS.ErrnoException);
  }
}
