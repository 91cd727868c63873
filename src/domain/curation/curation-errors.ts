/** Stable problem codes for front-page, section and related-story curation. */
export const curationProblemCatalogue = {
  CURATION_CONFLICT: {
    status: 409,
    message:
      "Someone else saved this list since you opened it. Reload it and make your change again.",
  },
  CURATION_STORY_NOT_LIVE: {
    status: 422,
    message: "Only published stories can be pinned or picked as related.",
  },
} as const;
