import { z } from "zod";

/**
 * Mirrors (issue 16): other origins that serve a language service's pages where its own
 * domain is blocked. `https`: another host name (a cloud-hosted "Collateral Freedom"
 * mirror); `onion`: a Tor onion service (sent as `Onion-Location`); `static`: a static
 * export served by a plain web server or bucket, possibly under a path prefix.
 */
export const mirrorKinds = ["https", "onion", "static"] as const;
export type MirrorKind = (typeof mirrorKinds)[number];

export interface Mirror {
  readonly id: string;
  readonly serviceId: string;
  readonly kind: MirrorKind;
  /** Origin plus optional path prefix, no trailing slash: `https://host[/prefix]` or `http://<56 chars>.onion`. */
  readonly url: string;
  /** Shown to readers beside the link (e.g. "Tor Browser only"); may be empty. */
  readonly note: string;
  readonly createdAt: string;
}

export const mirrorInputSchema = z.object({
  kind: z.enum(mirrorKinds),
  url: z.string().trim().min(1).max(300),
  note: z.string().trim().max(200),
});
export type MirrorInput = z.infer<typeof mirrorInputSchema>;

/** What pages, `/mirrors.json` and static exports read. */
export interface MirrorReadRepository {
  listAll(): Promise<Mirror[]>;
  listForService(serviceId: string): Promise<Mirror[]>;
}
