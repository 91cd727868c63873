import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { captureOutput } from "../../test/support/capture-output.js";
import { loadConfig } from "../config/config.js";
import { generateKeyFile } from "../security/signing-key-file.js";
import { runPackageCommand } from "./package-command.js";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-package-cli-"));
const env = {
  SIGNING_KEY_FILE: join(dir, "signing-key.json"),
  DATABASE_URL: `sqlite:${join(dir, "db.sqlite")}`,
  PACKAGES_DIR: join(dir, "packages"),
  LOG_LEVEL: "silent",
};
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

describe("newsdesk package", () => {
  it.each([
    [["--format", "epub"], "--service must name a service"],
    [["--service", "xx", "--format", "epub"], "--service must name a service"],
    [["--service", "fa"], "--format must be epub or zim"],
    [["--service", "fa", "--format", "pdf"], "--format must be epub or zim"],
    [["--service", "fa", "--format", "zim", "--top", "0"], "--top must be a whole number"],
    [["--service", "fa", "--format", "zim", "--top", "2.5"], "--top must be a whole number"],
    [["--service", "fa", "--format", "zim", "--out", ""], "--out must be a file path"],
    [["--service", "fa", "--format", "zim", "extra"], "unexpected argument extra"],
    [["--service", "fa", "--colour", "red"], "Unknown option '--colour'"],
  ])("%j exits 2: %s", async (argv, message) => {
    const output = captureOutput();
    expect(await runPackageCommand(argv, env)).toBe(2);
    expect(output.err()).toContain(message);
    expect(output.err()).toContain("Usage: newsdesk package");
  });

  it("says how to create a signing key when there is none", async () => {
    const output = captureOutput();
    expect(await runPackageCommand(["--service", "fa", "--format", "epub"], env)).toBe(1);
    expect(output.err()).toContain("run `newsdesk keys generate`");
  });

  it("writes <edition>-<date>.<format> and its signature into PACKAGES_DIR by default", async () => {
    await generateKeyFile(env.SIGNING_KEY_FILE, new Date());
    const output = captureOutput();
    // serbian-cyrillic: an edition prefix works as well as a service id.
    expect(
      await runPackageCommand(["--service", "serbian-cyrillic", "--format", "epub"], env),
    ).toBe(0);
    const day = new Date().toISOString().slice(0, 10);
    const name = `serbian-cyrillic-${day}.epub`;
    expect(readdirSync(env.PACKAGES_DIR).sort()).toEqual([name, `${name}.minisig`]);
    expect(output.out()).toContain(`Packaged serbian-cyrillic as epub into`);
    expect(existsSync(join(env.PACKAGES_DIR, name))).toBe(true);
  });
});

describe("PACKAGES_* configuration", () => {
  it("reads the daily services, formats and kept days, and rejects nonsense", () => {
    const config = loadConfig({
      PACKAGES_DIR: "/srv/packages",
      PACKAGES_DAILY: "fa, ru",
      PACKAGES_FORMATS: "epub",
      PACKAGES_KEEP_DAYS: "3",
    });
    expect(config.packagesDir).toBe("/srv/packages");
    expect(config.packagesDaily).toEqual({
      serviceIds: ["fa", "ru"],
      formats: ["epub"],
      keepDays: 3,
    });
    expect(loadConfig({}).packagesDaily.formats).toEqual(["epub", "zim"]);
    expect(loadConfig({ DATABASE_URL: "sqlite:/var/lib/nd/db.sqlite" }).packagesDir).toBe(
      "/var/lib/nd/packages",
    );
    expect(() => loadConfig({ PACKAGES_DAILY: "fa,xx" })).toThrow(/PACKAGES_DAILY/);
    expect(() => loadConfig({ PACKAGES_FORMATS: "pdf" })).toThrow(/PACKAGES_FORMATS/);
    expect(() => loadConfig({ PACKAGES_KEEP_DAYS: "0" })).toThrow(/PACKAGES_KEEP_DAYS/);
  });
});
