/** Stable problem codes for programmes and broadcast schedules. */
export const programmeProblemCatalogue = {
  PROGRAMME_NOT_FOUND: { status: 404, message: "The programme does not exist." },
  PROGRAMME_SLUG_TAKEN: {
    status: 409,
    message: "Another programme of this service already uses that address.",
  },
  PROGRAMME_CONFLICT: {
    status: 409,
    message: "Someone else saved this programme since you opened it. Reload it and try again.",
  },
  PROGRAMME_ARTWORK_INVALID: {
    status: 422,
    message:
      "Podcast artwork must be a square image from the media library, at least 1600 pixels wide.",
  },
  PROGRAMME_IN_USE: {
    status: 409,
    message: "The programme is in the broadcast schedule. Take it out of the schedule first.",
  },
  SCHEDULE_CONFLICT: {
    status: 409,
    message: "Someone else saved the schedule since you opened it. Reload it and try again.",
  },
  SCHEDULE_INVALID: {
    status: 422,
    message: "The schedule refers to a programme or slot that does not exist.",
  },
} as const;
