import type { Mirror, MirrorReadRepository } from "./mirror-schema.js";

/**
 * Mirrors held in memory: for one-shot tools and tests that are handed a fixed list, and the
 * composition's default while no mirror storage is configured.
 */
export class InMemoryMirrorRepository implements MirrorReadRepository {
  readonly #mirrors: Mirror[];

  constructor(mirrors: readonly Mirror[] = []) {
    this.#mirrors = [...mirrors];
  }

  async listAll(): Promise<Mirror[]> {
    return [...this.#mirrors];
  }

  async listForService(serviceId: string): Promise<Mirror[]> {
    return this.#mirrors.filter((mirror) => mirror.serviceId === serviceId);
  }

  /** Replaces the list (tests change mirrors to see the signed list follow). */
  replace(mirrors: readonly Mirror[]): void {
    this.#mirrors.splice(0, this.#mirrors.length, ...mirrors);
  }
}
