import type { Desk, Person } from "../people/people-schema.js";
import type { ServiceConfig } from "../services/service-registry.js";
import type { StoryContent } from "../stories/story-schema.js";
import type { SourceCredits } from "./published-stories.js";

/** A name in a byline, with the service whose person or desk page it links to. */
export interface Credit {
  readonly kind: "person" | "desk";
  readonly id: string;
  readonly name: string;
  readonly service: ServiceConfig;
}

/** Who wrote a story and, for a translation, who translated it. */
export interface StoryCredits {
  /** People first, then desks; a translation's source authors before its own. */
  readonly authors: readonly Credit[];
  readonly translators: readonly Credit[];
}

/**
 * The byline readers, feeds and structured data show. Writers (authors and contributors)
 * and desks sign the story; photographers are credited on their pictures instead. A
 * translation carries its source's authors over and names its translators apart, so the
 * reader sees "By A" and "Translated by T" rather than the translator as the author.
 */
export function storyCredits(input: {
  readonly service: ServiceConfig;
  readonly content: Pick<StoryContent, "bylines">;
  readonly people: ReadonlyMap<string, Person>;
  readonly desks: ReadonlyMap<string, Desk>;
  readonly source?: SourceCredits | null | undefined;
}): StoryCredits {
  const { service, content, people, desks, source } = input;
  const personCredit = (person: Person, of: ServiceConfig): Credit => ({
    kind: "person",
    id: person.id,
    name: person.name,
    service: of,
  });
  const deskCredit = (desk: Desk, of: ServiceConfig): Credit => ({
    kind: "desk",
    id: desk.id,
    name: desk.name,
    service: of,
  });
  const own = content.bylines;
  const ownWriters = own.flatMap((b) => {
    const person =
      b.kind === "person" && (b.role === "author" || b.role === "contributor")
        ? people.get(b.personId)
        : undefined;
    return person ? [personCredit(person, service)] : [];
  });
  const ownDesks = own.flatMap((b) => {
    const desk = b.kind === "desk" ? desks.get(b.deskId) : undefined;
    return desk ? [deskCredit(desk, service)] : [];
  });
  const translators = own.flatMap((b) => {
    const person =
      b.kind === "person" && b.role === "translator" ? people.get(b.personId) : undefined;
    return person ? [personCredit(person, service)] : [];
  });
  const authors = [
    ...(source?.people ?? []).map((p) => personCredit(p, source?.service ?? service)),
    ...ownWriters,
    ...(source?.desks ?? []).map((d) => deskCredit(d, source?.service ?? service)),
    ...ownDesks,
  ];
  const seen = new Set<string>();
  return {
    authors: authors.filter((credit) => {
      const key = `${credit.kind}:${credit.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
    translators,
  };
}
