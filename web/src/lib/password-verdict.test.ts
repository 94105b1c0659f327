import { renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { usePasswordVerdict } from "./password-verdict";

const owner = { username: "nguyenvana", displayName: "Nguyễn Văn A" };

describe("usePasswordVerdict", () => {
  it("says nothing while the password is shorter than the minimum", () => {
    const { result } = renderHook(() => usePasswordVerdict("abc", owner));
    expect(result.current).toBeNull();
  });

  it("gives the policy's Vietnamese reason for a guessable password, then accepts a passphrase", async () => {
    const { result, rerender } = renderHook(({ p }) => usePasswordVerdict(p, owner), {
      initialProps: { p: "nguyenvana2026" },
    });
    await waitFor(() => expect(result.current).not.toBeNull(), { timeout: 5000 });
    expect(result.current).toMatchObject({ ok: false });
    expect(result.current!.ok === false && result.current!.message).toMatch(/^Mật khẩu quá dễ đoán: /);
    rerender({ p: "ruong-lua-chin-vang-may" });
    expect(result.current).toBeNull(); // the old verdict is not shown for the new password
    await waitFor(() => expect(result.current).toMatchObject({ ok: true }), { timeout: 5000 });
  });
});
