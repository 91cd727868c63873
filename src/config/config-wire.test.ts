import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

describe("wire configuration", () => {
  it("has no drop roots and refuses private addresses unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ wireDropRoots: [], wireAllowPrivate: false });
    expect(loadConfig({ WIRE_DROP_ROOTS: "" }).wireDropRoots).toEqual([]);
  });

  it("splits WIRE_DROP_ROOTS on the path delimiter and takes only absolute paths", () => {
    expect(loadConfig({ WIRE_DROP_ROOTS: "/srv/wire:/data/ftp" }).wireDropRoots).toEqual([
      "/srv/wire",
      "/data/ftp",
    ]);
    expect(() => loadConfig({ WIRE_DROP_ROOTS: "/srv/wire:drop" })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID" }),
    );
    expect(loadConfig({ WIRE_ALLOW_PRIVATE: "1" }).wireAllowPrivate).toBe(true);
    expect(() => loadConfig({ WIRE_ALLOW_PRIVATE: "yes" })).toThrow(
      expect.objectContaining({ code: "CONFIG_INVALID" }),
    );
  });
});
