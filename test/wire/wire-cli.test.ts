import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/cli.js";
import { captureOutput } from "../support/capture-output.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("newsdesk source", () => {
  it("adds, lists and removes wire sources", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-source-cli-"));
    const env = { DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`, LOG_LEVEL: "silent" };
    try {
      const io = captureOutput();
      const pull = [
        "source",
        "add",
        "--kind",
        "http-pull",
        "--name",
        "AFP English",
        "--agency",
        "afp",
        "--agency-name",
        "AFP",
        "--service",
        "en",
        "--url",
        "https://wire.example/afp.json",
        "--interval",
        "120",
        "--subject",
        "medtop:04000000=economy",
      ];
      expect(await runCli(pull, env)).toBe(0);
      expect(io.out()).toMatch(/Added wire source \w+ \(http-pull, AFP\)/);
      const push = [
        "source",
        "add",
        "--kind",
        "push",
        "--name",
        "dpa push",
        "--agency",
        "DPA",
        "--service",
        "en",
      ];
      expect(await runCli(push, env)).toBe(0);
      const token = /Bearer (ndw_\S+)/.exec(io.out())?.[1];
      expect(token).toBeDefined();
      expect(await runCli(["source", "list"], env)).toBe(0);
      expect(io.out()).toContain("https://wire.example/afp.json");
      expect(io.out()).toContain("dpa push");
      const id = /Added wire source (\w+) \(push/.exec(io.out())?.[1] ?? "";
      expect(await runCli(["source", "remove", id], env)).toBe(0);
      // Invalid input is refused with the schema's reasons.
      expect(
        await runCli(
          [
            "source",
            "add",
            "--kind",
            "http-pull",
            "--name",
            "x",
            "--agency",
            "X",
            "--service",
            "en",
            "--url",
            "ftp://x",
          ],
          env,
        ),
      ).toBe(1);
      expect(io.err()).toContain("VALIDATION_FAILED");
      expect(await runCli(["source", "remove", "nosuch"], env)).toBe(1);
      expect(io.err()).toContain("WIRE_SOURCE_NOT_FOUND");
      expect(await runCli(["source", "add", "--bogus"], env)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
