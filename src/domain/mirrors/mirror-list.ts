import { createHash } from "node:crypto";
import { type ServiceConfig, serviceEditions } from "../services/service-registry.js";
import {
  keyIdHex,
  publicKeyBase64,
  publicKeyOf,
  type SigningKey,
  signMinisign,
} from "../signing/minisign.js";
import type { Mirror, MirrorReadRepository } from "./mirror-schema.js";

/**
 * `/mirrors.json` (issue 16, item 3): every edition's current mirrors, with a validity
 * period, signed in minisign's format so readers and apps can check it with the stock tool
 * (`minisign -Vm mirrors.json -P <key>`) wherever they got it from: a mirror, a feed, a
 * messenger forward. The JSON schema is documented in docs/mirrors-json.md.
 */
interface MirrorListDocument {
  readonly format: "newsdesk-mirrors/1";
  readonly publisher: string;
  /** The canonical origin (PUBLIC_URL): where the list would be fetched without a block. */
  readonly origin: string;
  readonly issued: string;
  /** Apps must not trust the list after this time (a replayed old list lists dead mirrors). */
  readonly expires: string;
  /** The minisign key id of the key that signs this list. */
  readonly keyId: string;
  readonly publicKey: string;
  readonly editions: readonly MirrorListEdition[];
}

interface MirrorListEdition {
  readonly service: string;
  readonly language: string;
  readonly name: string;
  /** The edition's home at the canonical origin. */
  readonly home: string;
  readonly mirrors: readonly {
    readonly kind: Mirror["kind"];
    readonly url: string;
    /** The edition's home on this mirror. */
    readonly home: string;
    readonly note: string;
  }[];
}

/** A list is valid for a week: long enough to outlive a blocking wave, short against replay. */
const mirrorListValidityMs = 7 * 86_400_000;
/**
 * The issue time is the start of the hour: every instance builds byte-identical documents
 * (Ed25519 signatures are deterministic), so a JSON file from one instance and its signature
 * from another still match.
 */
const issueGranularityMs = 3_600_000;

/**
 * An edition's home on a mirror. A static mirror holds one edition's export, whose
 * `index.html` is the home; a proxying (https/onion) mirror serves the whole site.
 */
function mirrorHome(mirror: Pick<Mirror, "kind" | "url">, edition: ServiceConfig): string {
  return mirror.kind === "static" ? `${mirror.url}/` : `${mirror.url}/${edition.urlPrefix}/`;
}

function mirrorListDocument(
  mirrors: readonly Mirror[],
  options: { publicUrl: string; publisherName: string; key: SigningKey; now: Date },
): MirrorListDocument {
  const issuedMs = Math.floor(options.now.getTime() / issueGranularityMs) * issueGranularityMs;
  const sorted = [...mirrors].sort(
    (a, b) => a.serviceId.localeCompare(b.serviceId) || a.url.localeCompare(b.url),
  );
  return {
    format: "newsdesk-mirrors/1",
    publisher: options.publisherName,
    origin: options.publicUrl,
    issued: new Date(issuedMs).toISOString(),
    expires: new Date(issuedMs + mirrorListValidityMs).toISOString(),
    keyId: keyIdHex(options.key.keyId),
    publicKey: publicKeyBase64(publicKeyOf(options.key)),
    editions: serviceEditions.map((edition) => ({
      service: edition.id,
      language: edition.locale,
      name: edition.name,
      home: `${options.publicUrl}/${edition.urlPrefix}/`,
      mirrors: sorted
        .filter((mirror) => mirror.serviceId === edition.id)
        .map((mirror) => ({
          kind: mirror.kind,
          url: mirror.url,
          home: mirrorHome(mirror, edition),
          note: mirror.note,
        })),
    })),
  };
}

export interface SignedMirrorList {
  readonly json: string;
  readonly minisig: string;
  readonly etag: string;
  readonly issued: string;
}

/**
 * Builds and signs the list, and keeps the result while neither the mirrors nor the issue
 * hour change: each request reads the mirror rows (one small query), so an admin's change on
 * any instance shows at once without a cross-instance purge, and signing happens only
 * when something changed.
 */
export class MirrorListPublisher {
  readonly #mirrors: MirrorReadRepository;
  readonly #options: { publicUrl: string; publisherName: string; key: SigningKey | undefined };
  #cached: { fingerprint: string; list: SignedMirrorList } | undefined;

  constructor(deps: {
    mirrors: MirrorReadRepository;
    publicUrl: string;
    publisherName: string;
    /** Undefined when no key file exists: the list is then not served at all. */
    key: SigningKey | undefined;
  }) {
    this.#mirrors = deps.mirrors;
    this.#options = deps;
  }

  get signingKey(): SigningKey | undefined {
    return this.#options.key;
  }

  /** The signed list at `now`, or undefined without a signing key. */
  async current(now: Date): Promise<SignedMirrorList | undefined> {
    const key = this.#options.key;
    if (!key) return undefined;
    const mirrors = await this.#mirrors.listAll();
    const issuedHour = Math.floor(now.getTime() / issueGranularityMs);
    const fingerprint = `${issuedHour}:${JSON.stringify(
      mirrors.map((m) => [m.serviceId, m.kind, m.url, m.note]),
    )}`;
    if (this.#cached?.fingerprint === fingerprint) return this.#cached.list;
    const document = mirrorListDocument(mirrors, { ...this.#options, key, now });
    const json = `${JSON.stringify(document, null, 2)}\n`;
    const minisig = signMinisign(
      Buffer.from(json, "utf8"),
      key,
      `timestamp:${Math.floor(Date.parse(document.issued) / 1000)}\tfile:mirrors.json\thashed`,
    );
    const etag = `"${createHash("sha256").update(json).digest("base64url").slice(0, 27)}"`;
    const list = { json, minisig, etag, issued: document.issued };
    this.#cached = { fingerprint, list };
    return list;
  }
}
