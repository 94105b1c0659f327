import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Envelope, EnvelopeError, loadOrCreateMasterKey } from "./envelope";

describe("envelope encryption", () => {
  const envelope = new Envelope(randomBytes(32));

  it("round-trips text and hides it", () => {
    const sealed = envelope.seal("Nguyễn Văn A buôn ma túy ở hẻm 5", "tip:1:description");
    expect(sealed.toString("utf8")).not.toContain("hẻm");
    expect(sealed.toString("latin1")).not.toContain("Nguy");
    expect(envelope.openText(sealed, "tip:1:description")).toBe("Nguyễn Văn A buôn ma túy ở hẻm 5");
  });

  it("uses a fresh data key and iv per value", () => {
    const a = envelope.seal("same", "x");
    const b = envelope.seal("same", "x");
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(5, 5 + 12 + 16 + 32).equals(b.subarray(5, 5 + 12 + 16 + 32))).toBe(false);
  });

  it("refuses a value moved to another place, tampered with or sealed by another key", () => {
    const sealed = envelope.seal("secret", "tip:1:description");
    expect(() => envelope.open(sealed, "tip:2:description")).toThrow(EnvelopeError);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
    expect(() => envelope.open(tampered, "tip:1:description")).toThrow(EnvelopeError);
    expect(() => new Envelope(randomBytes(32)).open(sealed, "tip:1:description")).toThrow(
      "sealed with another master key",
    );
    expect(() => envelope.open(Buffer.from("short"), "x")).toThrow("not a sealed value");
  });

  it("keeps null as null", () => {
    expect(envelope.sealOptional(null, "x")).toBeNull();
    expect(envelope.openOptionalText(null, "x")).toBeNull();
  });
});

describe("master key file", () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), "toandan-key-"));

  it("creates a 0600 key file on first use and reads the same key afterwards", () => {
    const file = path.join(dir(), "keys", "master.key");
    const first = loadOrCreateMasterKey(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toHaveLength(32);
    expect(loadOrCreateMasterKey(file).equals(first)).toBe(true);
  });

  it("refuses a key file others can read, or one of the wrong size", () => {
    const d = dir();
    const open = path.join(d, "open.key");
    fs.writeFileSync(open, randomBytes(32).toString("base64"), { mode: 0o644 });
    fs.chmodSync(open, 0o644);
    expect(() => loadOrCreateMasterKey(open)).toThrow("must not be readable by others");
    const short = path.join(d, "short.key");
    fs.writeFileSync(short, randomBytes(8).toString("base64"), { mode: 0o600 });
    expect(() => loadOrCreateMasterKey(short)).toThrow("32 bytes");
  });
});
