import { hash, verify, type Options } from "@node-rs/argon2";

/** argon2id (the library's default algorithm) with OWASP's recommended minimums. */
const PASSWORD_HASH_OPTIONS: Readonly<Options> = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let options: Readonly<Options> = PASSWORD_HASH_OPTIONS;

/**
 * Test runs only: hash new passwords at a fraction of the cost (argon2id, 256 KiB, one pass). A
 * check reads the cost from the stored hash, so accounts made this way are also checked cheaply.
 * The integration suite makes about 600 accounts and signs in about 700 times per run; at OWASP's
 * cost that took ~18 s of the PostgreSQL pass's 173 s of CPU (quiet Intel Xeon; argon2 is 3×
 * slower on a busy machine). Refused outside Vitest, so no server can end up with weak hashes.
 */
export function useCheapPasswordHashingInTests(): void {
  if (!process.env.VITEST) throw new Error("cheap password hashing is for the test suite only");
  options = { memoryCost: 256, timeCost: 1, parallelism: 1 };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}
