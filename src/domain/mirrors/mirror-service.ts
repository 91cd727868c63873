import type { Actor } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Clock } from "../clock.js";
import { NewsdeskError } from "../error-catalogue.js";
import { newId } from "../ids.js";
import { parseOrThrow } from "../parse-or-throw.js";
import type { ServiceId } from "../services/service-registry.js";
import { assertAdmin } from "../users/access-policy.js";
import type { MirrorRepository } from "./mirror-repository.js";
import { type Mirror, mirrorInputSchema } from "./mirror-schema.js";
import { checkMirrorUrl } from "./mirror-url.js";

/**
 * Lists, adds and removes a service's mirrors (docs/newsroom-api.md, "Mirrors").
 * Administrators only: a mirror sends readers to another origin, which makes it as
 * sensitive as the site's own domain.
 */
export class MirrorService {
  readonly #repository: MirrorRepository;
  readonly #audit: AuditLog;
  readonly #clock: Clock;
  readonly #onChange: (serviceId: ServiceId) => Promise<void>;

  constructor(deps: {
    repository: MirrorRepository;
    audit: AuditLog;
    clock: Clock;
    /** Told after each change: the reader pages' mirror directory and cached pages. */
    onChange?: (serviceId: ServiceId) => Promise<void>;
  }) {
    this.#repository = deps.repository;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
    this.#onChange = deps.onChange ?? (async () => {});
  }

  async list(actor: Actor, serviceId: ServiceId): Promise<Mirror[]> {
    assertAdmin(actor, "see a service's mirrors");
    return this.#repository.listForService(serviceId);
  }

  async add(actor: Actor, serviceId: ServiceId, raw: unknown): Promise<Mirror> {
    assertAdmin(actor, "change a service's mirrors");
    const input = parseOrThrow(mirrorInputSchema, raw);
    const checked = checkMirrorUrl(input.kind, input.url);
    if (!checked.ok) {
      throw new NewsdeskError("MIRROR_URL_INVALID", {
        detail: checked.reason,
        details: { issues: [{ path: "url", message: checked.reason }] },
      });
    }
    const mirror: Mirror = {
      id: newId(),
      serviceId,
      kind: input.kind,
      url: checked.url,
      note: input.note,
      createdAt: this.#clock.now().toISOString(),
    };
    const inserted = await this.#repository.insert(
      mirror,
      actor.kind === "user" ? actor.userId : null,
    );
    if (!inserted) throw new NewsdeskError("MIRROR_EXISTS", { details: { url: mirror.url } });
    await this.#audit.record(
      actor,
      "mirror.add",
      { serviceId },
      { mirrorId: mirror.id, kind: mirror.kind, url: mirror.url },
    );
    await this.#onChange(serviceId);
    return mirror;
  }

  async remove(actor: Actor, serviceId: ServiceId, id: string): Promise<void> {
    assertAdmin(actor, "change a service's mirrors");
    const removed = await this.#repository.remove(serviceId, id);
    if (!removed) throw new NewsdeskError("MIRROR_NOT_FOUND");
    await this.#audit.record(
      actor,
      "mirror.remove",
      { serviceId },
      { mirrorId: id, kind: removed.kind, url: removed.url },
    );
    await this.#onChange(serviceId);
  }
}
