/** Stable problem codes for episodes (issue 17). */
export const episodeProblemCatalogue = {
  EPISODE_NOT_EPISODE: {
    status: 422,
    message: "Only a story of kind episode has a programme, clip and chapters.",
  },
  EPISODE_INVALID: {
    status: 422,
    message: "The episode names a programme of another service, or a clip that does not exist.",
  },
  EPISODE_CONFLICT: {
    status: 409,
    message: "Someone else saved this episode since you opened it. Reload it and try again.",
  },
  EPISODE_NOT_FOUND: { status: 404, message: "The story has no episode details yet." },
} as const;
