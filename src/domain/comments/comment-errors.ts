/** Stable problem codes for story comments and notifications, spread into the one catalogue. */
export const commentProblemCatalogue = {
  COMMENT_NOT_FOUND: { status: 404, message: "The comment does not exist." },
  MENTION_NOT_ALLOWED: {
    status: 422,
    message:
      "Someone you mentioned cannot see this story, so they cannot be notified. Remove the mention or ask an editor to give them a role in this service.",
  },
  COMMENT_LIMIT_REACHED: {
    status: 422,
    message: "This story has as many comments as it can hold. Delete resolved ones first.",
  },
} as const satisfies Record<string, { status: number; message: string }>;
