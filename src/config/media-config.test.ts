import { describe, expect, it, vi } from "vitest";
import { captureOutput } from "../../test/support/capture-output.js";
import { runCli } from "../cli/cli.js";
import { loadConfig } from "./config.js";

describe("MEDIA_STORE", () => {
  it("defaults to a media directory beside the SQLite file", () => {
    expect(
      loadConfig({ DATABASE_URL: "sqlite:/var/lib/newsdesk/newsdesk.db" }).media.store,
    ).toEqual({ kind: "dir", path: "/var/lib/newsdesk/media" });
    expect(loadConfig({}).media.store).toEqual({ kind: "dir", path: "data/media" });
  });

  it("reads dir: and s3:// stores with the S3 settings", () => {
    expect(loadConfig({ MEDIA_STORE: "dir:/srv/media" }).media.store).toEqual({
      kind: "dir",
      path: "/srv/media",
    });
    const media = loadConfig({
      MEDIA_STORE: "s3://news-media/prod/images/",
      MEDIA_PREVIOUS_STORE: "dir:/srv/media",
      MEDIA_S3_ENDPOINT: "http://minio.internal:9000",
      MEDIA_S3_REGION: "eu-central-1",
      MEDIA_S3_FORCE_PATH_STYLE: "1",
      MEDIA_PUBLIC_BASE_URL: "https://img.example.org/prod/images/",
    }).media;
    expect(media).toEqual({
      store: { kind: "s3", bucket: "news-media", prefix: "prod/images" },
      previousStore: { kind: "dir", path: "/srv/media" },
      s3: { endpoint: "http://minio.internal:9000", region: "eu-central-1", forcePathStyle: true },
      publicBaseUrl: "https://img.example.org/prod/images",
    });
    expect(loadConfig({ MEDIA_STORE: "s3://news-media" }).media.store).toEqual({
      kind: "s3",
      bucket: "news-media",
      prefix: "",
    });
  });

  it.each([
    ["ftp://host/media", "is not a media store"],
    ["/srv/media", "is not a media store"],
    ["dir:", "names no directory"],
    ["s3://", "has no valid bucket name"],
    ["s3://Bad_Bucket/x", "has no valid bucket name"],
    ["s3://bucket/../up", "has a prefix that is not"],
  ])("refuses MEDIA_STORE=%s with a sentence naming the forms", (value, why) => {
    expect(() => loadConfig({ MEDIA_STORE: value })).toThrow(
      `Invalid configuration: MEDIA_STORE: ${JSON.stringify(value)} ${why}`,
    );
    expect(() => loadConfig({ MEDIA_STORE: value })).toThrow(
      "use dir:<path> or s3://<bucket>/<prefix>.",
    );
  });

  it("refuses a previous store of the same kind, and bad S3 settings", () => {
    expect(() => loadConfig({ MEDIA_STORE: "dir:/a", MEDIA_PREVIOUS_STORE: "dir:/b" })).toThrow(
      "MEDIA_PREVIOUS_STORE must be the other kind of store than MEDIA_STORE",
    );
    expect(() => loadConfig({ MEDIA_S3_ENDPOINT: "minio:9000" })).toThrow("MEDIA_S3_ENDPOINT");
    expect(() => loadConfig({ MEDIA_S3_FORCE_PATH_STYLE: "yes" })).toThrow(
      "MEDIA_S3_FORCE_PATH_STYLE",
    );
    expect(() => loadConfig({ MEDIA_PUBLIC_BASE_URL: "img.example.org" })).toThrow(
      "MEDIA_PUBLIC_BASE_URL",
    );
  });

  it("needs MEDIA_STORE in production with PostgreSQL, not with SQLite", () => {
    const production = { NODE_ENV: "production", PUBLIC_URL: "https://news.example.org" };
    expect(() =>
      loadConfig({ ...production, DATABASE_URL: "postgres://db.internal/newsdesk" }),
    ).toThrow("production with PostgreSQL needs MEDIA_STORE set explicitly");
    expect(
      loadConfig({
        ...production,
        DATABASE_URL: "postgres://db.internal/newsdesk",
        MEDIA_STORE: "s3://news-media",
      }).media.store.kind,
    ).toBe("s3");
    expect(
      loadConfig({ ...production, DATABASE_URL: "sqlite:/var/lib/newsdesk/newsdesk.db" }).media
        .store,
    ).toEqual({ kind: "dir", path: "/var/lib/newsdesk/media" });
  });

  it("makes the CLI exit 1 with the message", async () => {
    for (const argv of [["migrate"], ["media", "status"], ["backup", "--out", "/tmp/x.backup"]]) {
      const io = captureOutput();
      const code = await runCli(argv, { DATABASE_URL: "sqlite::memory:", MEDIA_STORE: "nfs://x" });
      vi.restoreAllMocks();
      expect(code, argv.join(" ")).toBe(1);
      expect(io.err()).toContain(
        'CONFIG_INVALID: Invalid configuration: MEDIA_STORE: "nfs://x" is not a media store; use dir:<path> or s3://<bucket>/<prefix>.',
      );
    }
  });
});
