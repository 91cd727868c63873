import type { Actor } from "../actor.js";
import type { AuditLog } from "../audit/audit-log.js";
import type { Clock } from "../clock.js";
import { parseOrThrow } from "../parse-or-throw.js";
import { type ServiceId, services } from "../services/service-registry.js";
import { assertCan } from "../users/access-policy.js";
import {
  defaultWritingSettings,
  type WritingSettings,
  writingSettingsSchema,
} from "./writing-settings.js";

export interface StoredWritingSettings {
  readonly settings: WritingSettings;
  readonly updatedAt: string;
  readonly updatedBy: string | null;
}

export interface WritingSettingsRepository {
  find(serviceId: ServiceId): Promise<StoredWritingSettings | undefined>;
  save(serviceId: ServiceId, stored: StoredWritingSettings): Promise<void>;
}

/** What the newsroom shows: the settings in force and whether they are the defaults. */
export interface WritingSettingsView {
  readonly serviceId: ServiceId;
  readonly settings: WritingSettings;
  readonly isDefault: boolean;
  readonly updatedAt: string | null;
}

/** Reads and changes a service's writing guidance (docs/newsroom-api.md, "Writing settings"). */
export class WritingSettingsService {
  readonly #repository: WritingSettingsRepository;
  readonly #audit: AuditLog;
  readonly #clock: Clock;

  constructor(deps: { repository: WritingSettingsRepository; audit: AuditLog; clock: Clock }) {
    this.#repository = deps.repository;
    this.#audit = deps.audit;
    this.#clock = deps.clock;
  }

  /** Anyone who works in the service reads its guidance: the editor shows it as they write. */
  async get(actor: Actor, serviceId: ServiceId): Promise<WritingSettingsView> {
    assertCan(actor, "story.view", serviceId);
    const stored = await this.#repository.find(serviceId);
    if (!stored) {
      return {
        serviceId,
        settings: defaultWritingSettings(services[serviceId].locale),
        isDefault: true,
        updatedAt: null,
      };
    }
    return { serviceId, settings: stored.settings, isDefault: false, updatedAt: stored.updatedAt };
  }

  async update(actor: Actor, serviceId: ServiceId, raw: unknown): Promise<WritingSettingsView> {
    assertCan(actor, "settings.manage", serviceId);
    const settings = parseOrThrow(writingSettingsSchema, raw);
    const updatedAt = this.#clock.now().toISOString();
    await this.#repository.save(serviceId, {
      settings,
      updatedAt,
      updatedBy: actor.kind === "user" ? actor.userId : null,
    });
    await this.#audit.record(
      actor,
      "settings.writing.updated",
      { serviceId },
      { houseStyleRules: settings.houseStyle.length },
    );
    return { serviceId, settings, isDefault: false, updatedAt };
  }
}
