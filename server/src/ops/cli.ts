/** The operations commands of the CLI (main.ts dispatches `backup`, `restore`, `backup-keys`, `restore-keys` here). */
import path from "node:path";
import type { Config } from "../config";
import { backupDatabase, restoreDatabase } from "./backup";
import { backupKeys, readPassphrase, restoreKeys } from "./key-backup";

export const OPS_COMMANDS = ["backup", "restore", "backup-keys", "restore-keys"] as const;

export const OPS_USAGE = `  backup <file>        write a backup of the database (not the keys); PGlite: a running server takes it
  restore <file> [--force]   restore a backup into an empty database / a fresh DATA_DIR, then check it
  backup-keys <file>   write the key files encrypted with a passphrase (BACKUP_PASSPHRASE or typed)
  restore-keys <file> [--force]   write the key files back from such a file`;

export function isOpsCommand(command: string): command is (typeof OPS_COMMANDS)[number] {
  return (OPS_COMMANDS as readonly string[]).includes(command);
}

/** Runs one operations command; returns the exit code. */
export async function runOpsCommand(command: string, args: string[], config: Config): Promise<number> {
  const force = args.includes("--force");
  const file = args.find((a) => !a.startsWith("--"));
  if (!file) {
    console.error(`Usage: toandan ${command} <file>${command.startsWith("restore") ? " [--force]" : ""}`);
    return 1;
  }
  const keysDir = path.dirname(config.masterKeyFile);
  switch (command) {
    case "backup":
      await backupDatabase(config, file);
      return 0;
    case "restore": {
      const r = await restoreDatabase(config, file, { force });
      return r.differences.length === 0 && r.audit?.ok !== false ? 0 : 2;
    }
    case "backup-keys": {
      const names = await backupKeys(keysDir, file, await readPassphrase(true), {
        masterKeyFile: config.masterKeyFile,
      });
      console.log(`Key files of ${keysDir} written encrypted to ${file}: ${names.join(", ")}.`);
      console.log("Keep this file and its passphrase apart from the database backups.");
      return 0;
    }
    case "restore-keys": {
      const restored = await restoreKeys(keysDir, file, await readPassphrase(false), { force });
      for (const k of restored) console.log(`  ${k.name}: ${k.status}`);
      console.log(`Key files restored into ${keysDir}.`);
      return 0;
    }
    default:
      return 1;
  }
}
