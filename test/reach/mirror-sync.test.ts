import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MirrorSync } from "../../src/export/mirror-sync.js";
import { generateKeyFile, type KeyRing } from "../../src/security/signing-key-file.js";
import { startTestNewsdesk } from "../support/test-newsdesk.js";

const dir = mkdtempSync(join(tmpdir(), "newsdesk-mirror-sync-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("MIRROR_SYNC: the server keeps a static mirror in sync", () => {
  let newsdesk: Awaited<ReturnType<typeof startTestNewsdesk>>;
  let ring: KeyRing;
  beforeAll(async () => {
    ring = await generateKeyFile(join(dir, "key.json"), new Date());
    newsdesk = await startTestNewsdesk("sqlite");
  }, 60_000);
  afterAll(async () => newsdesk?.dispose());

  it("exports, then runs the command with the directory and service in its environment", async () => {
    const out = join(dir, "fa");
    const log = join(dir, "after-sync.log");
    let now = new Date("2026-03-01T10:00:00Z");
    const sync = new MirrorSync({
      targets: [{ serviceId: "fa", dir: out }],
      everyMs: 15 * 60_000,
      // A path with a space and a quote never reaches the shell as code: it is in $MIRROR_DIR.
      command: `printf '%s %s\\n' "$MIRROR_SERVICE" "$MIRROR_DIR" >> '${log}'`,
      fetchPage: async (path) => newsdesk.app.request(path),
      publicUrl: newsdesk.config.publicUrl,
      key: ring.current,
      clock: { now: () => now },
      logger: pino({ level: "silent" }),
    });
    await sync.poll();
    await sync.settle();
    expect(existsSync(join(out, "index.html"))).toBe(true);
    expect(existsSync(join(out, "MANIFEST.json.minisig"))).toBe(true);
    expect(readFileSync(log, "utf8")).toBe(`fa ${out}\n`);
    // Not due again for 15 minutes…
    now = new Date("2026-03-01T10:10:00Z");
    await sync.poll();
    await sync.settle();
    expect(readFileSync(log, "utf8").split("\n").filter(Boolean)).toHaveLength(1);
    // …then incremental, from the time the last export recorded.
    now = new Date("2026-03-01T10:16:00Z");
    await sync.poll();
    await sync.settle();
    expect(readFileSync(log, "utf8").split("\n").filter(Boolean)).toHaveLength(2);
    const state = JSON.parse(readFileSync(join(out, ".newsdesk-export.json"), "utf8"));
    expect(state.exportedAt).toBe("2026-03-01T10:16:00.000Z");
  }, 120_000);

  it("reports a failing command without stopping later syncs", async () => {
    const errors: unknown[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => errors.push(line) });
    const sync = new MirrorSync({
      targets: [{ serviceId: "fa", dir: join(dir, "fa-failing") }],
      everyMs: 60_000,
      command: "echo upload refused >&2; exit 3",
      fetchPage: async (path) => newsdesk.app.request(path),
      publicUrl: newsdesk.config.publicUrl,
      key: ring.current,
      clock: { now: () => new Date() },
      logger,
    });
    await sync.poll();
    await sync.settle();
    expect(String(errors[0])).toContain("MIRROR_SYNC_COMMAND exited with 3: upload refused");
  }, 120_000);
});
