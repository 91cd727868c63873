import { z } from "zod";
import { NewsdeskError } from "../error-catalogue.js";
import type { ModifiedCursor } from "../published/published-story-repository.js";

const cursorSchema = z.object({ t: z.iso.datetime(), i: z.string().min(1).max(64) });

/** Opaque to clients: base64url JSON of the last item's (lastModifiedAt, id). */
export function encodeCursor(cursor: ModifiedCursor): string {
  return Buffer.from(JSON.stringify({ t: cursor.lastModifiedAt, i: cursor.id })).toString(
    "base64url",
  );
}

export function decodeCursor(value: string): ModifiedCursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return { lastModifiedAt: parsed.t, id: parsed.i };
  } catch (cause) {
    throw new NewsdeskError("CURSOR_INVALID", { cause });
  }
}
