import { z } from "zod";

/**
 * Where cache invalidations go beyond this instance: a CDN or shared cache purged by the
 * same tags the page cache uses (`Surrogate-Key`). One provider at a time:
 * - `generic`: `POST {"tags": [...]}` to CDN_PURGE_URL (any purge service of your own);
 * - `varnish`: `PURGE` with an `xkey-purge` header to CDN_PURGE_URL (docs/ops/varnish.vcl);
 * - `fastly`: the Fastly API's batch surrogate-key purge, FASTLY_SERVICE_ID and FASTLY_API_TOKEN;
 * - `cloudflare`: the Cloudflare API's purge by cache tag, CLOUDFLARE_ZONE_ID and
 *   CLOUDFLARE_API_TOKEN.
 * For the two APIs CDN_PURGE_URL may replace the API's base URL (an egress proxy, a test stub).
 */
export type CdnPurgeConfig =
  | { readonly provider: "generic" | "varnish"; readonly url: string }
  | {
      readonly provider: "fastly";
      readonly serviceId: string;
      readonly apiToken: string;
      /** The API base URL set by the operator, if not Fastly's own. */
      readonly url: string | undefined;
    }
  | {
      readonly provider: "cloudflare";
      readonly zoneId: string;
      readonly apiToken: string;
      readonly url: string | undefined;
    };

const purgeUrl = z.url({ protocol: /^https?$/ });
/** A credential goes into a header: printable ASCII, no spaces, no line breaks. */
const apiToken = z
  .string()
  .min(16, { message: "must be at least 16 characters" })
  .max(512)
  .regex(/^[\x21-\x7e]+$/, { message: "must be printable ASCII without spaces" });

const cdnPurgeEnvSchema = z.discriminatedUnion("CDN_PURGE_PROVIDER", [
  z.object({ CDN_PURGE_PROVIDER: z.enum(["generic", "varnish"]), CDN_PURGE_URL: purgeUrl }),
  z.object({
    CDN_PURGE_PROVIDER: z.literal("fastly"),
    // Fastly service IDs are alphanumeric (22 characters today).
    FASTLY_SERVICE_ID: z.string().regex(/^[A-Za-z0-9]{1,64}$/, { message: "must be alphanumeric" }),
    FASTLY_API_TOKEN: apiToken,
    CDN_PURGE_URL: purgeUrl.optional(),
  }),
  z.object({
    CDN_PURGE_PROVIDER: z.literal("cloudflare"),
    // Cloudflare zone IDs are 32 lower-case hexadecimal digits.
    CLOUDFLARE_ZONE_ID: z.string().regex(/^[0-9a-f]{32}$/, { message: "must be 32 hex digits" }),
    CLOUDFLARE_API_TOKEN: apiToken,
    CDN_PURGE_URL: purgeUrl.optional(),
  }),
]);

/**
 * Reads the CDN purge settings from the environment: none when neither CDN_PURGE_PROVIDER
 * nor CDN_PURGE_URL is set; `generic` when only CDN_PURGE_URL is (what it always meant).
 * Returns the problems, each `NAME: message`, when the settings do not fit together.
 */
export function parseCdnPurgeConfig(
  env: Record<string, string | undefined>,
): { readonly config: CdnPurgeConfig | undefined } | { readonly problems: string[] } {
  const provider = env.CDN_PURGE_PROVIDER ?? (env.CDN_PURGE_URL ? "generic" : undefined);
  if (provider === undefined) return { config: undefined };
  const result = cdnPurgeEnvSchema.safeParse({ ...env, CDN_PURGE_PROVIDER: provider });
  if (!result.success) {
    return { problems: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  }
  const e = result.data;
  switch (e.CDN_PURGE_PROVIDER) {
    case "fastly":
      return {
        config: Object.freeze({
          provider: "fastly",
          serviceId: e.FASTLY_SERVICE_ID,
          apiToken: e.FASTLY_API_TOKEN,
          url: e.CDN_PURGE_URL,
        }),
      };
    case "cloudflare":
      return {
        config: Object.freeze({
          provider: "cloudflare",
          zoneId: e.CLOUDFLARE_ZONE_ID,
          apiToken: e.CLOUDFLARE_API_TOKEN,
          url: e.CDN_PURGE_URL,
        }),
      };
    default:
      return { config: Object.freeze({ provider: e.CDN_PURGE_PROVIDER, url: e.CDN_PURGE_URL }) };
  }
}
