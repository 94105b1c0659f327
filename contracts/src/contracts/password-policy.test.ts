import { describe, expect, it } from "vitest";
import { LIMITS } from "../limits";
import { checkNewPassword, PASSWORD_MIN_SCORE, passwordUserInputs } from "./password-policy";

const owner = { username: "nguyenvana", displayName: "Nguyễn Văn A", unitNames: ["Phường Bạc Liêu"] };

describe("passwordUserInputs", () => {
  it("gives the account's words with and without accents, spaces and the unit's kind", () => {
    const inputs = passwordUserInputs(owner);
    for (const w of [
      "nguyenvana",
      "nguyễn văn a",
      "nguyen van a",
      "nguyenvan",
      "bạc liêu",
      "baclieu",
      "toandan",
    ]) {
      expect(inputs, w).toContain(w);
    }
  });
});

describe("checkNewPassword", () => {
  it(`refuses fewer than ${LIMITS.passwordMin} characters before estimating`, async () => {
    expect(await checkNewPassword("Xq7#vL2p", owner)).toEqual({
      ok: false,
      score: 0,
      message: `Mật khẩu cần ít nhất ${LIMITS.passwordMin} ký tự`,
    });
  });

  it("refuses common passwords and the account's own words, in Vietnamese", async () => {
    for (const p of [
      "password123",
      "1234567890",
      "nguyenvana123",
      "Bạc Liêu 2026",
      "baclieu2026",
      "toandan2026",
    ]) {
      const v = await checkNewPassword(p, owner);
      expect(v.ok, p).toBe(false);
      expect(v.score, p).toBeLessThan(PASSWORD_MIN_SCORE);
      if (!v.ok) expect(v.message, p).toMatch(/^Mật khẩu quá dễ đoán: .+\.$/);
    }
  });

  it("accepts long passphrases, with or without Vietnamese accents", async () => {
    for (const p of ["Sông Hồng chảy qua ba cầu", "ruong-lua-chin-vang-may", "xK9#pL2mQv!r"]) {
      expect((await checkNewPassword(p, owner)).ok, p).toBe(true);
    }
  });
});
