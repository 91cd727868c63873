import { NewsdeskError } from "../domain/error-catalogue.js";
import { type WireItem, wireItemSchema } from "../domain/wire/wire-item-schema.js";

/**
 * A stored wire version's item, read back from `wire_item_versions.item`. JSON read back
 * from the database is a boundary: it is parsed through the schema again.
 */
export function wireItemFromJson(json: string): WireItem {
  const result = wireItemSchema.safeParse(JSON.parse(json));
  if (!result.success) {
    throw new NewsdeskError("INTERNAL", {
      detail: "A stored wire version no longer matches the item schema.",
      cause: result.error,
    });
  }
  return result.data;
}
