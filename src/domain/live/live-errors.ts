/** Stable problem codes for live pages and their posts (issue 15). */
export const liveProblemCatalogue = {
  LIVE_PAGE_NOT_FOUND: { status: 404, message: "The story is not a live page." },
  LIVE_POST_NOT_FOUND: { status: 404, message: "The live post does not exist." },
  LIVE_SETTINGS_CONFLICT: {
    status: 409,
    message:
      "Someone else changed this live page's settings since you opened them. Reload them and make your change again.",
  },
  LIVE_POST_CONFLICT: {
    status: 409,
    message:
      "Someone else changed this post since you opened it. Reload it and make your change again.",
  },
  LIVE_POSTING_CLOSED: {
    status: 403,
    message:
      "Reporters cannot post on this live page now: it has ended, or only editors may post on it.",
  },
  LIVE_POST_DELETED: { status: 409, message: "The post was deleted; it cannot be changed." },
  LIVE_OFFER_TARGET_INVALID: {
    status: 422,
    message:
      "A post can be offered only to the live page of the same story in another language service.",
  },
  LIVE_POST_ALREADY_OFFERED: {
    status: 409,
    message: "This post has already been offered to that live page.",
  },
  LIVE_POST_NOT_DRAFT: {
    status: 409,
    message: "Only an offered post that is still a draft can be published this way.",
  },
} as const;
