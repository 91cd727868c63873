import type { ServiceId } from "../services/service-registry.js";
import type { StoryContent } from "../stories/story-schema.js";
import type { CatalogRepository, RedirectKind } from "./catalog-repository.js";

/**
 * Content with moved keys replaced by where they live now: merged or renamed topics, a
 * renamed section, merged people (the same person in the same role is kept once). Saving a draft does
 * the same (StoryService), so only content written before a move differs.
 */
export async function currentKeys(
  catalog: Pick<CatalogRepository, "movedKeys">,
  serviceId: ServiceId,
  content: StoryContent,
): Promise<StoryContent> {
  const personIds = content.bylines.flatMap((b) => (b.kind === "person" ? [b.personId] : []));
  const { topics, sections, people } = await catalog.movedKeys(serviceId, {
    topics: content.topics,
    sections: [content.section],
    people: personIds,
  });
  if (topics.size === 0 && sections.size === 0 && people.size === 0) return content;
  const seen = new Set<string>();
  const bylines = content.bylines.flatMap((byline): StoryContent["bylines"] => {
    if (byline.kind !== "person") return [byline];
    const personId = people.get(byline.personId) ?? byline.personId;
    const key = `${personId} ${byline.role}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ ...byline, personId }];
  });
  return {
    ...content,
    section: sections.get(content.section) ?? content.section,
    topics: [...new Set(content.topics.map((slug) => topics.get(slug) ?? slug))],
    bylines,
  };
}

/** Where one merged or renamed topic, renamed section or merged person now lives. */
export async function movedKey(
  catalog: Pick<CatalogRepository, "movedKeys">,
  serviceId: ServiceId,
  kind: RedirectKind | "person",
  key: string,
): Promise<string | undefined> {
  const moved = await catalog.movedKeys(serviceId, {
    topics: kind === "topic" ? [key] : [],
    sections: kind === "section" ? [key] : [],
    people: kind === "person" ? [key] : [],
  });
  return (kind === "topic" ? moved.topics : kind === "section" ? moved.sections : moved.people).get(
    key,
  );
}
