import { z } from "zod";
import { serviceIdSchema, slugSchema } from "../stories/story-schema.js";
import { DEFAULT_MAX_WIRE_BYTES } from "./wire-document-parser.js";

/** Agency codes are the keys of the `agencies` table (`AFP`, `REUTERS`, `DPA`). */
const agencyCodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Z0-9_-]+$/, { message: "Agency codes are upper-case letters, digits, - or _." });

const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, { message: "Use a BCP 47 language tag." });

const commonFields = {
  name: z.string().trim().min(1).max(200),
  agencyCode: agencyCodeSchema,
  /** The name readers see in the credit note ("Contains information from AFP"). */
  agencyName: z.string().trim().min(1).max(100),
  /** The language service drafts built from this source go to by default. */
  serviceId: serviceIdSchema,
  /** Language assumed when an item does not say. */
  language: languageTagSchema.optional(),
  /** Subject code or name (e.g. `medtop:04000000`, `economy`) → section slug of the service. */
  subjectSections: z
    .record(z.string().trim().min(1).max(300), slugSchema)
    .refine((map) => Object.keys(map).length <= 500, { message: "At most 500 mappings." })
    .default({}),
  /** Files larger than this are quarantined unread (default 10 MB). */
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .default(DEFAULT_MAX_WIRE_BYTES),
  enabled: z.boolean().default(true),
};

const httpPullSourceSchema = z.object({
  kind: z.literal("http-pull"),
  ...commonFields,
  url: z.url({ protocol: /^https?$/ }),
  intervalSeconds: z.number().int().min(5).max(86_400).default(60),
  timeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  /** The longest wait between attempts after repeated failures (exponential backoff cap). */
  maxBackoffSeconds: z.number().int().min(5).max(86_400).default(3600),
});

const dropDirectorySourceSchema = z.object({
  kind: z.literal("drop-directory"),
  ...commonFields,
  directory: z.string().trim().min(1).max(4096),
  intervalSeconds: z.number().int().min(1).max(86_400).default(10),
  /**
   * A file must be unchanged this long before it is read, so a half-uploaded FTP file is
   * never ingested (agencies rarely upload under a temporary name).
   */
  settleMs: z.number().int().min(0).max(600_000).default(2000),
});

const pushSourceSchema = z.object({
  kind: z.literal("push"),
  ...commonFields,
});

/**
 * Where agency copy comes from. Every source names the agency it credits, the language
 * service its copy goes to by default and how the agency's subject codes map to sections.
 * Three kinds: an HTTP(S) feed Newsdesk polls, a drop directory (the classic agency FTP
 * drop) and a push endpoint the agency posts to with a bearer token.
 */
export const wireSourceInputSchema = z.discriminatedUnion("kind", [
  httpPullSourceSchema,
  dropDirectorySourceSchema,
  pushSourceSchema,
]);
export type WireSourceConfig = z.infer<typeof wireSourceInputSchema>;

export type WireSource = WireSourceConfig & {
  readonly id: string;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** Polling state of a pull or drop-directory source (the scheduler's memory). */
export interface WireSourceState {
  readonly nextPollAt: string;
  /** Conditional GET validators from the last 200 answer (RFC 9110 13.1). */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Consecutive failed polls; drives the exponential backoff. */
  readonly failures: number;
  readonly lastPolledAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: string | null;
}

export type WireSourceWithState = WireSource & { readonly state: WireSourceState };

type WithoutLocation<T> = T extends unknown ? Omit<T, "url" | "directory"> : never;

/**
 * A source as a caller sees it: where it reads from (the feed URL or drop directory) only
 * for those who may configure the source's service (`mayManageWireSources`).
 */
export type WireSourceView = WireSourceWithState | WithoutLocation<WireSourceWithState>;
