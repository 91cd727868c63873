/** Stable problem codes for audio and video clips, spread into the one catalogue. */
export const clipProblemCatalogue = {
  CLIP_NOT_FOUND: { status: 404, message: "The audio or video clip does not exist." },
  CLIP_UNREADABLE: {
    status: 422,
    message:
      "The file could not be read to its end as audio or video: it is damaged, cut short or not a media file.",
  },
  CLIP_UNSUPPORTED: {
    status: 415,
    message: "The file is not an audio or video format Newsdesk accepts.",
  },
  CLIP_NO_AUDIO: { status: 422, message: "The file has no sound track." },
  CLIP_TOO_LONG: { status: 422, message: "The clip is longer than the limit." },
  CLIP_URL_REFUSED: {
    status: 422,
    message: "The stream address is not an allowed public http(s) address.",
  },
  CLIP_NOT_UPLOADED: {
    status: 409,
    message: "The clip is an external stream: Newsdesk has no file of it to transcode.",
  },
  MEDIA_TOOLS_MISSING: {
    status: 503,
    message: "Audio and video cannot be processed now: ffmpeg is not installed on the server.",
  },
  CLIP_IN_USE: {
    status: 409,
    message: "An episode still plays this clip. Give the episode another clip first.",
  },
  CAPTIONS_INVALID: { status: 422, message: "The captions are not valid WebVTT." },
  CAPTIONS_NOT_FOUND: {
    status: 404,
    message: "The clip has no captions in that language.",
  },
} as const satisfies Record<string, { status: number; message: string }>;
