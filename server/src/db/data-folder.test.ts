import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireFolderLock, checkDataFolderModes, folderOwner, LOCK_FILE } from "./data-folder";

// Real folders in the temporary directory: the modes the start-up check reads, and the lock file
// that gives one process at a time the PGlite folder.
const roots: string[] = [];
const folder = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "toandan-folder-"));
  roots.push(d);
  return d;
};
afterAll(() => roots.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const writeLock = (dir: string, owner: object) =>
  fs.writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify(owner), { mode: 0o600 });

describe("data folder modes", () => {
  it("refuses a folder or pglite folder others can write, naming the chmod to run", () => {
    const d = folder();
    fs.chmodSync(d, 0o775);
    expect(() => checkDataFolderModes(d)).toThrow(
      `Data folder ${d} is writable by other users (mode 775); run: chmod -R go-rwx ${d}`,
    );
    fs.chmodSync(d, 0o700);
    fs.mkdirSync(path.join(d, "pglite"), { mode: 0o777 });
    fs.chmodSync(path.join(d, "pglite"), 0o777);
    expect(() => checkDataFolderModes(d)).toThrow(
      `Data folder ${path.join(d, "pglite")} is writable by other users`,
    );
  });

  it("refuses world-writable data files that others can reach, not those behind a 0700 folder", () => {
    const d = folder();
    const pglite = path.join(d, "pglite");
    fs.mkdirSync(path.join(pglite, "base"), { recursive: true });
    fs.chmodSync(pglite, 0o755);
    fs.chmodSync(path.join(pglite, "base"), 0o755);
    const file = path.join(pglite, "base", "1259");
    fs.writeFileSync(file, "x");
    fs.chmodSync(file, 0o666);
    fs.chmodSync(d, 0o755);
    expect(() => checkDataFolderModes(d)).toThrow(
      `Database file ${file} is writable by other users (mode 666)`,
    );
    fs.chmodSync(d, 0o700); // nobody else gets in: the files' own modes no longer matter
    expect(() => checkDataFolderModes(d)).not.toThrow();
    fs.chmodSync(d, 0o755);
    fs.chmodSync(file, 0o600);
    expect(() => checkDataFolderModes(d)).not.toThrow();
  });
});

describe("data folder lock", () => {
  it("gives the folder to one owner, names a live owner, and is released", () => {
    const d = folder();
    const release = acquireFolderLock(d, { command: "start", host: "127.0.0.1", port: 3999 });
    expect(fs.statSync(path.join(d, LOCK_FILE)).mode & 0o777).toBe(0o600);
    expect(folderOwner(d)).toMatchObject({ pid: process.pid, command: "start", port: 3999 });
    expect(() => acquireFolderLock(d, { command: "migrate" })).toThrow(
      `Data folder ${d} is already open in this process.`,
    );
    release();
    expect(fs.existsSync(path.join(d, LOCK_FILE))).toBe(false);
    expect(folderOwner(d)).toBeNull();
  });

  it("stops at a lock held by another live process, and takes over one left by a dead process", async () => {
    const d = folder();
    const child = spawn("sleep", ["30"], { stdio: "ignore" });
    const pid = child.pid!;
    try {
      writeLock(d, { pid, command: "start", startedAt: "2026-12-04T08:00:00.000Z" });
      expect(folderOwner(d)?.pid).toBe(pid);
      expect(() => acquireFolderLock(d, { command: "verify-audit" })).toThrow(
        `Data folder ${d} is used by process ${pid} (a server, started 2026-12-04T08:00:00.000Z); stop it first.`,
      );
    } finally {
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
    }
    expect(folderOwner(d)).toBeNull();
    const said: string[] = [];
    const release = acquireFolderLock(d, { command: "migrate" }, (m) => said.push(m));
    expect(said).toEqual([
      `Taking over the lock of process ${pid} (started 2026-12-04T08:00:00.000Z), which is no longer running.`,
    ]);
    expect(folderOwner(d)).toMatchObject({ pid: process.pid, command: "migrate" });
    release();
  });

  it("treats a reused pid (another start time) and a garbage lock file as stale", () => {
    const d = folder();
    const dead = spawnSync("true").pid;
    writeLock(d, { pid: process.ppid, command: "start", startedAt: "x", bootTicks: 1 });
    expect(folderOwner(d)).toBeNull(); // the parent is alive, but started at another tick: not the owner
    fs.writeFileSync(path.join(d, LOCK_FILE), "{ half-writ");
    const said: string[] = [];
    acquireFolderLock(d, { command: "migrate" }, (m) => said.push(m))();
    expect(said[0]).toContain("Taking over an unreadable lock file");
    writeLock(d, { pid: dead, command: "sql", startedAt: "y" });
    expect(folderOwner(d)).toBeNull();
  });
});
