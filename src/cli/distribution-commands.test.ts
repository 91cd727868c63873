import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../../test/support/capture-output.js";
import { runCli } from "./cli.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("newsdesk api-key and webhook", () => {
  it("are listed in the help", async () => {
    const io = captureOutput();
    expect(await runCli(["--help"], {})).toBe(0);
    expect(io.out()).toContain("api-key create --name");
    expect(io.out()).toContain("webhook add --url");
    expect(await runCli(["webhook", "-h"], {})).toBe(0);
    expect(io.out()).toContain("WEBHOOK_ALLOW_PRIVATE=1");
    expect(await runCli(["api-key", "rotate"], {})).toBe(2);
    expect(io.err()).toContain("unknown or incomplete command");
  });

  it("issue, list and revoke keys; add, list and remove webhooks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-dist-"));
    try {
      const io = captureOutput();
      const env = { DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`, LOG_LEVEL: "silent" };
      expect(await runCli(["api-key", "create", "--name", "Partner FM", "--rate", "30"], env)).toBe(
        0,
      );
      const issued = /Issued API key (\S+) "Partner FM" \(30 requests per minute\)/.exec(io.out());
      expect(issued).not.toBeNull();
      expect(io.out()).toMatch(/\nndk_[0-9a-z]{12}_[A-Za-z0-9_-]{43}\n/);
      expect(await runCli(["api-key", "list"], env)).toBe(0);
      expect(io.out()).toMatch(/\tPartner FM\t30\/min\tcreated \S+\tactive\n/);
      expect(await runCli(["api-key", "revoke", issued?.[1] ?? ""], env)).toBe(0);
      expect(await runCli(["api-key", "revoke", issued?.[1] ?? ""], env)).toBe(1);
      expect(io.err()).toContain("API_KEY_NOT_FOUND");
      expect(await runCli(["api-key", "create", "--name", "x", "--rate", "many"], env)).toBe(1);
      expect(io.err()).toContain("VALIDATION_FAILED: --rate must be a whole number.");

      const url = "http://127.0.0.1:9/hooks";
      expect(await runCli(["webhook", "add", "--url", url], env)).toBe(1);
      expect(io.err()).toContain("WEBHOOK_URL_PRIVATE");
      const allowed = { ...env, WEBHOOK_ALLOW_PRIVATE: "1" };
      expect(
        await runCli(
          [
            "webhook",
            "add",
            "--url",
            url,
            "--event",
            "published",
            "--event",
            "killed",
            "--service",
            "fa",
          ],
          allowed,
        ),
      ).toBe(0);
      const added = /Subscribed webhook (\S+) → (\S+)/.exec(io.out());
      expect(added?.[2]).toBe(url);
      expect(io.out()).toContain("Events: published, killed; service: fa");
      expect(io.out()).toMatch(/Signing secret[^\n]*\n[A-Za-z0-9_-]{43}\n/);
      expect(await runCli(["webhook", "list"], env)).toBe(0);
      expect(io.out()).toContain(`${added?.[1]}\t${url}\tpublished,killed\tfa\t`);
      expect(await runCli(["webhook", "remove", added?.[1] ?? ""], env)).toBe(0);
      expect(await runCli(["webhook", "remove", added?.[1] ?? ""], env)).toBe(1);
      expect(io.err()).toContain("WEBHOOK_NOT_FOUND");
      expect(await runCli(["webhook", "add", "--url", "gopher://x.example/"], env)).toBe(1);
      expect(io.err()).toContain("WEBHOOK_URL_INVALID");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
