import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Actor } from "../actor.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { CatalogRepository } from "../people/catalog-repository.js";
import { assertWireAdmin, assertWireReader, mayManageWireSources } from "./wire-access.js";
import type { WireSourceRepository } from "./wire-repository.js";
import {
  type WireSource,
  type WireSourceConfig,
  type WireSourceView,
  type WireSourceWithState,
  wireSourceInputSchema,
} from "./wire-source-schema.js";

/**
 * Where sources may point, checked whenever one is saved (the scheduler checks again at
 * every poll, since a symlink or a DNS answer can change after saving). Implemented in
 * `src/ingest/wire-source-locations.ts` over the configured drop roots and the outbound guard.
 */
export interface WireSourceLocations {
  /**
   * Refuses a drop directory unless its real path lies inside WIRE_DROP_ROOTS:
   * WIRE_DROP_DISABLED, WIRE_PATH_OUTSIDE_ROOTS or WIRE_PATH_NOT_FOUND.
   */
  checkDropDirectory(directory: string): Promise<void>;
  /** Refuses a feed URL on a non-public address (WIRE_URL_PRIVATE) or an unusable one. */
  checkPullUrl(url: string): Promise<void>;
}

export interface WireSourceServiceDeps {
  readonly repository: WireSourceRepository;
  readonly catalog: CatalogRepository;
  readonly clock: Clock;
  readonly locations: WireSourceLocations;
}

/**
 * Wire sources: configuration (newsroom API and `newsdesk source`), push tokens and their
 * check. Tokens are 256 random bits shown once; only their SHA-256 is stored (a slow hash
 * adds nothing for secrets of that entropy) and it is compared in constant time.
 */
export class WireSourceService {
  readonly #deps: WireSourceServiceDeps;

  constructor(deps: WireSourceServiceDeps) {
    this.#deps = deps;
  }

  /** Adds a source; push sources get their token here, once. */
  async add(
    actor: Actor,
    rawInput: unknown,
  ): Promise<{ source: WireSourceWithState; pushToken: string | null }> {
    const config = parseOrThrow(wireSourceInputSchema, rawInput);
    assertWireAdmin(actor, config.serviceId);
    await this.#checkLocation(config);
    const now = this.#deps.clock.now().toISOString();
    const source: WireSource = { ...config, id: newId(), createdAt: now, updatedAt: now };
    const pushToken = source.kind === "push" ? newPushToken() : null;
    await this.#deps.catalog.upsertAgency({ code: source.agencyCode, name: source.agencyName });
    const state = {
      nextPollAt: now,
      etag: null,
      lastModified: null,
      failures: 0,
      lastPolledAt: null,
      lastSuccessAt: null,
      lastError: null,
    };
    await this.#deps.repository.insertSource(
      source,
      pushToken === null ? null : hashToken(pushToken),
      state,
    );
    return { source: { ...source, state }, pushToken };
  }

  /** Every source; the URL or directory only where the caller may configure the source. */
  async list(actor: Actor): Promise<WireSourceView[]> {
    assertWireReader(actor);
    return (await this.#deps.repository.listSources()).map((source) => viewOf(actor, source));
  }

  async get(actor: Actor, id: string): Promise<WireSourceView> {
    assertWireReader(actor);
    return viewOf(actor, await this.#require(id));
  }

  async #checkLocation(config: WireSourceConfig): Promise<void> {
    if (config.kind === "drop-directory") {
      await this.#deps.locations.checkDropDirectory(config.directory);
    } else if (config.kind === "http-pull") {
      await this.#deps.locations.checkPullUrl(config.url);
    }
  }

  async #require(id: string): Promise<WireSourceWithState> {
    const source = await this.#deps.repository.findSource(id);
    if (source === undefined) throw new NewsdeskError("WIRE_SOURCE_NOT_FOUND");
    return source;
  }

  /** Replaces a source's configuration (its id, token and polling state stay). */
  async update(actor: Actor, id: string, rawInput: unknown): Promise<WireSourceWithState> {
    const existing = await this.#require(id);
    assertWireAdmin(actor, existing.serviceId);
    const config = parseOrThrow(wireSourceInputSchema, rawInput);
    assertWireAdmin(actor, config.serviceId);
    await this.#checkLocation(config);
    const source: WireSource = {
      ...config,
      id,
      createdAt: existing.createdAt,
      updatedAt: this.#deps.clock.now().toISOString(),
    };
    await this.#deps.catalog.upsertAgency({ code: source.agencyCode, name: source.agencyName });
    if (!(await this.#deps.repository.replaceSource(source))) {
      throw new NewsdeskError("WIRE_SOURCE_NOT_FOUND");
    }
    return { ...source, state: existing.state };
  }

  /** Removes the source; items it delivered stay in the queue and in the lineage. */
  async remove(actor: Actor, id: string): Promise<void> {
    assertWireAdmin(actor, (await this.#require(id)).serviceId);
    if (!(await this.#deps.repository.deleteSource(id)))
      throw new NewsdeskError("WIRE_SOURCE_NOT_FOUND");
  }

  /** A new push token; the old one stops working at once. */
  async rotateToken(actor: Actor, id: string): Promise<string> {
    const source = await this.#require(id);
    assertWireAdmin(actor, source.serviceId);
    if (source.kind !== "push") {
      throw new NewsdeskError("VALIDATION_FAILED", { detail: "Only push sources have tokens." });
    }
    const token = newPushToken();
    await this.#deps.repository.setTokenHash(id, hashToken(token));
    return token;
  }

  /** The enabled push source the token belongs to, or undefined: callers answer 401 alike. */
  async authenticatePush(id: string, token: string): Promise<WireSource | undefined> {
    const stored = await this.#deps.repository.findTokenHash(id);
    const presented = Buffer.from(hashToken(token), "hex");
    // Compare even when the source is unknown, so timing does not reveal which ids exist.
    const expected = Buffer.from(stored ?? "0".repeat(64), "hex");
    const matches =
      expected.length === presented.length && timingSafeEqual(expected, presented) && !!stored;
    if (!matches) return undefined;
    const source = await this.#deps.repository.findSource(id);
    return source !== undefined && source.kind === "push" && source.enabled ? source : undefined;
  }
}

/** Hides where a source reads from from callers who may not configure it. */
function viewOf(actor: Actor, source: WireSourceWithState): WireSourceView {
  if (mayManageWireSources(actor, source.serviceId)) return source;
  if (source.kind === "http-pull") {
    const { url: _url, ...rest } = source;
    return rest;
  }
  if (source.kind === "drop-directory") {
    const { directory: _directory, ...rest } = source;
    return rest;
  }
  return source;
}

function newPushToken(): string {
  return `ndw_${randomBytes(32).toString("base64url")}`;
}

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
