import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../../test/support/capture-output.js";
import { runCli } from "./cli.js";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the newsdesk CLI", () => {
  it("prints help listing start, migrate and seed-demo", async () => {
    const io = captureOutput();
    expect(await runCli(["--help"], {})).toBe(0);
    for (const command of [
      "start",
      "migrate",
      "seed-demo",
      "reindex-search",
      "DATABASE_URL",
      "PORT",
    ]) {
      expect(io.out()).toContain(command);
    }
  });

  it("refuses an unknown command with exit code 2", async () => {
    const io = captureOutput();
    expect(await runCli(["publish-everything"], {})).toBe(2);
    expect(io.err()).toContain('unknown command "publish-everything"');
  });

  it("explains invalid configuration and exits non-zero", async () => {
    const io = captureOutput();
    expect(await runCli(["migrate"], { PORT: "eighty" })).toBe(1);
    expect(io.err()).toMatch(/CONFIG_INVALID: Invalid configuration: PORT: /);
    expect(await runCli(["migrate"], { DATABASE_URL: "mysql://db/x" })).toBe(1);
    expect(io.err()).toContain(
      "DATABASE_URL: must be sqlite:<path>, file:<path> (or a file:// URL) or postgres://",
    );
    // A bare word used to become a new, demo-seeded SQLite database.
    expect(await runCli(["migrate"], { DATABASE_URL: "newsdesk" })).toBe(1);
    expect(io.err()).toContain("DATABASE_URL: must be sqlite:<path>");
  });

  it("refuses a SQLite path whose directory is missing, unless --create is given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-"));
    try {
      const io = captureOutput();
      const env = { DATABASE_URL: `sqlite:${join(dir, "typo", "db.sqlite")}`, LOG_LEVEL: "silent" };
      expect(await runCli(["migrate"], env)).toBe(1);
      expect(io.err()).toMatch(/CONFIG_INVALID: .*typo.* does not exist.*--create/);
      expect(await runCli(["migrate", "--create"], env)).toBe(0);
      expect(io.out()).toContain("Applied: 0001-core");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("prints its version", async () => {
    const io = captureOutput();
    expect(await runCli(["--version"], {})).toBe(0);
    expect(io.out()).toMatch(/^newsdesk \d+\.\d+\.\d+\n$/);
  });

  it("says clearly when the database cannot be reached", async () => {
    const io = captureOutput();
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const code = await runCli(["migrate"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(code).toBe(1);
    expect(io.err()).toMatch(
      /DB_UNREACHABLE: Cannot reach the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none/,
    );
  });

  it("migrates and seeds a SQLite database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-"));
    try {
      const io = captureOutput();
      const env = { DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`, LOG_LEVEL: "silent" };
      expect(await runCli(["migrate"], env)).toBe(0);
      expect(io.out()).toContain("Applied: 0001-core");
      expect(await runCli(["migrate"], env)).toBe(0);
      expect(io.out()).toContain("Schema is up to date.");
      expect(await runCli(["seed-demo"], env)).toBe(0);
      expect(io.out()).toMatch(/Seeded \d+ stories and 4 images; the demo episodes. recordings/);
      expect(await runCli(["reindex-search"], env)).toBe(0);
      expect(io.out()).toMatch(/Re-indexed [1-9]\d* stories\./);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("creates an account, sets its roles and resets its password; refuses without a password", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsdesk-cli-"));
    try {
      const io = captureOutput();
      const env = { DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`, LOG_LEVEL: "silent" };
      // The password comes from the environment only, never from the command line.
      expect(await runCli(["user", "create", "desk@example.test"], env)).toBe(1);
      expect(io.err()).toContain("NEWSDESK_PASSWORD");
      const withPassword = { ...env, NEWSDESK_PASSWORD: "a long and unusual passphrase 42" };
      const create = [
        "user",
        "create",
        "desk@example.test",
        "--name",
        "Desk",
        "--role",
        "en:editor",
      ];
      expect(await runCli(create, withPassword)).toBe(0);
      expect(io.out()).toMatch(/Created desk@example\.test \(/);
      // The server's password policy applies to the CLI too.
      expect(
        await runCli(["user", "create", "weak@example.test"], {
          ...env,
          NEWSDESK_PASSWORD: "password",
        }),
      ).toBe(1);
      expect(io.err()).toContain("Passwords need at least 12 characters");
      const roles = ["user", "set-role", "desk@example.test", "--role", "fa:reporter"];
      expect(await runCli(roles, env)).toBe(0);
      expect(io.out()).toContain("desk@example.test: fa:reporter");
      const reset = ["user", "reset-password", "desk@example.test"];
      expect(
        await runCli(reset, { ...env, NEWSDESK_PASSWORD: "another unusual passphrase 43" }),
      ).toBe(0);
      expect(io.out()).toContain("Password reset for desk@example.test");
      expect(await runCli(["user", "set-role", "nobody@example.test"], env)).toBe(1);
      expect(io.err()).toContain("USER_NOT_FOUND");

      // Listing, disabling, enabling and revoking tokens.
      expect(await runCli(["user", "list"], env)).toBe(0);
      expect(io.out()).toContain("desk@example.test\tDesk\tfa:reporter\tactive");
      expect(await runCli(["user", "disable", "desk@example.test"], env)).toBe(0);
      expect(io.out()).toContain("Disabled desk@example.test");
      expect(await runCli(["user", "list"], env)).toBe(0);
      expect(io.out()).toContain("desk@example.test\tDesk\tfa:reporter\tdisabled");
      expect(await runCli(["user", "enable", "desk@example.test"], env)).toBe(0);
      expect(io.out()).toContain("Enabled desk@example.test.");
      expect(await runCli(["user", "revoke-tokens", "desk@example.test"], env)).toBe(0);
      expect(io.out()).toMatch(
        /desk@example\.test: ended \d+ sessions and revoked \d+ API tokens\./,
      );
      expect(await runCli(["user", "disable"], env)).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
