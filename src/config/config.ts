import { delimiter, dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { NewsdeskError } from "../domain/error-catalogue.js";
import { isServiceId, type ServiceId } from "../domain/services/service-registry.js";
import { parseCidr } from "../domain/users/ip-address.js";
import { type CdnPurgeConfig, parseCdnPurgeConfig } from "./cdn-purge-config.js";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default("0.0.0.0"),
  /**
   * Strict on purpose: a bare word ("newsdesk", a typo) used to become a new SQLite file and
   * a freshly seeded demo newsroom. Unset, development uses ./data/newsdesk.db.
   */
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^(postgres(ql)?:\/\/[^\s]+|sqlite:[^\s].*|file:[^\s].*)$/i.test(v), {
      message:
        "must be sqlite:<path>, file:<path> (or a file:// URL) or postgres://… / postgresql://…",
    })
    .optional(),
  /**
   * The access log: `full` (every request, the default), `off`, or the share of requests to
   * log (`0.1`); responses with a server error are always logged.
   */
  ACCESS_LOG: z
    .string()
    .default("full")
    .transform((value) => (value === "full" ? 1 : value === "off" ? 0 : Number(value)))
    .refine((share) => Number.isFinite(share) && share >= 0 && share <= 1, {
      message: "must be full, off or a share between 0 and 1",
    }),
  /** `production` (or `newsdesk start --production`): see Config.production. */
  NODE_ENV: z.string().optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PUBLISHER_NAME: z.string().min(1).max(200).default("Meridian News Network"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** auto: seed the demo newsroom when the database has no stories; never/always are explicit. */
  SEED_DEMO: z.enum(["auto", "never", "always"]).default("auto"),
  /** on: seeding the demo also queues its generated recordings (ffmpeg, in the background). */
  DEMO_MEDIA: z.enum(["on", "off"]).default("on"),
  /** Memory for the in-process page cache, in megabytes. */
  PAGE_CACHE_MB: z.coerce.number().int().min(1).max(65_536).default(256),
  /**
   * 1: webhook URLs may point at private, loopback and link-local addresses (tests, closed
   * networks). Refused by default, against server-side request forgery.
   */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /** Largest audio and video uploads, in MB, and the longest clip, in minutes (issue 17). */
  CLIP_MAX_AUDIO_MB: z.coerce.number().int().min(1).max(4096).default(200),
  CLIP_MAX_VIDEO_MB: z.coerce.number().int().min(1).max(16_384).default(500),
  CLIP_MAX_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(240),
  /**
   * `GET /metrics` on the main port, for whoever sends `Authorization: Bearer <token>`.
   * Unset (and no METRICS_PORT): there is no metrics endpoint.
   */
  METRICS_TOKEN: z
    .string()
    .min(16, { message: "must be at least 16 characters" })
    .max(256)
    .regex(/^[\x21-\x7e]+$/, { message: "must be printable ASCII without spaces" })
    .optional(),
  /** A separate listener that serves only `/metrics`, without a token (keep it private). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  /** Set by `newsdesk start --workers N` on the processes it forks; not for operators. */
  NEWSDESK_CLUSTER_WORKER: z.enum(["0", "1"]).default("0"),
  /** OWASP ASVS 4.0.3 V3.3.2 (level 2): sessions end after 30 minutes without a request… */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** …and 12 hours after log-in, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(12),
  /** 1: administrators and service admins must use two-factor authentication (TOTP). */
  REQUIRE_2FA: z.enum(["0", "1"]).default("0"),
  /**
   * The directories drop-directory wire sources may point into: absolute paths separated by
   * the OS path delimiter (`:`). Empty by default, which turns drop directories off.
   */
  WIRE_DROP_ROOTS: z
    .string()
    .default("")
    .transform((value) => value.split(delimiter).filter((root) => root.trim() !== ""))
    .refine((roots) => roots.every((root) => isAbsolute(root)), {
      message: "every drop root must be an absolute path",
    }),
  /**
   * 1: HTTP-pull wire sources may fetch from private, loopback and link-local addresses
   * (tests, closed networks). Refused by default, against server-side request forgery.
   */
  WIRE_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /**
   * Comma-separated CIDRs (or single addresses) of the reverse proxies in front of Newsdesk.
   * Only when the socket peer is one of them is the client taken from X-Forwarded-For; empty
   * by default, so a client cannot choose its own address (and its own log-in throttle).
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .check((ctx) => {
      for (const entry of ctx.value) {
        if (!parseCidr(entry)) {
          ctx.issues.push({
            code: "custom",
            input: ctx.value,
            message: `${JSON.stringify(entry)} is not an IP address or CIDR range`,
          });
        }
      }
    }),
  /**
   * Where media bytes live (ADR 0014): `dir:<path>` or `s3://bucket/prefix`. Unset: the
   * `media` directory beside the SQLite file (PostgreSQL in production must set it).
   */
  MEDIA_STORE: z.string().trim().min(1).optional(),
  /** The store being emptied by `newsdesk media migrate`: still read until it is done. */
  MEDIA_PREVIOUS_STORE: z.string().trim().min(1).optional(),
  /** An S3-compatible endpoint (MinIO, Ceph, Garage…); AWS itself when unset. */
  MEDIA_S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  MEDIA_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/, { message: "must be a region name such as eu-west-1" })
    .default("us-east-1"),
  /** 1: `endpoint/bucket/key` URLs, which most self-hosted stores need. */
  MEDIA_S3_FORCE_PATH_STYLE: z.enum(["0", "1"]).default("0"),
  /** Readers are redirected (302) to this base URL + the object's key instead of streaming. */
  MEDIA_PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The Ed25519 key that signs /mirrors.json, static exports and offline packages (issue 16):
   * a file outside the database, created by `newsdesk keys generate` with mode 0600.
   * Default: signing-key.json beside a SQLite database, else ./data/signing-key.json.
   */
  SIGNING_KEY_FILE: z.string().trim().min(1).optional(),
  /**
   * Static mirrors the server keeps in sync (docs/reach.md): `<service>=<absolute dir>`
   * pairs separated by commas; each is exported incrementally every MIRROR_SYNC_MINUTES,
   * then MIRROR_SYNC_COMMAND runs with MIRROR_DIR and MIRROR_SERVICE in its environment.
   */
  MIRROR_SYNC: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((pair) => pair.trim())
        .filter((pair) => pair !== "")
        .map((pair) => {
          const at = pair.indexOf("=");
          return { serviceId: pair.slice(0, at), dir: pair.slice(at + 1) };
        }),
    )
    .refine(
      (targets) =>
        targets.every((t) => isServiceId(t.serviceId) && t.dir !== "" && isAbsolute(t.dir)),
      { message: "must be <service id>=<absolute directory> pairs separated by commas" },
    ),
  MIRROR_SYNC_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  MIRROR_SYNC_COMMAND: z.string().trim().min(1).max(2000).optional(),
  /**
   * Offline packages (issue 16): where `newsdesk package` writes by default and from where
   * `/_/packages/<file>` serves them. Default: packages/ beside a SQLite database, else
   * ./data/packages.
   */
  PACKAGES_DIR: z.string().trim().min(1).max(4096).optional(),
  /** Services whose offline packages the server builds daily (src/export/daily-packages.ts). */
  PACKAGES_DAILY: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((id) => id.trim())
        .filter((id) => id !== ""),
    )
    .refine((ids) => ids.every((id) => isServiceId(id)), {
      message: "must be service ids separated by commas (e.g. fa,ru)",
    }),
  PACKAGES_FORMATS: z
    .string()
    .default("epub,zim")
    .transform((value) => value.split(",").map((f) => f.trim()))
    .refine((formats) => formats.every((f) => f === "epub" || f === "zim"), {
      message: "must be epub, zim or epub,zim",
    }),
  PACKAGES_KEEP_DAYS: z.coerce.number().int().min(1).max(366).default(7),
});

/** A media store as MEDIA_STORE names it. */
export type MediaStoreConfig =
  | { readonly kind: "dir"; readonly path: string }
  | { readonly kind: "s3"; readonly bucket: string; readonly prefix: string };

export interface MediaConfig {
  /** MEDIA_STORE: new objects go here. */
  readonly store: MediaStoreConfig;
  /** MEDIA_PREVIOUS_STORE: read while `newsdesk media migrate` moves its objects. */
  readonly previousStore: MediaStoreConfig | undefined;
  readonly s3: {
    readonly endpoint: string | undefined;
    readonly region: string;
    readonly forcePathStyle: boolean;
  };
  readonly publicBaseUrl: string | undefined;
}

const mediaStoreForms = "dir:<path> or s3://<bucket>/<prefix>";
/** S3 bucket names: 3–63 lower-case letters, digits, dots and hyphens. */
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const prefixSegment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `dir:<path>` or `s3://bucket/prefix`; a sentence naming the problem otherwise. */
function parseMediaStore(variable: string, value: string): MediaStoreConfig {
  const fail = (why: string): never => {
    throw new NewsdeskError("CONFIG_INVALID", {
      detail: `Invalid configuration: ${variable}: ${JSON.stringify(value.slice(0, 200))} ${why}; use ${mediaStoreForms}.`,
    });
  };
  if (/^dir:/i.test(value)) {
    const path = value.slice("dir:".length);
    if (path.trim() === "" || /[\0]/.test(path)) fail("names no directory");
    return { kind: "dir", path };
  }
  const s3 = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(value);
  if (s3) {
    const bucket = s3[1] ?? "";
    const prefix = (s3[2] ?? "").replace(/\/+$/, "");
    if (!bucketName.test(bucket)) fail("has no valid bucket name (3–63 of a-z, 0-9, '.', '-')");
    if (prefix !== "" && !prefix.split("/").every((segment) => prefixSegment.test(segment))) {
      fail("has a prefix that is not slash-separated letters, digits, '.', '_' and '-'");
    }
    return { kind: "s3", bucket, prefix };
  }
  return fail("is not a media store");
}

function mediaConfig(
  e: z.infer<typeof envSchema>,
  databaseUrl: string,
  production: boolean,
): MediaConfig {
  const sqlitePath = /^sqlite:/i.test(databaseUrl)
    ? databaseUrl.replace(/^sqlite:(\/\/)?/i, "")
    : undefined;
  if (!e.MEDIA_STORE && production && sqlitePath === undefined) {
    throw new NewsdeskError("CONFIG_INVALID", {
      detail:
        "Invalid configuration: production with PostgreSQL needs MEDIA_STORE set explicitly (s3://<bucket>/<prefix>, or dir:<path> on storage every instance shares).",
    });
  }
  // The embedded default sits beside the database file, so one directory holds a newsroom.
  const store = e.MEDIA_STORE
    ? parseMediaStore("MEDIA_STORE", e.MEDIA_STORE)
    : ({
        kind: "dir",
        path:
          sqlitePath && sqlitePath !== ":memory:"
            ? join(dirname(sqlitePath), "media")
            : join("data", "media"),
      } as const);
  const previousStore = e.MEDIA_PREVIOUS_STORE
    ? parseMediaStore("MEDIA_PREVIOUS_STORE", e.MEDIA_PREVIOUS_STORE)
    : undefined;
  if (previousStore && previousStore.kind === store.kind) {
    throw new NewsdeskError("CONFIG_INVALID", {
      detail: `Invalid configuration: MEDIA_PREVIOUS_STORE must be the other kind of store than MEDIA_STORE (both are ${store.kind}); to move between two ${store.kind === "dir" ? "directories, copy the files" : "buckets, copy the objects"} with the store's own tools.`,
    });
  }
  return Object.freeze({
    store: Object.freeze(store),
    previousStore: previousStore && Object.freeze(previousStore),
    s3: Object.freeze({
      endpoint: e.MEDIA_S3_ENDPOINT,
      region: e.MEDIA_S3_REGION,
      forcePathStyle: e.MEDIA_S3_FORCE_PATH_STYLE === "1",
    }),
    publicBaseUrl: e.MEDIA_PUBLIC_BASE_URL?.replace(/\/+$/, ""),
  });
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** `postgres://…` or `sqlite:<path>` (`file:` forms are normalized to the latter). */
  readonly databaseUrl: string;
  /**
   * Production mode: never seeds demo content or accounts, needs an explicit DATABASE_URL
   * and PUBLIC_URL, and requires two-factor authentication for administrators.
   */
  readonly production: boolean;
  /** Create a missing SQLite directory: `--create`, or the development default path. */
  readonly createDatabase: boolean;
  /** Whether PUBLIC_URL was set (development falls back to localhost and says so). */
  readonly publicUrlSet: boolean;
  /** ACCESS_LOG: the share of requests with an access-log line (1 = all). */
  readonly accessLogSample: number;
  readonly publicUrl: string;
  readonly publisherName: string;
  readonly logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  readonly seedDemo: "auto" | "never" | "always";
  /** Whether a demo seed queues the demo episodes' generated recordings (DEMO_MEDIA). */
  readonly demoMedia: boolean;
  readonly pageCacheBytes: number;
  /** CDN_PURGE_PROVIDER, CDN_PURGE_URL and the provider's credentials (cdn-purge-config.ts). */
  readonly cdnPurge: CdnPurgeConfig | undefined;
  /** WEBHOOK_ALLOW_PRIVATE=1: webhooks may target private and loopback addresses. */
  readonly webhookAllowPrivate: boolean;
  /** CLIP_MAX_AUDIO_MB, CLIP_MAX_VIDEO_MB and CLIP_MAX_MINUTES, in bytes and milliseconds. */
  readonly clipLimits: {
    readonly maxAudioBytes: number;
    readonly maxVideoBytes: number;
    readonly maxDurationMs: number;
  };
  /** This process is a worker forked by `--workers N`: changes fan out over cluster IPC. */
  readonly clusterWorker: boolean;
  /** SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS, in milliseconds. */
  readonly sessionIdleMs: number;
  readonly sessionAbsoluteMs: number;
  /** REQUIRE_2FA=1: administrators and service admins must enrol a second factor. */
  readonly requireSecondFactor: boolean;
  /** WIRE_DROP_ROOTS: where drop-directory sources may point; none turns them off. */
  readonly wireDropRoots: readonly string[];
  /** WIRE_ALLOW_PRIVATE=1: pull sources may fetch from private and loopback addresses. */
  readonly wireAllowPrivate: boolean;
  /** TRUSTED_PROXIES: CIDRs whose X-Forwarded-For is believed (src/http/client-ip.ts). */
  readonly trustedProxies: readonly string[];
  /** METRICS_TOKEN: `/metrics` on the main port needs it as a bearer token. */
  readonly metricsToken: string | undefined;
  /** METRICS_PORT and METRICS_HOST: a separate metrics listener, or none. */
  readonly metricsListen: { readonly port: number; readonly host: string } | undefined;
  /** MEDIA_STORE and friends: where media bytes live (ADR 0014). */
  readonly media: MediaConfig;
  /** SIGNING_KEY_FILE: the signing key file (src/security/signing-key-file.ts). */
  readonly signingKeyFile: string;
  /** MIRROR_SYNC*: static mirror directories kept in sync (src/export/mirror-sync.ts). */
  readonly mirrorSync: {
    readonly targets: readonly { readonly serviceId: ServiceId; readonly dir: string }[];
    readonly everyMs: number;
    readonly command: string | undefined;
  };
  /** PACKAGES_DIR: offline packages served at /_/packages/ (src/export/package-directory.ts). */
  readonly packagesDir: string;
  /** PACKAGES_DAILY, PACKAGES_FORMATS, PACKAGES_KEEP_DAYS (src/export/daily-packages.ts). */
  readonly packagesDaily: {
    readonly serviceIds: readonly ServiceId[];
    readonly formats: readonly ("epub" | "zim")[];
    readonly keepDays: number;
  };
}

const developmentDatabase = "sqlite:./data/newsdesk.db";

/** `file:/x`, `file:x` and `file:///x` name a SQLite file like `sqlite:` does. */
function normalizeDatabaseUrl(url: string): string {
  if (/^file:\/\//i.test(url)) return `sqlite:${fileURLToPath(url)}`;
  if (/^file:/i.test(url)) return `sqlite:${url.slice("file:".length)}`;
  return url;
}

/** Beside a SQLite database (its data directory); PostgreSQL deployments use ./data. */
function defaultSigningKeyFile(databaseUrl: string): string {
  const sqlitePath = /^sqlite:(.+)$/i.exec(databaseUrl)?.[1];
  return join(
    sqlitePath && sqlitePath !== ":memory:" ? dirname(sqlitePath) : "data",
    "signing-key.json",
  );
}

/** Parses the environment once, at start; the frozen result is passed to whoever needs it. */
export function loadConfig(
  env: Record<string, string | undefined>,
  flags: { readonly production?: boolean; readonly create?: boolean } = {},
): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new NewsdeskError("CONFIG_INVALID", { detail: `Invalid configuration: ${problems}` });
  }
  const e = result.data;
  const cdnPurge = parseCdnPurgeConfig(env);
  if ("problems" in cdnPurge) {
    throw new NewsdeskError("CONFIG_INVALID", {
      detail: `Invalid configuration: ${cdnPurge.problems.join("; ")}`,
    });
  }
  const production = flags.production === true || e.NODE_ENV === "production";
  if (production) {
    const missing = [
      e.DATABASE_URL ? null : "DATABASE_URL",
      e.PUBLIC_URL ? null : "PUBLIC_URL",
    ].filter((name) => name !== null);
    const problems = [
      missing.length > 0 ? `production needs ${missing.join(" and ")} set explicitly` : null,
      e.SEED_DEMO === "always"
        ? "SEED_DEMO=always would create demo accounts with public passwords"
        : null,
    ].filter((problem) => problem !== null);
    if (problems.length > 0) {
      throw new NewsdeskError("CONFIG_INVALID", {
        detail: `Invalid configuration: ${problems.join("; ")}.`,
      });
    }
  }
  const databaseUrl = normalizeDatabaseUrl(e.DATABASE_URL ?? developmentDatabase);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl,
    production,
    createDatabase: flags.create === true || e.DATABASE_URL === undefined,
    publicUrlSet: e.PUBLIC_URL !== undefined,
    accessLogSample: e.ACCESS_LOG,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    publisherName: e.PUBLISHER_NAME,
    logLevel: e.LOG_LEVEL,
    // Demo accounts have public passwords: never in production.
    seedDemo: production ? "never" : e.SEED_DEMO,
    demoMedia: e.DEMO_MEDIA === "on",
    pageCacheBytes: e.PAGE_CACHE_MB * 1024 * 1024,
    cdnPurge: cdnPurge.config,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === "1",
    clipLimits: Object.freeze({
      maxAudioBytes: e.CLIP_MAX_AUDIO_MB * 1024 * 1024,
      maxVideoBytes: e.CLIP_MAX_VIDEO_MB * 1024 * 1024,
      maxDurationMs: e.CLIP_MAX_MINUTES * 60_000,
    }),
    clusterWorker: e.NEWSDESK_CLUSTER_WORKER === "1",
    sessionIdleMs: e.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_HOURS * 3_600_000,
    requireSecondFactor: production || e.REQUIRE_2FA === "1",
    wireDropRoots: Object.freeze([...e.WIRE_DROP_ROOTS]),
    wireAllowPrivate: e.WIRE_ALLOW_PRIVATE === "1",
    trustedProxies: Object.freeze(e.TRUSTED_PROXIES),
    metricsToken: e.METRICS_TOKEN,
    metricsListen:
      e.METRICS_PORT === undefined
        ? undefined
        : Object.freeze({ port: e.METRICS_PORT, host: e.METRICS_HOST }),
    media: mediaConfig(e, databaseUrl, production),
    signingKeyFile: e.SIGNING_KEY_FILE ?? defaultSigningKeyFile(databaseUrl),
    packagesDir: e.PACKAGES_DIR ?? join(dirname(defaultSigningKeyFile(databaseUrl)), "packages"),
    packagesDaily: Object.freeze({
      serviceIds: Object.freeze(e.PACKAGES_DAILY as ServiceId[]),
      formats: Object.freeze(e.PACKAGES_FORMATS as ("epub" | "zim")[]),
      keepDays: e.PACKAGES_KEEP_DAYS,
    }),
    mirrorSync: Object.freeze({
      targets: Object.freeze(
        e.MIRROR_SYNC.map((t) =>
          Object.freeze({ serviceId: t.serviceId as ServiceId, dir: t.dir }),
        ),
      ),
      everyMs: e.MIRROR_SYNC_MINUTES * 60_000,
      command: e.MIRROR_SYNC_COMMAND,
    }),
  });
}
