import { describe, expect, it, vi } from "vitest";

describe("schemeVersion", () => {
  it("changes when the OS switches between light and dark", async () => {
    let onChange: (() => void) | undefined;
    const matchMedia = vi.fn((query: string) => ({
      media: query,
      addEventListener: (_: string, listener: () => void) => {
        onChange = listener;
      },
    }));
    vi.stubGlobal("window", { matchMedia });
    const { schemeVersion } = await import("../src/lib/theme.svelte");
    const before = schemeVersion();
    expect(matchMedia).toHaveBeenCalledWith("(prefers-color-scheme: dark)");
    onChange?.();
    expect(schemeVersion()).toBe(before + 1);
    // One listener, however often it is read.
    schemeVersion();
    expect(matchMedia).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
